package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.store.generated.tables.records.EvalCaseRecord;

/** Eval runs and their cases; a run or case already in the workspace is a duplicate, left as it was. */
final class EvalRows {

    private final long importId;
    private final DatasetVersionLinks datasetLinks = new DatasetVersionLinks();

    EvalRows(long importId) {
        this.importId = importId;
    }

    /** The run's row id, and whether it was new. */
    record RunRow(long id, boolean created) {
    }

    RunRow upsertRun(DSLContext tx, CanonicalEvalRun run) {
        Long existing = tx.select(EVAL_RUN.ID).from(EVAL_RUN)
                .where(EVAL_RUN.TOOL.eq(run.tool)).and(EVAL_RUN.EXTERNAL_RUN_ID.eq(run.externalRunId))
                .fetchOne(EVAL_RUN.ID);
        if (existing != null) {
            return new RunRow(existing, false);
        }
        long id = tx.insertInto(EVAL_RUN)
                .set(EVAL_RUN.TOOL, run.tool)
                .set(EVAL_RUN.EXTERNAL_RUN_ID, SpanBatchWriter.truncate(run.externalRunId, 200))
                .set(EVAL_RUN.NAME, SpanBatchWriter.truncate(run.name, 1000))
                .set(EVAL_RUN.STARTED_AT, utc(run.startedAt))
                .set(EVAL_RUN.FINISHED_AT, utc(run.finishedAt))
                .set(EVAL_RUN.CONFIG_JSON, run.configJson)
                .set(EVAL_RUN.PROVIDERS_JSON, run.providersJson)
                .set(EVAL_RUN.PROMPTS_JSON, run.promptsJson)
                .set(EVAL_RUN.IMPORT_ID, importId)
                .returningResult(EVAL_RUN.ID)
                .fetchOne().value1();
        return new RunRow(id, true);
    }

    /** True when the case was new and written; false when the run already had it. */
    boolean insertCase(DSLContext tx, long runId, CanonicalEvalCase evalCase) {
        boolean exists = tx.fetchExists(EVAL_CASE, EVAL_CASE.EVAL_RUN_ID.eq(runId)
                .and(EVAL_CASE.CASE_KEY.eq(evalCase.caseKey))
                .and(EVAL_CASE.PROVIDER.eq(evalCase.provider))
                .and(EVAL_CASE.PROMPT_LABEL.eq(evalCase.promptLabel)));
        if (exists) {
            return false;
        }
        EvalCaseRecord record = caseRecord(tx, runId, evalCase);
        long caseId;
        try {
            caseId = tx.insertInto(EVAL_CASE).set(record).returningResult(EVAL_CASE.ID).fetchOne().value1();
        } catch (IntegrityConstraintViolationException writtenMeanwhileByAnotherImport) {
            return false;
        }
        if (evalCase.dataset != null) {
            datasetLinks.caseNames(tx, runId, evalCase.dataset);
        }
        for (CanonicalCheck check : evalCase.checks) {
            tx.insertInto(dev.tracedesk.store.generated.Tables.CHECK_RESULT)
                    .set(SpanChildRows.checkRecord(null, caseId, check)).onConflictDoNothing().execute();
        }
        return true;
    }

    private EvalCaseRecord caseRecord(DSLContext tx, long runId, CanonicalEvalCase evalCase) {
        EvalCaseRecord record = new EvalCaseRecord();
        record.setEvalRunId(runId);
        record.setCaseKey(SpanBatchWriter.truncate(evalCase.caseKey, 128));
        record.setProvider(SpanBatchWriter.truncate(evalCase.provider, 300));
        record.setPromptLabel(SpanBatchWriter.truncate(evalCase.promptLabel, 300));
        record.setTestIndex(evalCase.testIndex);
        record.setDescription(SpanBatchWriter.truncate(evalCase.description, 4000));
        record.setVarsJson(evalCase.varsJson);
        record.setPromptText(evalCase.promptText);
        record.setExpectedOutput(evalCase.expectedOutput);
        record.setActualOutput(evalCase.actualOutput);
        record.setStatus(evalCase.status.name());
        record.setScore(evalCase.score);
        record.setLatencyMs(evalCase.latencyMs);
        record.setInputTokens(evalCase.inputTokens);
        record.setOutputTokens(evalCase.outputTokens);
        record.setTotalTokens(evalCase.totalTokens);
        record.setCostUsd(evalCase.costUsd);
        record.setErrorMessage(evalCase.errorMessage);
        record.setAssertionsJson(evalCase.assertionsJson);
        record.setNamedScoresJson(evalCase.namedScoresJson);
        record.setDatasetItemKey(SpanBatchWriter.truncate(evalCase.datasetItemKey, 128));
        linkTrace(tx, record, evalCase);
        record.changed(EVAL_CASE.ID, false);
        return record;
    }

    /** Links the case to its trace (and span) when the source named one that is in the workspace. */
    private static void linkTrace(DSLContext tx, EvalCaseRecord record, CanonicalEvalCase evalCase) {
        if (evalCase.traceId == null) {
            return;
        }
        Long traceId = tx.select(TRACE.ID).from(TRACE).where(TRACE.EXTERNAL_TRACE_ID.eq(evalCase.traceId)).fetchOne(TRACE.ID);
        record.setTraceId(traceId);
        if (traceId != null && evalCase.spanId != null) {
            record.setSpanId(tx.select(SPAN.ID).from(SPAN)
                    .where(SPAN.TRACE_ID.eq(traceId)).and(SPAN.EXTERNAL_SPAN_ID.eq(evalCase.spanId)).fetchOne(SPAN.ID));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
