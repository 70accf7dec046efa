package dev.tracedesk.traces;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What the Traces section shows. Every field is optional (null = no restriction). A trace matches
 * when one of its spans matches every span-level field; the time range is on the trace's start (on
 * the call's start when LLM calls are listed). {@code spanRowIds} come from a full-text search.
 *
 * @param promptVersion null = every version; without a {@code promptName} it matches that version of any
 *                      template (OpenInference templates carry a version and no name)
 * @param hasError      true = only spans with status ERROR or an error message; false = only spans without
 * @param labeled       true = only calls (traces) with a review label that stands — a LABEL or ADJUDICATE entry
 *                      no RETRACT names — on the call or an eval case run on it (on any span or eval case of the
 *                      trace); false = only those without; like the time range, it is on the trace when traces
 *                      are listed ({@link ReviewMarks})
 * @param traceName     the trace's name exactly (a route: Insights groups calls by it); like the time range
 *                      and labeled, it is on the trace
 */
public record TraceFilter(Long fromNs, Long toNs, String provider, String servedModel, String requestedModel,
                          String promptName, String promptVersion, String kind, String status, Boolean hasError,
                          Long minLatencyNs, Long maxLatencyNs, BigDecimal minCostUsd, BigDecimal maxCostUsd,
                          Long importId, Boolean labeled, String traceName, Set<Long> spanRowIds) {

    public static final TraceFilter NONE = new TraceFilter(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    public TraceFilter {
        spanRowIds = spanRowIds == null ? null : Set.copyOf(spanRowIds);
    }

    /** True when nothing restricts the list. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** True when some field restricts spans (everything but the time range, labeled and trace name, which are on the trace). */
    boolean restrictsSpans() {
        return !withTimeRange(null, null).withLabeled(null).withTraceName(null).isEmpty();
    }

    public TraceFilter withTimeRange(Long from, Long to) {
        return new TraceFilter(from, to, provider, servedModel, requestedModel, promptName, promptVersion, kind, status,
                hasError, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, importId, labeled, traceName, spanRowIds);
    }

    public TraceFilter withProvider(String value) {
        return new TraceFilter(fromNs, toNs, value, servedModel, requestedModel, promptName, promptVersion, kind, status,
                hasError, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, importId, labeled, traceName, spanRowIds);
    }

    public TraceFilter withServedModel(String value) {
        return new TraceFilter(fromNs, toNs, provider, value, requestedModel, promptName, promptVersion, kind, status,
                hasError, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, importId, labeled, traceName, spanRowIds);
    }

    public TraceFilter withRequestedModel(String value) {
        return new TraceFilter(fromNs, toNs, provider, servedModel, value, promptName, promptVersion, kind, status,
                hasError, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, importId, labeled, traceName, spanRowIds);
    }

    public TraceFilter withPrompt(String name, String version) {
        return new TraceFilter(fromNs, toNs, provider, servedModel, requestedModel, name, version,
                kind, status, hasError, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, importId, labeled, traceName, spanRowIds);
    }

    public TraceFilter withKind(String value) {
        return new TraceFilter(fromNs, toNs, provider, servedModel, requestedModel, promptName, promptVersion, value,
                status, hasError, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, importId, labeled, traceName, spanRowIds);
    }

    public TraceFilter withStatus(String value) {
        return new TraceFilter(fromNs, toNs, provider, servedModel, requestedModel, promptName, promptVersion, kind,
                value, hasError, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, importId, labeled, traceName, spanRowIds);
    }

    public TraceFilter withHasError(Boolean value) {
        return new TraceFilter(fromNs, toNs, provider, servedModel, requestedModel, promptName, promptVersion, kind,
                status, value, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, importId, labeled, traceName, spanRowIds);
    }

    public TraceFilter withLatencyRange(Long minNs, Long maxNs) {
        return new TraceFilter(fromNs, toNs, provider, servedModel, requestedModel, promptName, promptVersion, kind,
                status, hasError, minNs, maxNs, minCostUsd, maxCostUsd, importId, labeled, traceName, spanRowIds);
    }

    public TraceFilter withCostRange(BigDecimal min, BigDecimal max) {
        return new TraceFilter(fromNs, toNs, provider, servedModel, requestedModel, promptName, promptVersion, kind,
                status, hasError, minLatencyNs, maxLatencyNs, min, max, importId, labeled, traceName, spanRowIds);
    }

    public TraceFilter withImportId(Long value) {
        return new TraceFilter(fromNs, toNs, provider, servedModel, requestedModel, promptName, promptVersion, kind,
                status, hasError, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, value, labeled, traceName, spanRowIds);
    }

    public TraceFilter withSpanRowIds(Set<Long> ids) {
        return new TraceFilter(fromNs, toNs, provider, servedModel, requestedModel, promptName, promptVersion, kind,
                status, hasError, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, importId, labeled, traceName, ids);
    }

    /** null = every row; true = labeled only; false = unlabeled only. */
    public TraceFilter withLabeled(Boolean value) {
        return new TraceFilter(fromNs, toNs, provider, servedModel, requestedModel, promptName, promptVersion, kind,
                status, hasError, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, importId, value, traceName, spanRowIds);
    }

    /** Only traces of this name (null = any); a call is listed when its trace has it. */
    public TraceFilter withTraceName(String value) {
        return new TraceFilter(fromNs, toNs, provider, servedModel, requestedModel, promptName, promptVersion, kind,
                status, hasError, minLatencyNs, maxLatencyNs, minCostUsd, maxCostUsd, importId, labeled, value, spanRowIds);
    }

    /** This filter without the facet's own dimension, so a facet lists the values one could switch to. */
    TraceFilter without(Facet facet) {
        return switch (facet) {
            case PROVIDER -> withProvider(null);
            case SERVED_MODEL -> withServedModel(null);
            case PROMPT -> withPrompt(null, null);
            case KIND -> withKind(null);
            case STATUS -> withStatus(null);
        };
    }
}
