package dev.tracedesk.insights;

import java.util.concurrent.TimeUnit;

/** The width of the over-time buckets. */
public enum Granularity {
    HOUR(TimeUnit.HOURS.toNanos(1)),
    DAY(TimeUnit.DAYS.toNanos(1));

    private final long nanos;

    Granularity(long nanos) {
        this.nanos = nanos;
    }

    public long nanos() {
        return nanos;
    }

    /** Hours for spans up to three days, days beyond, so a chart has a readable number of points. */
    public static Granularity suiting(long spanNs) {
        return spanNs <= 3 * DAY.nanos ? HOUR : DAY;
    }
}
