package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static dev.tracedesk.store.generated.Tables.REVIEW_LABEL;
import static dev.tracedesk.store.generated.Tables.SPAN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.impl.DSL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.store.generated.tables.ReviewLabel;

/**
 * Review as the Traces table shows it: the flags and verdict of a page's rows, and which calls and
 * traces are labeled (the sidebar's Labeled / Unlabeled filter). Read from {@code review_item} and
 * the {@code review_label} log directly: the {@code review} package depends on {@code traces}, so
 * {@code traces} cannot ask it (no package cycles).
 *
 * <p>Nothing of {@code review.ItemStates} is repeated here. An item's state (OPEN / DONE / DISPUTED)
 * is the one the review package stores on {@code review_item.state} in the same transaction as
 * every log entry — the same value the review desk lists — and the only rule read from the log is
 * which verdict stands in a DONE item: the newest adjudication not retracted, else the newest label
 * not retracted (in a DONE item every reviewer's current label agrees, and the newest label is
 * its reviewer's current one). Labeled = at least one LABEL or ADJUDICATE entry no RETRACT names,
 * which is exactly when the row has a verdict.
 *
 * <p>A row's items: for a call, the items on the call and on eval cases run on it
 * ({@code eval_case.span_id}); for a trace, the items on any of its spans and on eval cases of the
 * trace ({@code eval_case.trace_id}). Marks are read for one page's ids only (two small queries),
 * never joined into the page query.
 */
public final class ReviewMarks {

    static final String SPAN_TARGET = "SPAN";
    static final String EVAL_CASE_TARGET = "EVAL_CASE";
    private static final List<String> VERDICT_ACTIONS = List.of("LABEL", "ADJUDICATE");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewMarks() {
    }

    /** Each call's mark, by span row id; calls without review items are left out. */
    public static Map<Long, ReviewMark> ofCalls(DSLContext dsl, Collection<Long> spanRowIds, Collection<Long> traceRowIds) {
        if (spanRowIds.isEmpty()) {
            return Map.of();
        }
        // An eval case names a span only within its trace (EvalRows looks the span up in the trace),
        // so the trace id narrows the cases through eval_case_trace_idx; there is no index on span_id.
        Select<Record4<Long, Long, String, String>> items = DSL
                .select(REVIEW_ITEM.TARGET_ID, REVIEW_ITEM.ID, REVIEW_ITEM.STATE, REVIEW_ITEM.REASONS_JSON)
                .from(REVIEW_ITEM)
                .where(REVIEW_ITEM.TARGET_KIND.eq(SPAN_TARGET), REVIEW_ITEM.TARGET_ID.in(spanRowIds))
                .unionAll(DSL.select(EVAL_CASE.SPAN_ID, REVIEW_ITEM.ID, REVIEW_ITEM.STATE, REVIEW_ITEM.REASONS_JSON)
                        .from(EVAL_CASE).join(REVIEW_ITEM)
                        .on(REVIEW_ITEM.TARGET_KIND.eq(EVAL_CASE_TARGET), REVIEW_ITEM.TARGET_ID.eq(EVAL_CASE.ID))
                        .where(EVAL_CASE.TRACE_ID.in(traceRowIds), EVAL_CASE.SPAN_ID.in(spanRowIds)));
        return marks(dsl, items);
    }

    /** Each trace's mark, by trace row id; traces without review items are left out. */
    public static Map<Long, ReviewMark> ofTraces(DSLContext dsl, Collection<Long> traceRowIds) {
        if (traceRowIds.isEmpty()) {
            return Map.of();
        }
        Select<Record4<Long, Long, String, String>> items = DSL
                .select(SPAN.TRACE_ID, REVIEW_ITEM.ID, REVIEW_ITEM.STATE, REVIEW_ITEM.REASONS_JSON)
                .from(SPAN).join(REVIEW_ITEM)
                .on(REVIEW_ITEM.TARGET_KIND.eq(SPAN_TARGET), REVIEW_ITEM.TARGET_ID.eq(SPAN.ID))
                .where(SPAN.TRACE_ID.in(traceRowIds))
                .unionAll(DSL.select(EVAL_CASE.TRACE_ID, REVIEW_ITEM.ID, REVIEW_ITEM.STATE, REVIEW_ITEM.REASONS_JSON)
                        .from(EVAL_CASE).join(REVIEW_ITEM)
                        .on(REVIEW_ITEM.TARGET_KIND.eq(EVAL_CASE_TARGET), REVIEW_ITEM.TARGET_ID.eq(EVAL_CASE.ID))
                        .where(EVAL_CASE.TRACE_ID.in(traceRowIds)));
        return marks(dsl, items);
    }

    /**
     * True for a call with a label that stands: on the call, or on an eval case run on it. Correlated
     * {@code EXISTS} probes — {@code review_label_target_idx}, and {@code eval_case_trace_idx} (a case
     * names a span only within its trace) — so a newest-first walk checks each row it passes by index
     * and stops after the page, as the other span filters do (decision 0010).
     */
    static Condition callLabeled(Field<Long> spanId, Field<Long> traceId) {
        ReviewLabel label = REVIEW_LABEL.as("lbl");
        var evalCase = EVAL_CASE.as("lcase");
        return DSL.exists(DSL.selectOne().from(label)
                        .where(label.TARGET_KIND.eq(SPAN_TARGET), label.TARGET_ID.eq(spanId), standing(label)))
                .or(DSL.exists(DSL.selectOne().from(evalCase).join(label)
                        .on(label.TARGET_KIND.eq(EVAL_CASE_TARGET), label.TARGET_ID.eq(evalCase.ID))
                        .where(evalCase.TRACE_ID.eq(traceId), evalCase.SPAN_ID.eq(spanId), standing(label))));
    }

    /** True for a trace with a label that stands on one of its spans or eval cases; probes like {@link #callLabeled}. */
    static Condition traceLabeled(Field<Long> traceId) {
        ReviewLabel label = REVIEW_LABEL.as("lbl");
        var labeledSpan = SPAN.as("lspan");
        var evalCase = EVAL_CASE.as("lcase");
        return DSL.exists(DSL.selectOne().from(labeledSpan).join(label)
                        .on(label.TARGET_KIND.eq(SPAN_TARGET), label.TARGET_ID.eq(labeledSpan.ID))
                        .where(labeledSpan.TRACE_ID.eq(traceId), standing(label)))
                .or(DSL.exists(DSL.selectOne().from(evalCase).join(label)
                        .on(label.TARGET_KIND.eq(EVAL_CASE_TARGET), label.TARGET_ID.eq(evalCase.ID))
                        .where(evalCase.TRACE_ID.eq(traceId), standing(label))));
    }

    /** A LABEL or ADJUDICATE entry that no RETRACT entry of its item names. */
    private static Condition standing(ReviewLabel label) {
        ReviewLabel retract = REVIEW_LABEL.as("rtr");
        return label.ACTION.in(VERDICT_ACTIONS).andNotExists(DSL.selectOne().from(retract)
                .where(retract.REVIEW_ITEM_ID.eq(label.REVIEW_ITEM_ID), retract.ACTION.eq("RETRACT"),
                        retract.RETRACTS_LABEL_ID.eq(label.ID)));
    }

    private static Map<Long, ReviewMark> marks(DSLContext dsl, Select<Record4<Long, Long, String, String>> itemQuery) {
        List<Item> items = dsl.fetch(itemQuery).map(row -> new Item(row.value1(), row.value2(), row.value3(), row.value4()));
        if (items.isEmpty()) {
            return Map.of();
        }
        Map<Long, ReviewVerdict> verdicts = verdicts(dsl, items);
        Map<Long, List<Item>> byRow = new HashMap<>();
        for (Item item : items) {
            byRow.computeIfAbsent(item.rowId, id -> new ArrayList<>()).add(item);
        }
        Map<Long, ReviewMark> marks = new HashMap<>();
        byRow.forEach((rowId, rowItems) -> {
            Set<Long> seen = new java.util.HashSet<>();
            Set<String> reasons = new LinkedHashSet<>();
            ReviewVerdict verdict = null;
            for (Item item : rowItems) {
                if (seen.add(item.itemId)) {
                    reasons.addAll(reasons(item.reasonsJson));
                    verdict = ReviewVerdict.worse(verdict, verdicts.get(item.itemId));
                }
            }
            marks.put(rowId, new ReviewMark(seen.size(), List.copyOf(reasons), verdict));
        });
        return marks;
    }

    /** Each labeled item's verdict, by item id; items with no standing label are left out. */
    private static Map<Long, ReviewVerdict> verdicts(DSLContext dsl, List<Item> items) {
        Map<Long, String> states = new HashMap<>();
        items.forEach(item -> states.put(item.itemId, item.state));
        ReviewLabel label = REVIEW_LABEL.as("lbl");
        // Newest first: the first adjudication and the first label met are the ones that stand.
        Map<Long, String> adjudicated = new HashMap<>();
        Map<Long, String> labeled = new HashMap<>();
        dsl.select(label.REVIEW_ITEM_ID, label.ACTION, label.VERDICT).from(label)
                .where(label.REVIEW_ITEM_ID.in(states.keySet()), standing(label))
                .orderBy(label.ID.desc())
                .forEach(row -> (row.value2().equals("ADJUDICATE") ? adjudicated : labeled)
                        .putIfAbsent(row.value1(), row.value3()));
        Map<Long, ReviewVerdict> verdicts = new HashMap<>();
        states.forEach((itemId, state) -> {
            if (!adjudicated.containsKey(itemId) && !labeled.containsKey(itemId)) {
                return;
            }
            ReviewVerdict verdict = switch (state) {
                case "DISPUTED" -> ReviewVerdict.DISPUTED;
                case "DONE" -> settled(adjudicated.containsKey(itemId) ? adjudicated.get(itemId) : labeled.get(itemId));
                default -> ReviewVerdict.OPEN;
            };
            verdicts.put(itemId, verdict);
        });
        return verdicts;
    }

    private static ReviewVerdict settled(String verdict) {
        if (verdict == null) {
            return ReviewVerdict.OPEN;
        }
        return switch (verdict) {
            case "PASS" -> ReviewVerdict.PASS;
            case "FAIL" -> ReviewVerdict.FAIL;
            case "UNSURE" -> ReviewVerdict.UNSURE;
            default -> ReviewVerdict.OPEN;
        };
    }

    /**
     * The reasons of {@code review_item.reasons_json} (an array of {rule, type, detail}, as the
     * review package writes it) as one line each, "rule — detail". Tolerant: anything else becomes
     * "Flagged", never an error.
     */
    static List<String> reasons(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            JsonNode root = JSON.readTree(json);
            List<String> reasons = new ArrayList<>();
            for (JsonNode node : root.isArray() ? root : List.of(root)) {
                if (node.isTextual()) {
                    reasons.add(node.asText());
                    continue;
                }
                String rule = text(node, "rule");
                String name = rule == null || rule.isBlank() ? (text(node, "type") == null ? "Flagged" : text(node, "type")) : rule;
                String detail = text(node, "detail");
                reasons.add(detail == null || detail.isBlank() ? name : name + " — " + detail);
            }
            return reasons;
        } catch (Exception unreadable) {
            return List.of("Flagged");
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private record Item(long rowId, long itemId, String state, String reasonsJson) {
    }
}
