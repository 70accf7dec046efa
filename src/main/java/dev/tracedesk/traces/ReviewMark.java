package dev.tracedesk.traces;

import java.util.List;

/**
 * What review says of one row of the Traces table: how many review items point at it (its calls,
 * or eval cases run on it), the distinct reasons they were flagged for ("Slow call — latency 12.4 s
 * over the 10 s budget"), and the row's {@link ReviewVerdict} (null when nothing was labeled).
 */
public record ReviewMark(int items, List<String> reasons, ReviewVerdict verdict) {

    public static final ReviewMark NONE = new ReviewMark(0, List.of(), null);

    public ReviewMark {
        reasons = List.copyOf(reasons);
    }

    /** The compact cell: "⚑ 2", empty without items. */
    public String flagsText() {
        return items == 0 ? "" : "⚑ " + items;
    }

    /** The verdict as the cell shows it: "fail", "open", or empty. */
    public String verdictText() {
        return verdict == null ? "" : verdict.label();
    }
}
