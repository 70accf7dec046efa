package dev.tracedesk.traces;

import java.util.List;

/** A whole trace: its own row and every span with what hangs off it, spans ordered by start, then id. */
public record TraceDetail(long id, String traceId, String name, String sourceSystem, String sessionId, String userId,
                          Long startNs, Long endNs, String status, String attributesJson, List<SpanDetail> spans) {

    public TraceDetail {
        spans = List.copyOf(spans);
    }

    /** End minus start, or null when either is unknown. */
    public Long durationNs() {
        return startNs == null || endNs == null ? null : endNs - startNs;
    }
}
