package dev.tracedesk.evals.compare;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

import dev.tracedesk.store.generated.tables.records.EvalCaseRecord;

/**
 * What a comparison reads from the store: a run with its config, and its cases with every column
 * blame looks at. Its own queries, so the Eval runs section's {@code EvalRunQueries} stays as it is.
 */
final class ComparisonQueries {

    private final DSLContext dsl;

    ComparisonQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<ComparedRun> run(long id) {
        return dsl.select(EVAL_RUN.ID, EVAL_RUN.EXTERNAL_RUN_ID, EVAL_RUN.TOOL, EVAL_RUN.NAME, EVAL_RUN.CONFIG_JSON,
                        EVAL_RUN.PROMPTS_JSON)
                .from(EVAL_RUN).where(EVAL_RUN.ID.eq(id))
                .fetchOptional(row -> new ComparedRun(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6()));
    }

    /** The run's cases in test order, then in the order they were imported. */
    List<ComparedCase> cases(long runId) {
        return dsl.selectFrom(EVAL_CASE)
                .where(EVAL_CASE.EVAL_RUN_ID.eq(runId))
                .orderBy(EVAL_CASE.TEST_INDEX.asc().nullsLast(), EVAL_CASE.ID)
                .fetch(ComparisonQueries::compared);
    }

    private static ComparedCase compared(EvalCaseRecord row) {
        return new ComparedCase(row.getId(), row.getCaseKey(), row.getProvider(), row.getPromptLabel(),
                row.getTestIndex(), row.getDescription(), row.getVarsJson(), row.getPromptText(),
                row.getActualOutput(), row.getStatus(), row.getScore(), row.getLatencyMs(),
                row.getInputTokens(), row.getOutputTokens(), row.getTotalTokens(), row.getCostUsd(),
                row.getErrorMessage(), row.getAssertionsJson(), row.getTraceId(), row.getSpanId());
    }
}
