package dev.tracedesk.ingest.write;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalSpan;

/**
 * What a batch of spans says about each of their traces: the time range, the worst status, the
 * name, session and user. Folded in Java as the spans pass, so keeping a trace's summary true
 * costs no query per span — a new trace is inserted with it, a known one merges it in one update.
 */
final class TraceFacts {

    final String externalTraceId;
    String sourceSystem;
    Long startNs;
    Long endNs;
    SpanStatus status = SpanStatus.UNSET;
    String traceName;
    String rootSpanName;
    String sessionId;
    String userId;

    private TraceFacts(String externalTraceId) {
        this.externalTraceId = externalTraceId;
    }

    /** By external trace id, in the order the traces first appear in the batch. */
    static Map<String, TraceFacts> of(List<CanonicalSpan> batch) {
        Map<String, TraceFacts> facts = new LinkedHashMap<>();
        for (CanonicalSpan span : batch) {
            facts.computeIfAbsent(span.traceId, TraceFacts::new).add(span);
        }
        return facts;
    }

    private void add(CanonicalSpan span) {
        if (sourceSystem == null) {
            sourceSystem = span.sourceSystem;
        }
        if (span.startNs != null) {
            long end = span.startNs + (span.durationNs == null ? 0 : span.durationNs);
            startNs = startNs == null ? span.startNs : Math.min(startNs, span.startNs);
            endNs = endNs == null ? end : Math.max(endNs, end);
        }
        status = worse(status, span.status);
        traceName = traceName != null ? traceName : span.traceName;
        sessionId = sessionId != null ? sessionId : span.sessionId;
        userId = userId != null ? userId : span.userId;
        // the alphabetically first root name, so the name does not depend on the order spans arrive in
        if (span.parentSpanId == null && span.name != null
                && (rootSpanName == null || span.name.compareTo(rootSpanName) < 0)) {
            rootSpanName = span.name;
        }
    }

    /** The name a trace without one takes: its source's trace name, else its root span's. */
    String name() {
        return traceName != null ? traceName : rootSpanName;
    }

    /** ERROR over OK over UNSET: a trace is in error when any of its spans is. */
    static SpanStatus worse(SpanStatus a, SpanStatus b) {
        if (a == SpanStatus.ERROR || b == SpanStatus.ERROR) {
            return SpanStatus.ERROR;
        }
        return a == SpanStatus.OK || b == SpanStatus.OK ? SpanStatus.OK : SpanStatus.UNSET;
    }
}
