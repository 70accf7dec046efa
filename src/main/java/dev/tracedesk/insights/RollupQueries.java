package dev.tracedesk.insights;

import static dev.tracedesk.store.generated.Tables.LLM_CALL_HOUR;
import static dev.tracedesk.store.generated.Tables.LLM_CALL_LATENCY_HOUR;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.CallGrouping;

/**
 * The dashboard's figures from the hourly rollups (migration V9) for ranges too large to rank
 * call by call: sums exact, percentiles by nearest rank over 5 % latency buckets.
 */
final class RollupQueries {

    private final DSLContext dsl;

    RollupQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** How many calls started in the (whole-hour) range. */
    long calls(InsightsQuery query) {
        Long calls = dsl.select(DSL.sum(LLM_CALL_HOUR.CALLS).cast(Long.class)).from(LLM_CALL_HOUR)
                .where(LLM_CALL_HOUR.GROUPING_NAME.eq(CallGrouping.NONE.name())).and(hours(query, LLM_CALL_HOUR.HOUR_NS))
                .fetchOne(0, Long.class);
        return calls == null ? 0 : calls;
    }

    List<GroupStats> groups(InsightsQuery query) {
        Map<String, Map<String, HistogramPercentiles>> latency = new HashMap<>();
        for (Record row : dsl.select(LLM_CALL_LATENCY_HOUR.GROUP_KEY, LLM_CALL_LATENCY_HOUR.SERIES, LLM_CALL_LATENCY_HOUR.BUCKET,
                        DSL.sum(LLM_CALL_LATENCY_HOUR.CALLS).cast(Long.class))
                .from(LLM_CALL_LATENCY_HOUR)
                .where(LLM_CALL_LATENCY_HOUR.GROUPING_NAME.eq(query.grouping().name()))
                .and(LLM_CALL_LATENCY_HOUR.SERIES.in("CALL", "TRACE", "TTFT"))
                .and(hours(query, LLM_CALL_LATENCY_HOUR.HOUR_NS))
                .groupBy(LLM_CALL_LATENCY_HOUR.GROUP_KEY, LLM_CALL_LATENCY_HOUR.SERIES, LLM_CALL_LATENCY_HOUR.BUCKET)
                .fetch()) {
            latency.computeIfAbsent(row.get(0, String.class), key -> new HashMap<>())
                    .computeIfAbsent(row.get(1, String.class), series -> new HistogramPercentiles())
                    .add(row.get(2, Integer.class), row.get(3, Long.class));
        }
        List<GroupStats> groups = new ArrayList<>();
        for (Record row : sums(query, LLM_CALL_HOUR.GROUP_KEY).groupBy(LLM_CALL_HOUR.GROUP_KEY).fetch()) {
            String key = row.get(0, String.class);
            Map<String, HistogramPercentiles> series = latency.getOrDefault(key, Map.of());
            groups.add(new GroupStats(key, row.get(1, Long.class), row.get(2, Long.class),
                    percentiles(series, "CALL", true), percentiles(series, "TRACE", true), percentiles(series, "TTFT", false),
                    row.get(3, Long.class), row.get(4, Long.class), row.get(5, BigDecimal.class), row.get(6, BigDecimal.class),
                    row.get(7, Long.class)));
        }
        return groups;
    }

    List<TimeBucket> overTime(InsightsQuery query, Granularity granularity, long zoneOffsetNs) {
        long width = granularity.nanos();
        Field<Long> bucketOfLatency = LLM_CALL_LATENCY_HOUR.HOUR_NS.plus(DSL.inline(zoneOffsetNs)).div(DSL.inline(width));
        Map<List<Object>, HistogramPercentiles> latency = new HashMap<>();
        for (Record row : dsl.select(bucketOfLatency, LLM_CALL_LATENCY_HOUR.GROUP_KEY, LLM_CALL_LATENCY_HOUR.BUCKET,
                        DSL.sum(LLM_CALL_LATENCY_HOUR.CALLS).cast(Long.class))
                .from(LLM_CALL_LATENCY_HOUR)
                .where(LLM_CALL_LATENCY_HOUR.GROUPING_NAME.eq(query.grouping().name()))
                .and(LLM_CALL_LATENCY_HOUR.SERIES.eq("CALL")).and(hours(query, LLM_CALL_LATENCY_HOUR.HOUR_NS))
                .groupBy(bucketOfLatency, LLM_CALL_LATENCY_HOUR.GROUP_KEY, LLM_CALL_LATENCY_HOUR.BUCKET)
                .fetch()) {
            latency.computeIfAbsent(List.of(row.get(0, Long.class), row.get(1, String.class)), key -> new HistogramPercentiles())
                    .add(row.get(2, Integer.class), row.get(3, Long.class));
        }
        Field<Long> bucket = LLM_CALL_HOUR.HOUR_NS.plus(DSL.inline(zoneOffsetNs)).div(DSL.inline(width));
        List<TimeBucket> buckets = new ArrayList<>();
        for (Record row : sums(query, bucket, LLM_CALL_HOUR.GROUP_KEY).groupBy(bucket, LLM_CALL_HOUR.GROUP_KEY)
                .orderBy(bucket, LLM_CALL_HOUR.GROUP_KEY).fetch()) {
            long index = row.get(0, Long.class);
            String key = row.get(1, String.class);
            HistogramPercentiles histogram = latency.get(List.of(index, key));
            buckets.add(new TimeBucket(index * width - zoneOffsetNs, key, row.get(2, Long.class), row.get(3, Long.class),
                    histogram == null ? Percentiles.NONE : histogram.percentiles(true),
                    row.get(4, Long.class), row.get(5, Long.class), row.get(6, BigDecimal.class), row.get(7, BigDecimal.class)));
        }
        return buckets;
    }

    List<LoadLevel> byConcurrency(InsightsQuery query) {
        Map<List<Object>, HistogramPercentiles> levels = new java.util.TreeMap<>(
                (a, b) -> {
                    int byModel = ((String) a.get(0)).compareTo((String) b.get(0));
                    return byModel != 0 ? byModel : Integer.compare((Integer) a.get(1), (Integer) b.get(1));
                });
        Map<List<Object>, Long> calls = new HashMap<>();
        for (Record row : dsl.select(LLM_CALL_LATENCY_HOUR.GROUP_KEY, LLM_CALL_LATENCY_HOUR.LOAD_LEVEL, LLM_CALL_LATENCY_HOUR.BUCKET,
                        DSL.sum(LLM_CALL_LATENCY_HOUR.CALLS).cast(Long.class))
                .from(LLM_CALL_LATENCY_HOUR)
                .where(LLM_CALL_LATENCY_HOUR.GROUPING_NAME.eq(CallGrouping.MODEL.name()))
                .and(LLM_CALL_LATENCY_HOUR.SERIES.eq("LOAD")).and(hours(query, LLM_CALL_LATENCY_HOUR.HOUR_NS))
                .groupBy(LLM_CALL_LATENCY_HOUR.GROUP_KEY, LLM_CALL_LATENCY_HOUR.LOAD_LEVEL, LLM_CALL_LATENCY_HOUR.BUCKET)
                .fetch()) {
            List<Object> level = List.of(row.get(0, String.class), row.get(1, Integer.class));
            levels.computeIfAbsent(level, key -> new HistogramPercentiles()).add(row.get(2, Integer.class), row.get(3, Long.class));
            calls.merge(level, row.get(3, Long.class), Long::sum);
        }
        List<LoadLevel> result = new ArrayList<>();
        levels.forEach((level, histogram) -> {
            Percentiles percentiles = histogram.percentiles(false);
            result.add(new LoadLevel((String) level.get(0), (Integer) level.get(1), calls.get(level),
                    percentiles.p50Ns(), percentiles.p95Ns()));
        });
        return result;
    }

    private org.jooq.SelectConditionStep<Record> sums(InsightsQuery query, Field<?>... keys) {
        List<Field<?>> fields = new ArrayList<>(List.of(keys));
        fields.addAll(List.of(DSL.sum(LLM_CALL_HOUR.CALLS).cast(Long.class), DSL.sum(LLM_CALL_HOUR.ERRORS).cast(Long.class),
                DSL.sum(LLM_CALL_HOUR.INPUT_TOKENS).cast(Long.class), DSL.sum(LLM_CALL_HOUR.OUTPUT_TOKENS).cast(Long.class),
                DSL.sum(LLM_CALL_HOUR.COST_REPORTED_USD), DSL.sum(LLM_CALL_HOUR.COST_ESTIMATED_USD),
                DSL.sum(LLM_CALL_HOUR.CALLS_WITH_COST).cast(Long.class)));
        return dsl.select(fields).from(LLM_CALL_HOUR)
                .where(LLM_CALL_HOUR.GROUPING_NAME.eq(query.grouping().name())).and(hours(query, LLM_CALL_HOUR.HOUR_NS));
    }

    private static Percentiles percentiles(Map<String, HistogramPercentiles> series, String name, boolean withP99) {
        HistogramPercentiles histogram = series.get(name);
        return histogram == null ? Percentiles.NONE : histogram.percentiles(withP99);
    }

    private static Condition hours(InsightsQuery query, Field<Long> hour) {
        Condition condition = DSL.noCondition();
        if (query.fromNs() != null) {
            condition = condition.and(hour.ge(query.fromNs()));
        }
        if (query.toNs() != null) {
            condition = condition.and(hour.lt(query.toNs()));
        }
        return Objects.requireNonNull(condition);
    }
}
