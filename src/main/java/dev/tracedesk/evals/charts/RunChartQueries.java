package dev.tracedesk.evals.charts;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the Eval runs charts plot, read with a few grouped queries. */
public final class RunChartQueries {

    /** One run and provider: how many cases, how many passed. Runs come oldest first. */
    public record PassRate(long runId, String run, Instant startedAt, String provider, int cases, int passed) {
        public double percent() {
            return cases == 0 ? 0 : 100.0 * passed / cases;
        }
    }

    /** One run's total cost (null when no case reported one) and mean latency in ms (null likewise). */
    public record CostAndLatency(long runId, String run, BigDecimal costUsd, Double meanLatencyMs) {
    }

    /** Ten bins of width 0.1 over [0, 1]; a score outside is counted in the nearest bin. */
    public static final int SCORE_BINS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext dsl;

    public RunChartQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<PassRate> passRates() {
        var passed = DSL.count().filterWhere(EVAL_CASE.STATUS.eq("PASS"));
        return dsl.select(EVAL_RUN.ID, EVAL_RUN.NAME, EVAL_RUN.EXTERNAL_RUN_ID, EVAL_RUN.STARTED_AT, EVAL_CASE.PROVIDER,
                        DSL.count(), passed)
                .from(EVAL_RUN).join(EVAL_CASE).on(EVAL_CASE.EVAL_RUN_ID.eq(EVAL_RUN.ID))
                .groupBy(EVAL_RUN.ID, EVAL_RUN.NAME, EVAL_RUN.EXTERNAL_RUN_ID, EVAL_RUN.STARTED_AT, EVAL_CASE.PROVIDER)
                .orderBy(EVAL_RUN.STARTED_AT.asc().nullsFirst(), EVAL_RUN.ID, EVAL_CASE.PROVIDER)
                .fetch(r -> new PassRate(r.value1(), label(r.value1(), r.value2(), r.value3()),
                        r.value4() == null ? null : r.value4().toInstant(), r.value5(), r.value6(), r.value7()));
    }

    public List<CostAndLatency> costAndLatency() {
        return dsl.select(EVAL_RUN.ID, EVAL_RUN.NAME, EVAL_RUN.EXTERNAL_RUN_ID, DSL.sum(EVAL_CASE.COST_USD),
                        DSL.avg(EVAL_CASE.LATENCY_MS))
                .from(EVAL_RUN).join(EVAL_CASE).on(EVAL_CASE.EVAL_RUN_ID.eq(EVAL_RUN.ID))
                .groupBy(EVAL_RUN.ID, EVAL_RUN.NAME, EVAL_RUN.EXTERNAL_RUN_ID, EVAL_RUN.STARTED_AT)
                .orderBy(EVAL_RUN.STARTED_AT.asc().nullsFirst(), EVAL_RUN.ID)
                .fetch(r -> new CostAndLatency(r.value1(), label(r.value1(), r.value2(), r.value3()), r.value4(),
                        r.value5() == null ? null : r.value5().doubleValue()));
    }

    /**
     * Per assertion type, how many of the run's cases it failed in; a case that errored before any
     * assertion ran counts under "error".
     */
    public Map<String, Integer> failuresByAssertionType(long runId) {
        Map<String, Integer> failures = new TreeMap<>();
        dsl.select(EVAL_CASE.STATUS, EVAL_CASE.ASSERTIONS_JSON).from(EVAL_CASE)
                .where(EVAL_CASE.EVAL_RUN_ID.eq(runId), EVAL_CASE.STATUS.ne("PASS"))
                .forEach(r -> {
                    List<String> failed = failedTypes(r.value2());
                    if (failed.isEmpty() && "ERROR".equals(r.value1())) {
                        failures.merge("error", 1, Integer::sum);
                    }
                    failed.stream().distinct().forEach(type -> failures.merge(type, 1, Integer::sum));
                });
        return failures;
    }

    /** How many of the run's cases scored in each tenth of [0, 1]; cases without a score are left out. */
    public int[] scoreDistribution(long runId) {
        int[] bins = new int[SCORE_BINS];
        dsl.select(EVAL_CASE.SCORE).from(EVAL_CASE)
                .where(EVAL_CASE.EVAL_RUN_ID.eq(runId), EVAL_CASE.SCORE.isNotNull())
                .forEach(r -> bins[bin(r.value1())]++);
        return bins;
    }

    public static int bin(double score) {
        return Math.max(0, Math.min(SCORE_BINS - 1, (int) Math.floor(score * SCORE_BINS)));
    }

    private static List<String> failedTypes(String assertionsJson) {
        List<String> types = new ArrayList<>();
        if (assertionsJson == null || assertionsJson.isBlank()) {
            return types;
        }
        try {
            JsonNode assertions = JSON.readTree(assertionsJson);
            for (JsonNode assertion : assertions) {
                if (!assertion.path("pass").asBoolean(true)) {
                    types.add(assertion.path("type").asText("check"));
                }
            }
        } catch (Exception unreadable) {
            types.add("unreadable assertions");
        }
        return types;
    }

    /** "#3 Capital cities (prompt v2)": the id keeps two runs of the same name apart on an axis. */
    static String label(long id, String name, String externalId) {
        return "#" + id + " " + (name == null || name.isBlank() ? externalId : name);
    }

    /** Providers in first-seen order, for one series each. */
    static Map<String, List<PassRate>> byProvider(List<PassRate> rates) {
        Map<String, List<PassRate>> series = new LinkedHashMap<>();
        rates.forEach(rate -> series.computeIfAbsent(rate.provider(), p -> new ArrayList<>()).add(rate));
        return series;
    }
}
