package dev.tracedesk.insights;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * The dashboard's figures, aggregated in SQL over {@code llm_call} (migration V9): counts and sums
 * as usual, percentiles with {@code PERCENTILE_DISC … WITHIN GROUP}, which is the nearest rank on
 * both H2 and PostgreSQL. Java only receives one row per group, bucket or load level.
 */
public final class InsightsQueries {

    private static final Field<Long> DURATION = LLM_CALL.DURATION_NS;

    private final DSLContext dsl;

    public InsightsQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every group's figures, most requests first. */
    public List<GroupStats> groups(InsightsQuery query) {
        Field<String> key = CallGroupKeys.keyOf(query.grouping()).as("group_key");
        List<GroupStats> groups = new ArrayList<>();
        for (Record row : dsl.select(key, DSL.count(), errors(),
                        percentile(0.50, DURATION), percentile(0.95, DURATION), percentile(0.99, DURATION),
                        percentile(0.50, LLM_CALL.TIME_TO_FIRST_TOKEN_NS), percentile(0.95, LLM_CALL.TIME_TO_FIRST_TOKEN_NS),
                        sumLong(LLM_CALL.INPUT_TOKENS), sumLong(LLM_CALL.OUTPUT_TOKENS),
                        sumUsd(LLM_CALL.COST_REPORTED_USD), sumUsd(LLM_CALL.COST_ESTIMATED_USD), callsWithCost())
                .from(LLM_CALL).where(inRange(query))
                .groupBy(CallGroupKeys.keyOf(query.grouping()))
                .fetch()) {
            groups.add(new GroupStats(row.get(0, String.class), row.get(1, Long.class), row.get(2, Long.class),
                    new Percentiles(row.get(3, Long.class), row.get(4, Long.class), row.get(5, Long.class)),
                    Percentiles.NONE,
                    new Percentiles(row.get(6, Long.class), row.get(7, Long.class), null),
                    row.get(8, Long.class), row.get(9, Long.class), row.get(10, BigDecimal.class), row.get(11, BigDecimal.class),
                    row.get(12, Long.class)));
        }
        Map<String, Percentiles> traceLatency = traceLatency(query);
        return groups.stream()
                .map(group -> group.withTraceLatency(traceLatency.getOrDefault(group.key(), Percentiles.NONE)))
                .sorted((a, b) -> a.requests() != b.requests() ? Long.compare(b.requests(), a.requests()) : a.key().compareTo(b.key()))
                .toList();
    }

    /**
     * End to end: each trace holding a call of the group counts once, with its whole duration; a
     * trace with calls of two models counts in both.
     */
    Map<String, Percentiles> traceLatency(InsightsQuery query) {
        Field<String> key = CallGroupKeys.keyOf(query.grouping()).as("group_key");
        Table<?> traces = DSL.selectDistinct(key, LLM_CALL.TRACE_ID, LLM_CALL.TRACE_DURATION_NS)
                .from(LLM_CALL).where(inRange(query)).asTable("traces_of_group");
        Field<String> traceKey = traces.field("group_key", String.class);
        Field<Long> traceDuration = traces.field(LLM_CALL.TRACE_DURATION_NS);
        Map<String, Percentiles> byKey = new HashMap<>();
        for (Record row : dsl.select(traceKey, percentile(0.50, traceDuration), percentile(0.95, traceDuration),
                        percentile(0.99, traceDuration))
                .from(traces).groupBy(traceKey).fetch()) {
            byKey.put(row.get(0, String.class),
                    new Percentiles(row.get(1, Long.class), row.get(2, Long.class), row.get(3, Long.class)));
        }
        return byKey;
    }

    /**
     * Each group's figures per hour or day, oldest first. Buckets start at midnight (or the full
     * hour) in the zone whose offset from UTC is {@code zoneOffsetNs}.
     */
    public List<TimeBucket> overTime(InsightsQuery query, Granularity granularity, long zoneOffsetNs) {
        long width = granularity.nanos();
        Field<Long> bucket = LLM_CALL.START_NS.plus(zoneOffsetNs).div(width).as("bucket");
        Field<String> key = CallGroupKeys.keyOf(query.grouping()).as("group_key");
        List<TimeBucket> buckets = new ArrayList<>();
        for (Record row : dsl.select(bucket, key, DSL.count(), errors(),
                        percentile(0.50, DURATION), percentile(0.95, DURATION), percentile(0.99, DURATION),
                        sumLong(LLM_CALL.INPUT_TOKENS), sumLong(LLM_CALL.OUTPUT_TOKENS),
                        sumUsd(LLM_CALL.COST_REPORTED_USD), sumUsd(LLM_CALL.COST_ESTIMATED_USD))
                .from(LLM_CALL).where(inRange(query))
                .groupBy(LLM_CALL.START_NS.plus(zoneOffsetNs).div(width), CallGroupKeys.keyOf(query.grouping()))
                .orderBy(DSL.field("bucket"), DSL.field("group_key"))
                .fetch()) {
            buckets.add(new TimeBucket(row.get(0, Long.class) * width - zoneOffsetNs, row.get(1, String.class),
                    row.get(2, Long.class), row.get(3, Long.class),
                    new Percentiles(row.get(4, Long.class), row.get(5, Long.class), row.get(6, Long.class)),
                    row.get(7, Long.class), row.get(8, Long.class), row.get(9, BigDecimal.class), row.get(10, BigDecimal.class)));
        }
        return buckets;
    }

    /** Latency per model and number of LLM calls in flight at the start, fewest in flight first. */
    public List<LoadLevel> byConcurrency(InsightsQuery query) {
        Field<String> model = CallGroupKeys.keyOf(CallGrouping.MODEL).as("group_key");
        return dsl.select(model, LLM_CALL.IN_FLIGHT, DSL.count(), percentile(0.50, DURATION), percentile(0.95, DURATION))
                .from(LLM_CALL).where(inRange(query)).and(LLM_CALL.IN_FLIGHT.isNotNull())
                .groupBy(CallGroupKeys.keyOf(CallGrouping.MODEL), LLM_CALL.IN_FLIGHT)
                .orderBy(DSL.field("group_key"), LLM_CALL.IN_FLIGHT)
                .fetch(row -> new LoadLevel(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
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

    private static Field<Long> percentile(double fraction, Field<Long> value) {
        return DSL.percentileDisc(fraction).withinGroupOrderBy(value).cast(Long.class);
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
