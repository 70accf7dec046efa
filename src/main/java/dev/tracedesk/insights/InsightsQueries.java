package dev.tracedesk.insights;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.store.CallGroupKeys;
import dev.tracedesk.store.NearestRank;

/**
 * The dashboard's figures, aggregated in SQL (decision 0021). Ranges are widened to whole hours.
 * Up to {@link #EXACT_LIMIT} calls, straight from {@code llm_call}, percentiles by exact nearest
 * rank ({@link NearestRank}). Beyond that, ranking every call costs H2 seconds, so the figures come
 * from the hourly rollups ({@link RollupQueries}): sums still exact, percentiles the middle of the
 * nearest rank's 5 % latency bucket. Java only receives one row per group, bucket or load level.
 */
public final class InsightsQueries {

    /** The most calls a range may hold for exact percentiles; about 150 ms on H2, 2 cores. */
    public static final long EXACT_LIMIT = 5_000;

    private static final Field<Long> DURATION = LLM_CALL.DURATION_NS;

    private final DSLContext dsl;
    private final RollupQueries rollups;
    private final long exactLimit;

    public InsightsQueries(DSLContext dsl) {
        this(dsl, EXACT_LIMIT);
    }

    /** With another limit, so tests can take the rollup path on a few calls. */
    InsightsQueries(DSLContext dsl, long exactLimit) {
        this.dsl = dsl;
        this.rollups = new RollupQueries(dsl);
        this.exactLimit = exactLimit;
    }

    /** How the percentiles of this range are computed. */
    public PercentileMethod percentileMethod(InsightsQuery query) {
        return rollups.calls(query.wholeHours()) > exactLimit ? PercentileMethod.LATENCY_BUCKETS : PercentileMethod.EXACT;
    }

    /** Every group's figures, most requests first. */
    public List<GroupStats> groups(InsightsQuery asked) {
        InsightsQuery query = asked.wholeHours();
        List<GroupStats> figures = percentileMethod(query) == PercentileMethod.EXACT ? exactGroups(query) : rollups.groups(query);
        return figures.stream()
                .sorted((a, b) -> a.requests() != b.requests() ? Long.compare(b.requests(), a.requests()) : a.key().compareTo(b.key()))
                .toList();
    }

    private List<GroupStats> exactGroups(InsightsQuery query) {
        Field<String> key = CallGroupKeys.keyOf(query.grouping());
        List<Field<?>> partition = List.of(key);
        Map<List<Object>, Long[]> calls = NearestRank.percentiles(dsl, LLM_CALL, inRange(query), partition, DURATION, 50, 95, 99);
        Map<List<Object>, Long[]> firstTokens = NearestRank.percentiles(dsl, LLM_CALL, inRange(query), partition,
                LLM_CALL.TIME_TO_FIRST_TOKEN_NS, 50, 95);
        Map<List<Object>, Long[]> traces = traceLatency(query);
        List<GroupStats> groups = new ArrayList<>();
        for (Record row : dsl.select(key, DSL.count(), errors(), sumLong(LLM_CALL.INPUT_TOKENS), sumLong(LLM_CALL.OUTPUT_TOKENS),
                        sumUsd(LLM_CALL.COST_REPORTED_USD), sumUsd(LLM_CALL.COST_ESTIMATED_USD), callsWithCost())
                .from(LLM_CALL).where(inRange(query)).groupBy(key).fetch()) {
            List<Object> group = List.of(row.get(0, String.class));
            groups.add(new GroupStats(row.get(0, String.class), row.get(1, Long.class), row.get(2, Long.class),
                    percentiles(calls.get(group)), percentiles(traces.get(group)), percentiles(firstTokens.get(group)),
                    row.get(3, Long.class), row.get(4, Long.class), row.get(5, BigDecimal.class), row.get(6, BigDecimal.class),
                    row.get(7, Long.class)));
        }
        return groups;
    }

    /**
     * End to end: each trace holding a call of the group counts once, with its whole duration; a
     * trace with calls of two models counts in both.
     */
    private Map<List<Object>, Long[]> traceLatency(InsightsQuery query) {
        Table<?> traces = DSL.selectDistinct(CallGroupKeys.keyOf(query.grouping()).as("group_key"), LLM_CALL.TRACE_ID,
                        LLM_CALL.TRACE_DURATION_NS)
                .from(LLM_CALL).where(inRange(query)).asTable("traces_of_group");
        return NearestRank.percentiles(dsl, traces, DSL.noCondition(), List.of(traces.field("group_key")),
                traces.field(LLM_CALL.TRACE_DURATION_NS), 50, 95, 99);
    }

    /**
     * Each group's figures per hour or day, oldest first. Buckets start at midnight (or the full
     * hour) in the zone whose offset from UTC is {@code zoneOffsetNs}.
     */
    public List<TimeBucket> overTime(InsightsQuery asked, Granularity granularity, long zoneOffsetNs) {
        InsightsQuery query = asked.wholeHours();
        if (percentileMethod(query) == PercentileMethod.LATENCY_BUCKETS) {
            return rollups.overTime(query, granularity, zoneOffsetNs);
        }
        long width = granularity.nanos();
        Field<Long> bucket = LLM_CALL.START_NS.plus(DSL.inline(zoneOffsetNs)).div(DSL.inline(width));
        Field<String> key = CallGroupKeys.keyOf(query.grouping());
        Map<List<Object>, Long[]> latency = NearestRank.percentiles(dsl, LLM_CALL, inRange(query), List.of(bucket, key),
                DURATION, 50, 95, 99);
        List<TimeBucket> buckets = new ArrayList<>();
        for (Record row : dsl.select(bucket, key, DSL.count(), errors(), sumLong(LLM_CALL.INPUT_TOKENS),
                        sumLong(LLM_CALL.OUTPUT_TOKENS), sumUsd(LLM_CALL.COST_REPORTED_USD), sumUsd(LLM_CALL.COST_ESTIMATED_USD))
                .from(LLM_CALL).where(inRange(query))
                .groupBy(bucket, key)
                .orderBy(bucket, key)
                .fetch()) {
            long index = row.get(0, Long.class);
            String group = row.get(1, String.class);
            buckets.add(new TimeBucket(index * width - zoneOffsetNs, group, row.get(2, Long.class), row.get(3, Long.class),
                    percentiles(latency.get(List.of(index, group))),
                    row.get(4, Long.class), row.get(5, Long.class), row.get(6, BigDecimal.class), row.get(7, BigDecimal.class)));
        }
        return buckets;
    }

    /** Latency per model and number of LLM calls in flight at the start, by model, fewest in flight first. */
    public List<LoadLevel> byConcurrency(InsightsQuery asked) {
        InsightsQuery query = asked.wholeHours();
        if (percentileMethod(query) == PercentileMethod.LATENCY_BUCKETS) {
            return rollups.byConcurrency(query);
        }
        Field<String> model = CallGroupKeys.keyOf(CallGrouping.MODEL);
        Condition measured = inRange(query).and(LLM_CALL.IN_FLIGHT.isNotNull());
        Map<List<Object>, Long[]> latency = NearestRank.percentiles(dsl, LLM_CALL, measured,
                List.of(model, LLM_CALL.IN_FLIGHT), DURATION, 50, 95);
        return dsl.select(model, LLM_CALL.IN_FLIGHT, DSL.count())
                .from(LLM_CALL).where(measured).and(DURATION.isNotNull())
                .groupBy(model, LLM_CALL.IN_FLIGHT)
                .orderBy(model, LLM_CALL.IN_FLIGHT)
                .fetch(row -> {
                    Long[] values = latency.get(List.of(row.value1(), row.value2()));
                    return new LoadLevel(row.value1(), row.value2(), row.value3(), values[0], values[1]);
                });
    }

    /** The first and last start of a call, for the range presets; null when there are no calls. */
    public long[] startBounds() {
        Record row = dsl.select(DSL.min(LLM_CALL.START_NS), DSL.max(LLM_CALL.START_NS)).from(LLM_CALL).fetchOne();
        return row == null || row.get(0) == null ? null : new long[] {row.get(0, Long.class), row.get(1, Long.class)};
    }

    static Condition inRange(InsightsQuery query) {
        Condition condition = DSL.noCondition();
        if (query.fromNs() != null) {
            condition = condition.and(LLM_CALL.START_NS.ge(query.fromNs()));
        }
        if (query.toNs() != null) {
            condition = condition.and(LLM_CALL.START_NS.lt(query.toNs()));
        }
        return condition;
    }

    private static Percentiles percentiles(Long[] values) {
        if (values == null) {
            return Percentiles.NONE;
        }
        return new Percentiles(values[0], values[1], values.length > 2 ? values[2] : null);
    }

    private static Field<Long> errors() {
        return DSL.sum(DSL.when(LLM_CALL.FAILED.isTrue(), 1L).otherwise(0L)).cast(Long.class);
    }

    private static Field<Long> callsWithCost() {
        return DSL.count(DSL.coalesce(LLM_CALL.COST_REPORTED_USD, LLM_CALL.COST_ESTIMATED_USD)).cast(Long.class);
    }

    private static Field<Long> sumLong(Field<Long> column) {
        return DSL.coalesce(DSL.sum(column), BigDecimal.ZERO).cast(Long.class);
    }

    private static Field<BigDecimal> sumUsd(Field<BigDecimal> column) {
        return DSL.coalesce(DSL.sum(column), BigDecimal.ZERO);
    }
}
