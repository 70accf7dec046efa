package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.CHECK_RESULT;
import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.FLAG_RULE;
import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static dev.tracedesk.store.generated.Tables.REVIEW_QUEUE;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.DSLContext;

/** Minimal rows for rule tests, written straight into the tables, and what the queues hold afterwards. */
final class RuleRows {

    private final DSLContext dsl;
    private int counter;

    RuleRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    long trace(String externalId) {
        return dsl.insertInto(TRACE).set(TRACE.EXTERNAL_TRACE_ID, externalId).set(TRACE.SOURCE_SYSTEM, "otlp")
                .set(TRACE.STATUS, "OK").returning(TRACE.ID).fetchOne(TRACE.ID);
    }

    long span(long trace, String externalId, String kind, long durationMs, String costUsd) {
        return span(trace, externalId, kind, durationMs, costUsd, null, null);
    }

    long span(long trace, String externalId, String kind, long durationMs, String costUsd, String template, String output) {
        long id = dsl.insertInto(SPAN).set(SPAN.TRACE_ID, trace).set(SPAN.EXTERNAL_SPAN_ID, externalId)
                .set(SPAN.KIND, kind).set(SPAN.NAME, externalId).set(SPAN.STATUS, "OK")
                .set(SPAN.START_NS, 1_000L).set(SPAN.DURATION_NS, durationMs * 1_000_000L)
                .set(SPAN.COST_USD, costUsd == null ? null : new BigDecimal(costUsd))
                .set(SPAN.PROMPT_TEMPLATE_NAME, template)
                .returning(SPAN.ID).fetchOne(SPAN.ID);
        dsl.insertInto(SPAN_CONTENT).set(SPAN_CONTENT.SPAN_ID, id).set(SPAN_CONTENT.OUTPUT_TEXT, output).execute();
        return id;
    }

    long run() {
        return dsl.insertInto(EVAL_RUN).set(EVAL_RUN.TOOL, "promptfoo").set(EVAL_RUN.EXTERNAL_RUN_ID, "run-" + (++counter))
                .returning(EVAL_RUN.ID).fetchOne(EVAL_RUN.ID);
    }

    long evalCase(long run, String status, Long latencyMs, String costUsd) {
        return evalCase(run, status, latencyMs, costUsd, "", null);
    }

    long evalCase(long run, String status, Long latencyMs, String costUsd, String promptLabel, String output) {
        return dsl.insertInto(EVAL_CASE).set(EVAL_CASE.EVAL_RUN_ID, run).set(EVAL_CASE.CASE_KEY, "case-" + (++counter))
                .set(EVAL_CASE.STATUS, status).set(EVAL_CASE.LATENCY_MS, latencyMs)
                .set(EVAL_CASE.COST_USD, costUsd == null ? null : new BigDecimal(costUsd))
                .set(EVAL_CASE.PROMPT_LABEL, promptLabel).set(EVAL_CASE.ACTUAL_OUTPUT, output)
                .returning(EVAL_CASE.ID).fetchOne(EVAL_CASE.ID);
    }

    long spanCheck(long span, String source, String name, String label, Double score, Boolean passed) {
        return check(span, null, source, name, label, score, passed);
    }

    long caseCheck(long evalCase, String source, String name, String label, Double score, Boolean passed) {
        return check(null, evalCase, source, name, label, score, passed);
    }

    private long check(Long span, Long evalCase, String source, String name, String label, Double score, Boolean passed) {
        return dsl.insertInto(CHECK_RESULT).set(CHECK_RESULT.SPAN_ID, span).set(CHECK_RESULT.EVAL_CASE_ID, evalCase)
                .set(CHECK_RESULT.CHECK_SOURCE, source).set(CHECK_RESULT.NAME, name).set(CHECK_RESULT.LABEL, label)
                .set(CHECK_RESULT.SCORE_VALUE, score).set(CHECK_RESULT.PASSED, passed)
                .returning(CHECK_RESULT.ID).fetchOne(CHECK_RESULT.ID);
    }

    /** Turns every seeded rule off, so a test sees only the rules it makes. */
    void disableAllRules() {
        dsl.update(FLAG_RULE).set(FLAG_RULE.ENABLED, false).execute();
    }

    long queue(String name, String definitionJson) {
        return dsl.insertInto(REVIEW_QUEUE).set(REVIEW_QUEUE.NAME, name).set(REVIEW_QUEUE.DEFINITION_JSON, definitionJson)
                .set(REVIEW_QUEUE.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC)).returning(REVIEW_QUEUE.ID).fetchOne(REVIEW_QUEUE.ID);
    }

    long flaggedQueue() {
        return dsl.select(REVIEW_QUEUE.ID).from(REVIEW_QUEUE).where(REVIEW_QUEUE.NAME.eq("Flagged")).fetchOne(REVIEW_QUEUE.ID);
    }

    /** The queue's items of one kind: target id → the rule names of its reasons, in order. */
    Map<Long, List<String>> items(long queue, TargetKind kind) {
        Map<Long, List<String>> items = new TreeMap<>();
        dsl.select(REVIEW_ITEM.TARGET_ID, REVIEW_ITEM.REASONS_JSON).from(REVIEW_ITEM)
                .where(REVIEW_ITEM.QUEUE_ID.eq(queue)).and(REVIEW_ITEM.TARGET_KIND.eq(kind.name()))
                .forEach(row -> items.put(row.value1(), Reason.parseAll(row.value2()).stream().map(Reason::rule).toList()));
        return items;
    }

    Map<Long, List<String>> flagged(TargetKind kind) {
        return items(flaggedQueue(), kind);
    }

    /** The details of the target's reasons in the Flagged queue. */
    List<Reason> reasons(TargetKind kind, long target) {
        return Reason.parseAll(dsl.select(REVIEW_ITEM.REASONS_JSON).from(REVIEW_ITEM)
                .where(REVIEW_ITEM.QUEUE_ID.eq(flaggedQueue())).and(REVIEW_ITEM.TARGET_KIND.eq(kind.name()))
                .and(REVIEW_ITEM.TARGET_ID.eq(target)).fetchOne(REVIEW_ITEM.REASONS_JSON));
    }
}
