package dev.tracedesk.insights;

import dev.tracedesk.core.model.CallGrouping;

/**
 * What the dashboard looks at: LLM calls that started in [fromNs, toNs) (either end null = open),
 * grouped one way.
 */
public record InsightsQuery(Long fromNs, Long toNs, CallGrouping grouping) {

    public InsightsQuery {
        grouping = grouping == null ? CallGrouping.NONE : grouping;
    }

    public static InsightsQuery everything(CallGrouping grouping) {
        return new InsightsQuery(null, null, grouping);
    }

    public InsightsQuery withGrouping(CallGrouping other) {
        return new InsightsQuery(fromNs, toNs, other);
    }

    public InsightsQuery withRange(Long from, Long to) {
        return new InsightsQuery(from, to, grouping);
    }
}
