package dev.tracedesk.insights;

import dev.tracedesk.core.model.CallGrouping;

/**
 * What the dashboard looks at: LLM calls that started in [fromNs, toNs) (either end null = open),
 * grouped one way. {@link InsightsQueries} widens the range to whole hours.
 */
public record InsightsQuery(Long fromNs, Long toNs, CallGrouping grouping) {

    private static final long HOUR_NS = 3_600_000_000_000L;

    public InsightsQuery {
        grouping = grouping == null ? CallGrouping.NONE : grouping;
    }

    public static InsightsQuery everything(CallGrouping grouping) {
        return new InsightsQuery(null, null, grouping);
    }

    public InsightsQuery withGrouping(CallGrouping other) {
        return new InsightsQuery(fromNs, toNs, other);
    }

    /**
     * The range widened to whole UTC hours (the start down, the end up), the unit the rollups
     * keep; every figure is computed over this range, whichever way it is computed.
     */
    public InsightsQuery wholeHours() {
        Long from = fromNs == null ? null : Math.floorDiv(fromNs, HOUR_NS) * HOUR_NS;
        Long to = toNs == null ? null : -Math.floorDiv(-toNs, HOUR_NS) * HOUR_NS;
        return new InsightsQuery(from, to, grouping);
    }

    public InsightsQuery withRange(Long from, Long to) {
        return new InsightsQuery(from, to, grouping);
    }
}
