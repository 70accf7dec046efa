package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.review.rules.RuleScope.IdRange;

/**
 * The LLM-call side of the rules: one set-based query per rule and window of span ids, on the
 * narrow span table by its primary key (no new index, decision 0008). JSON_SCHEMA reads its
 * calls through the prompt-template index, then their outputs by id.
 */
final class SpanRuleQueries {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final DSLContext dsl;

    SpanRuleQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    static Condition llmCallsIn(IdRange window) {
        return SPAN.ID.gt(window.after()).and(SPAN.ID.le(window.upTo())).and(SPAN.KIND.eq(SpanKind.LLM.name()));
    }

    List<RuleMatch> slowerThan(long budgetMs, IdRange window) {
        List<RuleMatch> matches = new ArrayList<>();
        for (Record2<Long, Long> row : dsl.select(SPAN.ID, SPAN.DURATION_NS).from(SPAN)
                .where(llmCallsIn(window)).and(SPAN.DURATION_NS.gt(budgetMs * NANOS_PER_MILLI)).fetch()) {
            matches.add(new RuleMatch(TargetKind.SPAN, row.value1(), "latency " + RuleNumbers.duration(row.value2() / 1e6)
                    + " over the " + RuleNumbers.duration(budgetMs) + " budget"));
        }
        return matches;
    }

    List<RuleMatch> costlierThan(BigDecimal budgetUsd, IdRange window) {
        List<RuleMatch> matches = new ArrayList<>();
        for (Record2<Long, BigDecimal> row : dsl.select(SPAN.ID, SPAN.COST_USD).from(SPAN)
                .where(llmCallsIn(window)).and(SPAN.COST_USD.gt(budgetUsd)).fetch()) {
            matches.add(new RuleMatch(TargetKind.SPAN, row.value1(), "cost " + RuleNumbers.usd(row.value2())
                    + " over the " + RuleNumbers.usd(budgetUsd) + " budget"));
        }
        return matches;
    }

    /** The ids of the template's LLM calls in the range, through the prompt-template index. */
    List<Long> callsOfTemplate(String template, IdRange range) {
        return dsl.select(SPAN.ID).from(SPAN)
                .where(SPAN.PROMPT_TEMPLATE_NAME.eq(template))
                .and(SPAN.ID.gt(range.after())).and(SPAN.ID.le(range.upTo()))
                .and(SPAN.KIND.eq(SpanKind.LLM.name()))
                .orderBy(SPAN.ID)
                .fetch(SPAN.ID);
    }

    /** The outputs of these calls that are not valid against the schema; calls without output are not judged. */
    List<RuleMatch> invalidOutputs(JsonSchemaCheck check, List<Long> spanIds) {
        List<RuleMatch> matches = new ArrayList<>();
        for (Record2<Long, String> row : dsl.select(SPAN_CONTENT.SPAN_ID, SPAN_CONTENT.OUTPUT_TEXT).from(SPAN_CONTENT)
                .where(SPAN_CONTENT.SPAN_ID.in(spanIds)).fetch()) {
            if (row.value2() != null && !row.value2().isBlank()) {
                check.problemWith(row.value2()).ifPresent(problem -> matches.add(new RuleMatch(TargetKind.SPAN, row.value1(), problem)));
            }
        }
        return matches;
    }
}
