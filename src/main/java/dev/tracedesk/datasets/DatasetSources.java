package dev.tracedesk.datasets;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Record;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.tracedesk.grounding.GroundingDocument;
import dev.tracedesk.review.ItemState;
import dev.tracedesk.review.ItemStates;
import dev.tracedesk.review.ReviewItemDetail;
import dev.tracedesk.review.ReviewItemDetails;
import dev.tracedesk.review.TargetKind;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelEntry;
import dev.tracedesk.traces.RetrievedContext;
import dev.tracedesk.traces.SpanDetail;
import dev.tracedesk.traces.SpanMessage;
import dev.tracedesk.traces.TraceDetail;
import dev.tracedesk.traces.TraceQueries;

/**
 * Turns a source (review item, eval case, span) into a dataset item with its provenance, or
 * refuses it with a reason. The split is left null; the store assigns it.
 */
final class DatasetSources {

    static final String FAILED_WITHOUT_CORRECTION =
            "a failed item without a correction cannot become a positive example";

    /** A source that cannot become an item, with the reason. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    DatasetSources(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    DatasetItem item(ItemSource source) throws Refused {
        return switch (source.kind()) {
            case REVIEW_ITEM -> fromReviewItem(source.id());
            case EVAL_CASE -> fromCase(source.id(), null);
            case SPAN -> fromSpan(source.id(), null);
        };
    }

    private DatasetItem fromReviewItem(long itemId) throws Refused {
        ReviewItemDetail detail = new ReviewItemDetails(dsl, clock).load(itemId)
                .orElseThrow(() -> new Refused("no review item " + itemId));
        LabelEntry label = currentLabel(detail.history(), detail.labelsPerItem());
        if (label == null) {
            throw new Refused("review item " + itemId + " has no label yet");
        }
        Labeled labeled = new Labeled(label, detail.item().itemId(), detail.item().queue());
        return detail.item().targetKind() == TargetKind.SPAN
                ? fromSpan(detail.item().targetId(), labeled)
                : fromCase(detail.item().targetId(), labeled);
    }

    /**
     * The label that decides: the settled one (an adjudication, or the newest of agreeing labels),
     * else the newest label that counts. Null when there is none.
     */
    static LabelEntry currentLabel(List<LabelEntry> history, int labelsPerItem) {
        LabelEntry adjudication = ItemStates.adjudication(history);
        if (adjudication != null) {
            return adjudication;
        }
        Map<String, LabelEntry> labels = ItemStates.currentLabels(history);
        if (labels.isEmpty()) {
            return null;
        }
        Verdict settled = ItemStates.stateOf(history, labelsPerItem) == ItemState.DONE
                ? ItemStates.settledVerdict(history, labelsPerItem) : null;
        return labels.values().stream()
                .filter(entry -> settled == null || entry.verdict() == settled)
                .max(Comparator.comparingLong(LabelEntry::id))
                .orElse(null);
    }

    private record Labeled(LabelEntry label, long reviewItemId, String queue) {
    }

    private DatasetItem fromSpan(long spanRowId, Labeled labeled) throws Refused {
        Record row = dsl.select(TRACE.EXTERNAL_TRACE_ID, TRACE.ID, SPAN.EXTERNAL_SPAN_ID, SPAN.KIND)
                .from(SPAN).join(TRACE).on(TRACE.ID.eq(SPAN.TRACE_ID))
                .where(SPAN.ID.eq(spanRowId)).fetchOne();
        if (row == null) {
            throw new Refused("no span " + spanRowId);
        }
        if (!"LLM".equals(row.get(SPAN.KIND))) {
            throw new Refused("span " + spanRowId + " is a " + row.get(SPAN.KIND) + " span, not an LLM call");
        }
        TraceDetail trace = new TraceQueries(dsl).trace(row.get(TRACE.EXTERNAL_TRACE_ID))
                .orElseThrow(() -> new Refused("the trace of span " + spanRowId + " is gone"));
        SpanDetail span = trace.spans().stream().filter(s -> s.id() == spanRowId).findFirst()
                .orElseThrow(() -> new Refused("no span " + spanRowId));
        String output = outputOf(span);
        String expected = expected(labeled, output, "span " + spanRowId);

        Map<String, Object> input = new LinkedHashMap<>();
        List<Map<String, Object>> messages = new ArrayList<>();
        span.messages().stream().filter(m -> "INPUT".equals(m.direction()))
                .sorted(Comparator.comparingInt(SpanMessage::position))
                .forEach(m -> messages.add(message(m.role(), m.content())));
        if (!messages.isEmpty()) {
            input.put("messages", messages);
        }
        SpanDetail.PromptTemplate template = span.promptTemplate();
        if (template != null && template.variablesJson() != null && !template.variablesJson().isBlank()) {
            input.put("vars", CanonicalItems.tree(template.variablesJson()));
        }
        if (messages.isEmpty() && span.inputText() != null && !span.inputText().isBlank()) {
            input.put("prompt", span.inputText());
        }
        if (input.isEmpty()) {
            throw new Refused("span " + spanRowId + " has no input (no messages, variables or prompt)");
        }
        List<String> documents = RetrievedContext.of(trace, span.spanId()).stream()
                .map(DatasetSources::documentId).distinct().toList();
        Map<String, Object> metadata = metadata(labeled);
        putOriginal(metadata, expected, output);
        metadata.put("traceId", trace.traceId());
        metadata.put("spanId", span.spanId());
        String served = span.responseModel() != null ? span.responseModel() : span.requestModel();
        return new DatasetItem(itemKey("span", trace.traceId() + "\u0000" + span.spanId()), null, json(input),
                expected, span.id(), null, served, template == null ? null : template.name(),
                template == null ? null : template.version(), documents,
                labeled == null ? null : labeled.label().reviewer(),
                labeled == null ? null : labeled.label().id(), json(metadata));
    }

    private DatasetItem fromCase(long caseId, Labeled labeled) throws Refused {
        Record row = dsl.select(EVAL_CASE.asterisk(), EVAL_RUN.EXTERNAL_RUN_ID, EVAL_RUN.TOOL, SPAN.SERVED_MODEL,
                        SPAN.REQUESTED_MODEL, SPAN.PROMPT_TEMPLATE_NAME, SPAN.PROMPT_TEMPLATE_VERSION)
                .from(EVAL_CASE).join(EVAL_RUN).on(EVAL_RUN.ID.eq(EVAL_CASE.EVAL_RUN_ID))
                .leftJoin(SPAN).on(SPAN.ID.eq(EVAL_CASE.SPAN_ID))
                .where(EVAL_CASE.ID.eq(caseId)).fetchOne();
        if (row == null) {
            throw new Refused("no eval case " + caseId);
        }
        String what = "eval case " + caseId;
        String expected;
        if (labeled != null) {
            expected = expected(labeled, row.get(EVAL_CASE.ACTUAL_OUTPUT), what);
        } else if (!blank(row.get(EVAL_CASE.EXPECTED_OUTPUT))) {
            expected = row.get(EVAL_CASE.EXPECTED_OUTPUT);
        } else if ("PASS".equals(row.get(EVAL_CASE.STATUS)) && !blank(row.get(EVAL_CASE.ACTUAL_OUTPUT))) {
            expected = row.get(EVAL_CASE.ACTUAL_OUTPUT);
        } else {
            throw new Refused(what + " " + row.get(EVAL_CASE.STATUS).toLowerCase(java.util.Locale.ROOT)
                    + " and has no expected output: " + FAILED_WITHOUT_CORRECTION);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        if (!blank(row.get(EVAL_CASE.VARS_JSON))) {
            input.put("vars", CanonicalItems.tree(row.get(EVAL_CASE.VARS_JSON)));
        }
        if (!blank(row.get(EVAL_CASE.PROMPT_TEXT))) {
            input.put("prompt", row.get(EVAL_CASE.PROMPT_TEXT));
        }
        if (input.isEmpty()) {
            throw new Refused(what + " has no input (no variables or prompt)");
        }
        Map<String, Object> metadata = metadata(labeled);
        putOriginal(metadata, expected, row.get(EVAL_CASE.ACTUAL_OUTPUT));
        metadata.put("tool", row.get(EVAL_RUN.TOOL));
        metadata.put("runId", row.get(EVAL_RUN.EXTERNAL_RUN_ID));
        metadata.put("caseKey", row.get(EVAL_CASE.CASE_KEY));
        putIfPresent(metadata, "provider", row.get(EVAL_CASE.PROVIDER));
        putIfPresent(metadata, "description", row.get(EVAL_CASE.DESCRIPTION));
        String served = row.get(SPAN.SERVED_MODEL) != null ? row.get(SPAN.SERVED_MODEL) : row.get(SPAN.REQUESTED_MODEL);
        if (served == null && !blank(row.get(EVAL_CASE.PROVIDER))) {
            served = row.get(EVAL_CASE.PROVIDER);
        }
        String templateName = row.get(SPAN.PROMPT_TEMPLATE_NAME) != null ? row.get(SPAN.PROMPT_TEMPLATE_NAME)
                : blank(row.get(EVAL_CASE.PROMPT_LABEL)) ? null : row.get(EVAL_CASE.PROMPT_LABEL);
        String natural = row.get(EVAL_RUN.TOOL) + "\u0000" + row.get(EVAL_RUN.EXTERNAL_RUN_ID) + "\u0000"
                + row.get(EVAL_CASE.CASE_KEY) + "\u0000" + row.get(EVAL_CASE.PROVIDER) + "\u0000"
                + row.get(EVAL_CASE.PROMPT_LABEL);
        return new DatasetItem(itemKey("case", natural), null, json(input), expected, row.get(EVAL_CASE.SPAN_ID),
                caseId, served, templateName, row.get(SPAN.PROMPT_TEMPLATE_VERSION), List.of(),
                labeled == null ? null : labeled.label().reviewer(),
                labeled == null ? null : labeled.label().id(), json(metadata));
    }

    /** The correction when the label has one; else the output when the verdict is pass; else refused. */
    private static String expected(Labeled labeled, String output, String what) throws Refused {
        if (labeled == null) {
            if (blank(output)) {
                throw new Refused(what + " has no output to use as the expected output");
            }
            return output;
        }
        LabelEntry label = labeled.label();
        if (!blank(label.correctedOutput())) {
            return label.correctedOutput();
        }
        if (label.verdict() == Verdict.PASS) {
            if (blank(output)) {
                throw new Refused(what + " passed review but has no output to use as the expected output");
            }
            return output;
        }
        throw new Refused("review item " + labeled.reviewItemId() + " is labeled "
                + label.verdict().label().toLowerCase(java.util.Locale.ROOT) + " by " + label.reviewer()
                + " without a correction: " + FAILED_WITHOUT_CORRECTION);
    }

    /** The model's own output, kept when the expected output differs from it (a correction): DPO exports pair the two. */
    private static void putOriginal(Map<String, Object> metadata, String expected, String original) {
        if (original != null && expected != null && !original.equals(expected)) {
            metadata.put("originalOutput", original);
        }
    }

    private static Map<String, Object> metadata(Labeled labeled) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (labeled != null) {
            metadata.put("reviewItemId", labeled.reviewItemId());
            metadata.put("queue", labeled.queue());
            metadata.put("verdict", labeled.label().verdict().name());
            if (!labeled.label().categories().isEmpty()) {
                metadata.put("categories", labeled.label().categories());
            }
            metadata.put("corrected", labeled.label().correctedOutput() != null);
        }
        return metadata;
    }

    private static String outputOf(SpanDetail span) {
        List<String> parts = span.messages().stream().filter(m -> "OUTPUT".equals(m.direction()))
                .sorted(Comparator.comparingInt(SpanMessage::position))
                .map(SpanMessage::content).filter(c -> c != null && !c.isBlank()).toList();
        if (!parts.isEmpty()) {
            return String.join("\n", parts);
        }
        return blank(span.outputText()) ? null : span.outputText();
    }

    private static Map<String, Object> message(String role, String content) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", role == null ? "user" : role.toLowerCase(java.util.Locale.ROOT));
        message.put("content", content == null ? "" : content);
        return message;
    }

    private static String documentId(GroundingDocument document) {
        return document.documentId() != null && !document.documentId().isBlank() ? document.documentId()
                : document.spanId() + "#" + document.rank();
    }

    /** {@code span-…} / {@code case-…}: the kind and 24 hex digits of SHA-256 over the source's natural key. */
    static String itemKey(String kind, String natural) {
        return kind + "-" + CanonicalItems.sha256Hex(kind + "\u0000" + natural).substring(0, 24);
    }

    private static String json(Object value) {
        try {
            return CanonicalItems.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (!blank(value)) {
            map.put(key, value);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
