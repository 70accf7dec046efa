package dev.tracedesk.traces;

import java.util.List;

/**
 * One line of the trace list. Times are epoch nanoseconds as imported (null when the source gave
 * none); {@code servedModels} are the distinct models that answered in any span, sorted.
 */
public record TraceSummary(long id, String traceId, String name, Long startNs, Long endNs, String status,
                           long spanCount, List<String> servedModels) {

    public TraceSummary {
        servedModels = List.copyOf(servedModels);
    }

    /** End minus start, or null when either is unknown. */
    public Long durationNs() {
        return startNs == null || endNs == null ? null : endNs - startNs;
    }
}
