package dev.tracedesk.insights;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;

import java.math.BigDecimal;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import dev.tracedesk.store.CallGroupKeys;

/**
 * {@link InsightsQueries#overTime} with the bucket width and zone offset written into the SQL
 * instead of bound: H2 matches a GROUP BY expression to the selected one only when they are the
 * same text, and two sets of bind markers ({@code ? + ?}) are not ("must be in the GROUP BY list").
 * Stand-in until InsightsQueries inlines them itself; then the dashboard calls it again.
 */
final class OverTimeQuery {

    private final DSLContext dsl;

    OverTimeQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<TimeBucket> overTime(InsightsQuery query, Granularity granularity, long zoneOffsetNs) {
        long width = granularity.nanos();
        Field<Long> bucket = LLM_CALL.START_NS.plus(DSL.inline(zoneOffsetNs)).div(DSL.inline(width));
        Field<String> key = CallGroupKeys.keyOf(query.grouping());
        Field<Long> duration = LLM_CALL.DURATION_NS;
        return dsl.select(bucket, key, DSL.count(), DSL.sum(DSL.when(LLM_CALL.FAILED.isTrue(), 1L).otherwise(0L)).cast(Long.class),
                        percentile(0.50, duration), percentile(0.95, duration), percentile(0.99, duration),
                        DSL.sum(LLM_CALL.INPUT_TOKENS).cast(Long.class), DSL.sum(LLM_CALL.OUTPUT_TOKENS).cast(Long.class),
                        DSL.sum(LLM_CALL.COST_REPORTED_USD), DSL.sum(LLM_CALL.COST_ESTIMATED_USD))
                .from(LLM_CALL).where(InsightsQueries.inRange(query))
                .groupBy(bucket, key)
                .orderBy(bucket, key)
                .fetch(row -> new TimeBucket(row.value1() * width - zoneOffsetNs, row.value2(), row.value3(), row.value4(),
                        new Percentiles(row.value5(), row.value6(), row.value7()), zeroIfNull(row.value8()),
                        zeroIfNull(row.value9()), zeroIfNull(row.value10()), zeroIfNull(row.value11())));
    }

    private static Field<Long> percentile(double fraction, Field<Long> value) {
        return DSL.percentileDisc(DSL.inline(fraction)).withinGroupOrderBy(value).cast(Long.class);
    }

    private static long zeroIfNull(Long value) {
        return value == null ? 0 : value;
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
