package dev.tracedesk.evals;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The run table of the Eval runs section: {@link EvalRunQueries#runs} (counts, providers, dataset)
 * with each run's prompt versions, total cost and mean latency, summed by the database.
 */
public final class EvalRunRows {

    /** A workspace with more runs than this shows the newest; the CLI lists the rest. */
    public static final int LIMIT = 2_000;

    private final DSLContext dsl;

    public EvalRunRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<EvalRunRow> newestFirst() {
        List<EvalRunSummary> runs = new EvalRunQueries(dsl).runs(LIMIT);
        if (runs.isEmpty()) {
            return List.of();
        }
        List<Long> ids = runs.stream().map(EvalRunSummary::id).toList();
        Map<Long, BigDecimal> costs = new HashMap<>();
        Map<Long, Double> latencies = new HashMap<>();
        dsl.select(EVAL_CASE.EVAL_RUN_ID, DSL.sum(EVAL_CASE.COST_USD), DSL.avg(EVAL_CASE.LATENCY_MS))
                .from(EVAL_CASE)
                .where(EVAL_CASE.EVAL_RUN_ID.in(ids))
                .groupBy(EVAL_CASE.EVAL_RUN_ID)
                .forEach(row -> {
                    if (row.value2() != null) {
                        costs.put(row.value1(), row.value2());
                    }
                    if (row.value3() != null) {
                        latencies.put(row.value1(), row.value3().doubleValue());
                    }
                });
        Map<Long, List<String>> prompts = new HashMap<>();
        dsl.selectDistinct(EVAL_CASE.EVAL_RUN_ID, EVAL_CASE.PROMPT_LABEL)
                .from(EVAL_CASE)
                .where(EVAL_CASE.EVAL_RUN_ID.in(ids)).and(EVAL_CASE.PROMPT_LABEL.ne(""))
                .orderBy(EVAL_CASE.EVAL_RUN_ID, EVAL_CASE.PROMPT_LABEL)
                .forEach(row -> prompts.computeIfAbsent(row.value1(), id -> new ArrayList<>()).add(row.value2()));
        return runs.stream().map(run -> new EvalRunRow(run, prompts.getOrDefault(run.id(), List.of()),
                costs.get(run.id()), latencies.get(run.id()))).toList();
    }
}
