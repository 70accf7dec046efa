package dev.tracedesk.insights;

import static dev.tracedesk.store.generated.Tables.LLM_CALL_HOUR;
import static dev.tracedesk.store.generated.Tables.LLM_CALL_LATENCY_DAY;
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
 * The dashboard's figures from the rollups (migration V9) for ranges too large to rank call by
 * call: sums exact from the hourly sums, percentiles by nearest rank over 5 % latency buckets
 * read from the daily histograms for whole days and the hourly ones for partial days.
 */
final class RollupQueries {

    private static final long DAY_NS = 86_400_000_000_000L;

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
        histograms(query, query.grouping(), List.of("CALL", "TRACE", "TTFT"), (key, series, level, bucket, calls) ->
                latency.computeIfAbsent(key, k -> new HashMap<>())
                        .computeIfAbsent(series, name -> new HistogramPercentiles()).add(bucket, calls));
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
        histograms(query, CallGrouping.MODEL, List.of("LOAD"), (key, series, loadLevel, bucket, count) -> {
            List<Object> level = List.of(key, loadLevel);
            levels.computeIfAbsent(level, k -> new HistogramPercentiles()).add(bucket, count);
            calls.merge(level, count, Long::sum);
        });
        List<LoadLevel> result = new ArrayList<>();
        levels.forEach((level, histogram) -> {
            Percentiles percentiles = histogram.percentiles(false);
            result.add(new LoadLevel((String) level.get(0), (Integer) level.get(1), calls.get(level),
                    percentiles.p50Ns(), percentiles.p95Ns()));
        });
        return result;
    }

    /** One histogram row: so many values of a group's series (at a load level) fell into a bucket. */
    private interface HistogramRow {
        void add(String key, String series, int loadLevel, int bucket, long calls);
    }

    /**
     * The range's histogram rows summed per group, series, load level and bucket: the days it
     * covers whole from the daily table, the hours of its partial days from the hourly one.
     */
    private void histograms(InsightsQuery query, CallGrouping grouping, List<String> series, HistogramRow sink) {
        Long from = query.fromNs();
        Long to = query.toNs();
        Long firstWholeDay = from == null ? null : -Math.floorDiv(-from, DAY_NS) * DAY_NS;
        Long wholeDaysEnd = to == null ? null : Math.floorDiv(to, DAY_NS) * DAY_NS;
        boolean wholeDays = firstWholeDay == null || wholeDaysEnd == null || firstWholeDay < wholeDaysEnd;
        var day = LLM_CALL_LATENCY_DAY;
        var hour = LLM_CALL_LATENCY_HOUR;
        if (wholeDays) {
            Condition days = between(day.DAY_NS, firstWholeDay, wholeDaysEnd);
            read(dsl.select(day.GROUP_KEY, day.SERIES, day.LOAD_LEVEL, day.BUCKET, DSL.sum(day.CALLS).cast(Long.class))
                    .from(day).where(day.GROUPING_NAME.eq(grouping.name())).and(day.SERIES.in(series)).and(days)
                    .groupBy(day.GROUP_KEY, day.SERIES, day.LOAD_LEVEL, day.BUCKET).fetch(), sink);
        }
        // Without a start there is no leading partial day, without an end no trailing one.
        Condition partialHours = !wholeDays ? between(hour.HOUR_NS, from, to)
                : (from == null ? DSL.falseCondition() : between(hour.HOUR_NS, from, firstWholeDay))
                        .or(to == null ? DSL.falseCondition() : between(hour.HOUR_NS, wholeDaysEnd, to));
        read(dsl.select(hour.GROUP_KEY, hour.SERIES, hour.LOAD_LEVEL, hour.BUCKET, DSL.sum(hour.CALLS).cast(Long.class))
                .from(hour).where(hour.GROUPING_NAME.eq(grouping.name())).and(hour.SERIES.in(series)).and(partialHours)
                .groupBy(hour.GROUP_KEY, hour.SERIES, hour.LOAD_LEVEL, hour.BUCKET).fetch(), sink);
    }

    private static void read(List<? extends Record> rows, HistogramRow sink) {
        for (Record row : rows) {
            sink.add(row.get(0, String.class), row.get(1, String.class), row.get(2, Integer.class), row.get(3, Integer.class),
                    row.get(4, Long.class));
        }
    }

    /** [from, to) with either end open when null; nothing when both are given and from ≥ to. */
    private static Condition between(Field<Long> column, Long from, Long to) {
        if (from != null && to != null && from >= to) {
            return DSL.falseCondition();
        }
        Condition condition = DSL.noCondition();
        if (from != null) {
            condition = condition.and(column.ge(from));
        }
        if (to != null) {
            condition = condition.and(column.lt(to));
        }
        return condition;
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
