package dev.tracedesk.evals;

import static dev.tracedesk.store.generated.Tables.DATASET;
import static dev.tracedesk.store.generated.Tables.DATASET_VERSION;
import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import dev.tracedesk.store.generated.tables.records.EvalRunRecord;

/** Reads eval runs with their pass/fail/error counts, and one run with all of its cases. */
public final class EvalRunQueries {

    private final DSLContext dsl;

    public EvalRunQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Newest first (runs without a start time last). The counts are computed by the database; the
     * providers are the run's own list, else the distinct providers of its cases.
     */
    public List<EvalRunSummary> runs(int limit) {
        Field<Long> runId = EVAL_CASE.EVAL_RUN_ID.as("run_id");
        Table<?> counts = DSL.select(runId,
                        DSL.count().as("cases"),
                        DSL.count().filterWhere(EVAL_CASE.STATUS.eq("PASS")).as("passed"),
                        DSL.count().filterWhere(EVAL_CASE.STATUS.eq("FAIL")).as("failed"),
                        DSL.count().filterWhere(EVAL_CASE.STATUS.eq("ERROR")).as("errored"))
                .from(EVAL_CASE)
                .groupBy(EVAL_CASE.EVAL_RUN_ID)
                .asTable("case_counts");
        Field<Integer> cases = DSL.coalesce(counts.field("cases", Integer.class), 0);
        Field<Integer> passed = DSL.coalesce(counts.field("passed", Integer.class), 0);
        Field<Integer> failed = DSL.coalesce(counts.field("failed", Integer.class), 0);
        Field<Integer> errored = DSL.coalesce(counts.field("errored", Integer.class), 0);
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            var rows = tx.select(EVAL_RUN.ID, EVAL_RUN.EXTERNAL_RUN_ID, EVAL_RUN.TOOL, EVAL_RUN.NAME,
                            EVAL_RUN.STARTED_AT, EVAL_RUN.PROVIDERS_JSON, cases, passed, failed, errored,
                            DATASET.NAME, DATASET_VERSION.VERSION_NUMBER)
                    .from(EVAL_RUN)
                    .leftJoin(counts).on(counts.field(runId).eq(EVAL_RUN.ID))
                    .leftJoin(DATASET_VERSION).on(DATASET_VERSION.ID.eq(EVAL_RUN.DATASET_VERSION_ID))
                    .leftJoin(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
                    .orderBy(EVAL_RUN.STARTED_AT.desc().nullsLast(), EVAL_RUN.ID.desc())
                    .limit(limit)
                    .fetch();
            Map<Long, List<String>> caseProviders = caseProviders(tx, rows.map(row -> row.value1()));
            return rows.map(row -> {
                List<String> providers = ProviderIds.parse(row.value6());
                if (providers.isEmpty()) {
                    providers = caseProviders.getOrDefault(row.value1(), List.of());
                }
                return new EvalRunSummary(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value7(), row.value8(), row.value9(), row.value10(), providers,
                        datasetLabel(row.value11(), row.value12()));
            });
        });
    }

    /** {@code name@3}, as the dataset commands name a version; null for an unlinked run. */
    private static String datasetLabel(String name, Integer version) {
        return name == null || version == null ? null : name + "@" + version;
    }

    private static Map<Long, List<String>> caseProviders(DSLContext tx, List<Long> runIds) {
        Map<Long, List<String>> byRun = new HashMap<>();
        if (runIds.isEmpty()) {
            return byRun;
        }
        tx.selectDistinct(EVAL_CASE.EVAL_RUN_ID, EVAL_CASE.PROVIDER)
                .from(EVAL_CASE)
                .where(EVAL_CASE.EVAL_RUN_ID.in(runIds)).and(EVAL_CASE.PROVIDER.ne(""))
                .orderBy(EVAL_CASE.EVAL_RUN_ID, EVAL_CASE.PROVIDER)
                .forEach(row -> byRun.computeIfAbsent(row.value1(), id -> new ArrayList<>()).add(row.value2()));
        return byRun;
    }

    /**
     * The runs an id names: every run (of any tool) with that external run id; failing that, the run
     * with that workspace id when the id is a number. More than one means the caller must choose.
     */
    public List<EvalRunRef> findRuns(String runIdOrId) {
        List<EvalRunRef> byRunId = dsl.select(EVAL_RUN.ID, EVAL_RUN.EXTERNAL_RUN_ID, EVAL_RUN.TOOL, EVAL_RUN.NAME)
                .from(EVAL_RUN)
                .where(EVAL_RUN.EXTERNAL_RUN_ID.eq(runIdOrId))
                .orderBy(EVAL_RUN.TOOL, EVAL_RUN.ID)
                .fetch(row -> new EvalRunRef(row.value1(), row.value2(), row.value3(), row.value4()));
        if (!byRunId.isEmpty() || !runIdOrId.matches("[0-9]{1,18}")) {
            return byRunId;
        }
        return dsl.select(EVAL_RUN.ID, EVAL_RUN.EXTERNAL_RUN_ID, EVAL_RUN.TOOL, EVAL_RUN.NAME)
                .from(EVAL_RUN)
                .where(EVAL_RUN.ID.eq(Long.parseLong(runIdOrId)))
                .fetch(row -> new EvalRunRef(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    /** The run with this workspace id and its cases, in test order, then in the order they were imported. */
    public Optional<EvalRunDetail> run(long id) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            EvalRunRecord run = tx.selectFrom(EVAL_RUN).where(EVAL_RUN.ID.eq(id)).fetchOne();
            if (run == null) {
                return Optional.empty();
            }
            List<EvalCaseDetail> cases = tx.select(EVAL_CASE.asterisk(), TRACE.EXTERNAL_TRACE_ID)
                    .from(EVAL_CASE)
                    .leftJoin(TRACE).on(TRACE.ID.eq(EVAL_CASE.TRACE_ID))
                    .where(EVAL_CASE.EVAL_RUN_ID.eq(id))
                    .orderBy(EVAL_CASE.TEST_INDEX.asc().nullsLast(), EVAL_CASE.ID)
                    .fetch(row -> new EvalCaseDetail(row.get(EVAL_CASE.ID), row.get(EVAL_CASE.CASE_KEY),
                            row.get(EVAL_CASE.PROVIDER), row.get(EVAL_CASE.PROMPT_LABEL), row.get(EVAL_CASE.TEST_INDEX),
                            row.get(EVAL_CASE.DESCRIPTION), row.get(EVAL_CASE.VARS_JSON), row.get(EVAL_CASE.PROMPT_TEXT),
                            row.get(EVAL_CASE.EXPECTED_OUTPUT), row.get(EVAL_CASE.ACTUAL_OUTPUT),
                            row.get(EVAL_CASE.STATUS), row.get(EVAL_CASE.SCORE), row.get(EVAL_CASE.LATENCY_MS),
                            row.get(EVAL_CASE.TOTAL_TOKENS), row.get(EVAL_CASE.COST_USD),
                            row.get(EVAL_CASE.ERROR_MESSAGE), row.get(EVAL_CASE.ASSERTIONS_JSON),
                            row.get(TRACE.EXTERNAL_TRACE_ID), row.get(EVAL_CASE.DATASET_ITEM_KEY)));
            String dataset = run.getDatasetVersionId() == null ? null : tx
                    .select(DATASET.NAME, DATASET_VERSION.VERSION_NUMBER).from(DATASET_VERSION)
                    .join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
                    .where(DATASET_VERSION.ID.eq(run.getDatasetVersionId()))
                    .fetchOptional(row -> datasetLabel(row.value1(), row.value2())).orElse(null);
            return Optional.of(new EvalRunDetail(run.getId(), run.getExternalRunId(), run.getTool(), run.getName(),
                    run.getStartedAt(), run.getFinishedAt(), dataset, cases));
        });
    }
}
