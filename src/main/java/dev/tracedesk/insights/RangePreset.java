package dev.tracedesk.insights;

import java.util.concurrent.TimeUnit;

/**
 * The time range choices. The "last …" ones end at the newest call, not at the clock: imported audit
 * trails are often months old, and a range ending now would show nothing.
 */
public enum RangePreset {
    ALL("All time", 0),
    LAST_24_HOURS("Last 24 hours", TimeUnit.HOURS.toNanos(24)),
    LAST_7_DAYS("Last 7 days", TimeUnit.DAYS.toNanos(7)),
    LAST_30_DAYS("Last 30 days", TimeUnit.DAYS.toNanos(30)),
    CUSTOM("Custom…", 0);

    private final String label;
    private final long lengthNs;

    RangePreset(String label, long lengthNs) {
        this.label = label;
        this.lengthNs = lengthNs;
    }

    public String label() {
        return label;
    }

    /**
     * The range [from, to) this preset covers when the newest call started at {@code newestStartNs};
     * null ends for All (and for Custom, whose dates the view model reads itself).
     */
    Long[] rangeEndingAt(long newestStartNs) {
        if (lengthNs == 0) {
            return new Long[] {null, null};
        }
        long end = newestStartNs + 1;
        return new Long[] {end - lengthNs, end};
    }

    @Override
    public String toString() {
        return label;
    }
}
