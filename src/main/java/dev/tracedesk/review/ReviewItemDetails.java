package dev.tracedesk.review;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.REVIEW_QUEUE;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;

import dev.tracedesk.review.log.ReviewLog;
import dev.tracedesk.traces.SpanDetail;
import dev.tracedesk.traces.TraceDetail;
import dev.tracedesk.traces.TraceQueries;

/**
 * Loads a review item with its evidence: for an LLM call, its trace (three queries) condensed by
 * {@link SpanEvidence}; for an eval case, the case itself, and the call behind it when the source
 * linked one (that is where the retrieved context lives).
 */
public final class ReviewItemDetails {

    private final DSLContext dsl;
    private final ReviewItems items;
    private final ReviewLog log;

    public ReviewItemDetails(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.items = new ReviewItems(dsl, clock);
        this.log = new ReviewLog(clock);
    }

    public Optional<ReviewItemDetail> load(long itemId) {
        Optional<ReviewItemSummary> found = items.item(itemId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReviewItemSummary item = found.get();
        Record queue = dsl.select(REVIEW_QUEUE.LABELS_PER_ITEM, REVIEW_QUEUE.BLIND, REVIEW_QUEUE.LABEL_SCHEMA_JSON)
                .from(REVIEW_QUEUE)
                .where(REVIEW_QUEUE.ID.eq(item.queueId())).fetchOne();
        ReviewEvidence evidence = item.targetKind() == TargetKind.SPAN ? spanEvidence(item) : caseEvidence(item);
        return Optional.of(new ReviewItemDetail(item, evidence, queue.get(REVIEW_QUEUE.LABELS_PER_ITEM),
                queue.get(REVIEW_QUEUE.BLIND), LabelSchema.parse(queue.get(REVIEW_QUEUE.LABEL_SCHEMA_JSON)),
                log.entriesOfTarget(dsl, item.targetKind().name(), item.targetId())));
    }

    private ReviewEvidence spanEvidence(ReviewItemSummary item) {
        Optional<TraceDetail> trace = item.traceId() == null ? Optional.empty()
                : new TraceQueries(dsl).trace(item.traceId());
        Optional<SpanDetail> span = trace.flatMap(t -> t.spans().stream().filter(s -> s.id() == item.targetId()).findFirst());
        if (span.isEmpty()) {
            return SpanEvidence.missing("This call is no longer in the workspace (its trace was removed).");
        }
        return SpanEvidence.of(trace.get(), span.get());
    }

    private ReviewEvidence caseEvidence(ReviewItemSummary item) {
        Record row = dsl.select(EVAL_CASE.asterisk(), EVAL_RUN.NAME, EVAL_RUN.TOOL, TRACE.EXTERNAL_TRACE_ID,
                        SPAN.EXTERNAL_SPAN_ID)
                .from(EVAL_CASE).join(EVAL_RUN).on(EVAL_RUN.ID.eq(EVAL_CASE.EVAL_RUN_ID))
                .leftJoin(TRACE).on(TRACE.ID.eq(EVAL_CASE.TRACE_ID))
                .leftJoin(SPAN).on(SPAN.ID.eq(EVAL_CASE.SPAN_ID))
                .where(EVAL_CASE.ID.eq(item.targetId())).fetchOne();
        if (row == null) {
            return SpanEvidence.missing("This eval case is no longer in the workspace (its run was removed).");
        }
        ReviewEvidence call = null;
        String traceId = row.get(TRACE.EXTERNAL_TRACE_ID);
        if (traceId != null) {
            Optional<TraceDetail> trace = new TraceQueries(dsl).trace(traceId);
            Long spanRowId = row.get(EVAL_CASE.SPAN_ID);
            call = trace.flatMap(t -> t.spans().stream()
                            .filter(s -> spanRowId != null ? s.id() == spanRowId : "LLM".equals(s.kind()))
                            .findFirst().map(s -> SpanEvidence.of(t, s)))
                    .orElse(null);
        }
        List<String> facts = new ArrayList<>();
        facts.add("Result: " + row.get(EVAL_CASE.STATUS).toLowerCase(java.util.Locale.ROOT)
                + (row.get(EVAL_CASE.SCORE) == null ? "" : String.format(java.util.Locale.ROOT, " (score %.2f)",
                row.get(EVAL_CASE.SCORE))));
        facts.add("Run: " + (row.get(EVAL_RUN.NAME) == null ? row.get(EVAL_RUN.TOOL) : row.get(EVAL_RUN.NAME)));
        if (row.get(EVAL_CASE.LATENCY_MS) != null) {
            facts.add("Latency: " + row.get(EVAL_CASE.LATENCY_MS) + " ms");
        }
        String input = row.get(EVAL_CASE.PROMPT_TEXT);
        if (input == null || input.isBlank()) {
            input = row.get(EVAL_CASE.VARS_JSON);
        }
        return new ReviewEvidence(item.title(), input, row.get(EVAL_CASE.ACTUAL_OUTPUT), row.get(EVAL_CASE.EXPECTED_OUTPUT),
                row.get(EVAL_CASE.ERROR_MESSAGE),
                call == null ? null : call.servedModel(),
                call == null ? row.get(EVAL_CASE.PROVIDER) : call.requestedModel(),
                call == null ? null : call.provider(), // without a call, the case's provider is the model
                call == null ? emptyToNull(row.get(EVAL_CASE.PROMPT_LABEL)) : call.promptVersion(),
                call == null ? List.of() : call.context(),
                CaseAssertions.describe(row.get(EVAL_CASE.ASSERTIONS_JSON)),
                facts, traceId, row.get(SPAN.EXTERNAL_SPAN_ID));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
