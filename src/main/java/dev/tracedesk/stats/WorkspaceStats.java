package dev.tracedesk.stats;

import java.util.Map;

import dev.tracedesk.core.model.SpanKind;

/** What a workspace holds, counted; {@code spansByKind} has every kind, zero when absent. */
public record WorkspaceStats(
        long traces,
        long spans,
        Map<SpanKind, Long> spansByKind,
        long evalRuns,
        long evalCases,
        long reviewItems,
        long labels,
        long datasets,
        long imports,
        long rejectedRecords) {

    public WorkspaceStats {
        spansByKind = Map.copyOf(spansByKind);
    }

    /** True when nothing has been imported or created yet: the first-start experience. */
    public boolean isEmpty() {
        return traces == 0 && spans == 0 && evalRuns == 0 && evalCases == 0 && reviewItems == 0
                && labels == 0 && datasets == 0 && imports == 0;
    }
}
