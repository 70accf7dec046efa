package dev.tracedesk.store;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The logarithmic latency buckets of the hourly histograms (migration V9): bucket b holds
 * durations in [RATIO^b, RATIO^(b+1)) nanoseconds. A bucket is 5 % wide, so the middle of the
 * bucket a percentile falls into is within 2.5 % of the value itself.
 */
public final class LatencyBuckets {

    public static final double RATIO = 1.05;
    private static final double LOG_RATIO = Math.log(RATIO);

    private LatencyBuckets() {
    }

    /** The bucket of a duration in SQL; durations below 1 ns count as 1 ns. */
    public static Field<Integer> bucketOf(Field<Long> durationNs) {
        return DSL.floor(DSL.ln(DSL.greatest(durationNs, DSL.inline(1L)).cast(SQLDataType.DOUBLE))
                .div(DSL.inline(LOG_RATIO))).cast(SQLDataType.INTEGER);
    }

    /** The bucket of a duration in Java, as {@link #bucketOf} computes it. */
    public static int bucketOf(long durationNs) {
        return (int) Math.floor(Math.log(Math.max(1, durationNs)) / LOG_RATIO);
    }

    /** The geometric middle of a bucket in nanoseconds: the value a percentile in it is reported as. */
    public static long middleNs(int bucket) {
        return Math.round(Math.exp((bucket + 0.5) * LOG_RATIO));
    }
}
