package dev.tracedesk.store.calls;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;
import static dev.tracedesk.store.generated.Tables.LLM_CALL_HOUR;
import static dev.tracedesk.store.generated.Tables.LLM_CALL_LATENCY_DAY;
import static dev.tracedesk.store.generated.Tables.LLM_CALL_LATENCY_HOUR;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.store.CallGroupKeys;
import dev.tracedesk.store.LatencyBuckets;

/**
 * Rebuilds the hourly and daily rollups of {@code llm_call} (migration V9, decision 0021) for a span
 * of hours: deletes those hours' rows and aggregates them again from the calls, a day per
 * transaction, then adds the days up again from their hours. Rebuilding rather than adding keeps them right when a later file changes a call's
 * trace duration or load.
 */
final class LlmCallRollups {

    static final long HOUR_NS = TimeUnit.HOURS.toNanos(1);
    private static final long DAY_NS = TimeUnit.DAYS.toNanos(1);

    private final DSLContext dsl;

    LlmCallRollups(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Rebuilds every hour that holds a start in [fromNs, toNs], then the day sums of the UTC days
     * those hours fall in (added up from the hours, so a small import costs its hours, not its days).
     */
    void rebuild(long fromNs, long toNs) {
        long first = Math.floorDiv(fromNs, HOUR_NS) * HOUR_NS;
        long end = Math.floorDiv(toNs, HOUR_NS) * HOUR_NS + HOUR_NS;
        for (long day = Math.floorDiv(first, DAY_NS) * DAY_NS; day < end; day += DAY_NS) {
            long dayStart = day;
            long from = Math.max(first, day);
            long to = Math.min(end, day + DAY_NS);
            dsl.transaction(configuration -> {
                rebuildHours(configuration.dsl(), from, to);
                sumDay(configuration.dsl(), dayStart);
            });
        }
    }

    /** Rebuilds only the hourly sums (counts, tokens, costs) of [fromNs, toNs], a day per transaction. */
    void rebuildSums(long fromNs, long toNs) {
        long first = Math.floorDiv(fromNs, DAY_NS) * DAY_NS;
        long end = Math.floorDiv(toNs, HOUR_NS) * HOUR_NS + HOUR_NS;
        for (long day = first; day < end; day += DAY_NS) {
            long from = day;
            long to = Math.min(end, day + DAY_NS);
            dsl.transaction(configuration -> {
                DSLContext tx = configuration.dsl();
                tx.deleteFrom(LLM_CALL_HOUR).where(LLM_CALL_HOUR.HOUR_NS.ge(from)).and(LLM_CALL_HOUR.HOUR_NS.lt(to)).execute();
                for (CallGrouping grouping : CallGrouping.values()) {
                    insertSums(tx, grouping, LLM_CALL.START_NS.ge(from).and(LLM_CALL.START_NS.lt(to)));
                }
            });
        }
    }

    /** The day's histograms: its hours' rows added up. */
    private static void sumDay(DSLContext tx, long day) {
        var hours = LLM_CALL_LATENCY_HOUR;
        tx.deleteFrom(LLM_CALL_LATENCY_DAY).where(LLM_CALL_LATENCY_DAY.DAY_NS.eq(day)).execute();
        tx.insertInto(LLM_CALL_LATENCY_DAY, LLM_CALL_LATENCY_DAY.DAY_NS, LLM_CALL_LATENCY_DAY.GROUPING_NAME,
                        LLM_CALL_LATENCY_DAY.GROUP_KEY, LLM_CALL_LATENCY_DAY.SERIES, LLM_CALL_LATENCY_DAY.LOAD_LEVEL,
                        LLM_CALL_LATENCY_DAY.BUCKET, LLM_CALL_LATENCY_DAY.CALLS)
                .select(DSL.select(DSL.inline(day), hours.GROUPING_NAME, hours.GROUP_KEY, hours.SERIES, hours.LOAD_LEVEL,
                                hours.BUCKET, DSL.sum(hours.CALLS).cast(Long.class))
                        .from(hours).where(hours.HOUR_NS.ge(day)).and(hours.HOUR_NS.lt(day + DAY_NS))
                        .groupBy(hours.GROUPING_NAME, hours.GROUP_KEY, hours.SERIES, hours.LOAD_LEVEL, hours.BUCKET))
                .execute();
    }

    private static void rebuildHours(DSLContext tx, long from, long to) {
        tx.deleteFrom(LLM_CALL_HOUR).where(LLM_CALL_HOUR.HOUR_NS.ge(from)).and(LLM_CALL_HOUR.HOUR_NS.lt(to)).execute();
        tx.deleteFrom(LLM_CALL_LATENCY_HOUR).where(LLM_CALL_LATENCY_HOUR.HOUR_NS.ge(from))
                .and(LLM_CALL_LATENCY_HOUR.HOUR_NS.lt(to)).execute();
        Condition inHours = LLM_CALL.START_NS.ge(from).and(LLM_CALL.START_NS.lt(to));
        for (CallGrouping grouping : CallGrouping.values()) {
            insertSums(tx, grouping, inHours);
            histogram(tx, grouping, "CALL", LLM_CALL.DURATION_NS, inHours);
            histogram(tx, grouping, "TTFT", LLM_CALL.TIME_TO_FIRST_TOKEN_NS, inHours);
            traceHistogram(tx, grouping, inHours);
        }
        loadHistogram(tx, inHours);
    }

    private static void insertSums(DSLContext tx, CallGrouping grouping, Condition inHours) {
        Field<Long> hour = LLM_CALL.START_NS.div(DSL.inline(HOUR_NS)).mul(DSL.inline(HOUR_NS));
        Field<String> key = CallGroupKeys.keyOf(grouping);
        Field<String> name = DSL.inline(grouping.name());
        tx.insertInto(LLM_CALL_HOUR, LLM_CALL_HOUR.HOUR_NS, LLM_CALL_HOUR.GROUPING_NAME, LLM_CALL_HOUR.GROUP_KEY,
                        LLM_CALL_HOUR.CALLS, LLM_CALL_HOUR.ERRORS, LLM_CALL_HOUR.INPUT_TOKENS, LLM_CALL_HOUR.OUTPUT_TOKENS,
                        LLM_CALL_HOUR.COST_REPORTED_USD, LLM_CALL_HOUR.COST_ESTIMATED_USD, LLM_CALL_HOUR.CALLS_WITH_COST)
                .select(DSL.select(hour, name, key, DSL.count().cast(Long.class),
                                DSL.sum(DSL.when(LLM_CALL.FAILED.isTrue(), 1L).otherwise(0L)).cast(Long.class),
                                DSL.coalesce(DSL.sum(LLM_CALL.INPUT_TOKENS), BigDecimal.ZERO).cast(Long.class),
                                DSL.coalesce(DSL.sum(LLM_CALL.OUTPUT_TOKENS), BigDecimal.ZERO).cast(Long.class),
                                DSL.coalesce(DSL.sum(LLM_CALL.COST_REPORTED_USD), BigDecimal.ZERO),
                                DSL.coalesce(DSL.sum(LLM_CALL.COST_ESTIMATED_USD), BigDecimal.ZERO),
                                DSL.count(DSL.coalesce(LLM_CALL.COST_REPORTED_USD, LLM_CALL.COST_ESTIMATED_USD)).cast(Long.class))
                        .from(LLM_CALL).where(inHours).groupBy(hour, key))
                .execute();
    }

    private static void histogram(DSLContext tx, CallGrouping grouping, String series, Field<Long> value, Condition inHours) {
        Field<Long> hour = LLM_CALL.START_NS.div(DSL.inline(HOUR_NS)).mul(DSL.inline(HOUR_NS));
        Field<String> key = CallGroupKeys.keyOf(grouping);
        Field<Integer> bucket = LatencyBuckets.bucketOf(value);
        insertLatency(tx).select(DSL.select(hour, DSL.inline(grouping.name()), key, DSL.inline(series), DSL.inline(-1),
                        bucket, DSL.count().cast(Long.class))
                .from(LLM_CALL).where(inHours).and(value.isNotNull()).groupBy(hour, key, bucket)).execute();
    }

    /** Each trace once per group and hour, with its whole duration. */
    private static void traceHistogram(DSLContext tx, CallGrouping grouping, Condition inHours) {
        Table<?> traces = DSL.selectDistinct(LLM_CALL.START_NS.div(DSL.inline(HOUR_NS)).mul(DSL.inline(HOUR_NS)).as("hour_ns"),
                        CallGroupKeys.keyOf(grouping).as("group_key"), LLM_CALL.TRACE_ID, LLM_CALL.TRACE_DURATION_NS)
                .from(LLM_CALL).where(inHours).and(LLM_CALL.TRACE_DURATION_NS.isNotNull()).asTable("traces_of_hour");
        Field<Long> hour = traces.field("hour_ns", Long.class);
        Field<String> key = traces.field("group_key", String.class);
        Field<Integer> bucket = LatencyBuckets.bucketOf(traces.field(LLM_CALL.TRACE_DURATION_NS));
        insertLatency(tx).select(DSL.select(hour, DSL.inline(grouping.name()), key, DSL.inline("TRACE"), DSL.inline(-1),
                        bucket, DSL.count().cast(Long.class))
                .from(traces).groupBy(hour, key, bucket)).execute();
    }

    /** Latency by model and calls in flight at the start. */
    private static void loadHistogram(DSLContext tx, Condition inHours) {
        Field<Long> hour = LLM_CALL.START_NS.div(DSL.inline(HOUR_NS)).mul(DSL.inline(HOUR_NS));
        Field<String> key = CallGroupKeys.keyOf(CallGrouping.MODEL);
        Field<Integer> bucket = LatencyBuckets.bucketOf(LLM_CALL.DURATION_NS);
        insertLatency(tx).select(DSL.select(hour, DSL.inline(CallGrouping.MODEL.name()), key, DSL.inline("LOAD"),
                        LLM_CALL.IN_FLIGHT, bucket, DSL.count().cast(Long.class))
                .from(LLM_CALL).where(inHours).and(LLM_CALL.DURATION_NS.isNotNull()).and(LLM_CALL.IN_FLIGHT.isNotNull())
                .groupBy(hour, key, LLM_CALL.IN_FLIGHT, bucket)).execute();
    }

    private static org.jooq.InsertValuesStep7<?, Long, String, String, String, Integer, Integer, Long> insertLatency(DSLContext tx) {
        return tx.insertInto(LLM_CALL_LATENCY_HOUR, LLM_CALL_LATENCY_HOUR.HOUR_NS, LLM_CALL_LATENCY_HOUR.GROUPING_NAME,
                LLM_CALL_LATENCY_HOUR.GROUP_KEY, LLM_CALL_LATENCY_HOUR.SERIES, LLM_CALL_LATENCY_HOUR.LOAD_LEVEL,
                LLM_CALL_LATENCY_HOUR.BUCKET, LLM_CALL_LATENCY_HOUR.CALLS);
    }
}
