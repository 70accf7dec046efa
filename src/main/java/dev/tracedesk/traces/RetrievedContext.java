package dev.tracedesk.traces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.grounding.GroundingDocument;

/**
 * The documents an LLM call could have drawn on. The span's own documents when it has any (some
 * sources record the context on the call); otherwise the documents of the RETRIEVER spans nearest
 * to it in the tree that started no later than it did: walk up from the call, and at the first
 * ancestor whose subtree (the call's own subtree left out) holds such retrievers, take all of them.
 * A RAG chain (CHAIN → RETRIEVER, LLM) finds its retriever at the parent; a retriever nested in a
 * sibling step is found too; an earlier turn's retrieval in an agent is found only when nothing
 * nearer is. When the call has no ancestor in the trace (a root, or a broken parent link), any
 * retriever in the trace that started before it is taken. A missing start time counts as "before":
 * better a document too many than the hint silently missing its context.
 */
public final class RetrievedContext {

    private RetrievedContext() {
    }

    public static List<GroundingDocument> of(TraceDetail trace, String spanId) {
        Map<String, SpanDetail> byId = new HashMap<>();
        Map<String, List<SpanDetail>> children = new HashMap<>();
        for (SpanDetail span : trace.spans()) {
            byId.putIfAbsent(span.spanId(), span);
        }
        for (SpanDetail span : trace.spans()) {
            if (span.parentSpanId() != null && byId.containsKey(span.parentSpanId())) {
                children.computeIfAbsent(span.parentSpanId(), id -> new ArrayList<>()).add(span);
            }
        }
        SpanDetail call = byId.get(spanId);
        if (call == null) {
            return List.of();
        }
        if (!call.documents().isEmpty()) {
            return documentsOf(List.of(call));
        }
        Set<String> visited = new HashSet<>(); // a parent cycle in bad data must not loop forever
        visited.add(call.spanId());
        String below = call.spanId();
        SpanDetail ancestor = parentOf(call, byId);
        while (ancestor != null && visited.add(ancestor.spanId())) {
            List<SpanDetail> retrievers = new ArrayList<>();
            collectRetrievers(ancestor, below, call, children, retrievers, new HashSet<>());
            if (!retrievers.isEmpty()) {
                return documentsOf(retrievers);
            }
            below = ancestor.spanId();
            ancestor = parentOf(ancestor, byId);
        }
        return documentsOf(trace.spans().stream().filter(span -> isRetrieverBefore(span, call)).toList());
    }

    /** The retrievers in {@code span}'s subtree, leaving out the branch we came up from. */
    private static void collectRetrievers(SpanDetail span, String skip, SpanDetail call,
                                          Map<String, List<SpanDetail>> children, List<SpanDetail> found,
                                          Set<String> seen) {
        if (!seen.add(span.spanId())) {
            return;
        }
        if (isRetrieverBefore(span, call)) {
            found.add(span);
        }
        for (SpanDetail child : children.getOrDefault(span.spanId(), List.of())) {
            if (!child.spanId().equals(skip)) {
                collectRetrievers(child, skip, call, children, found, seen);
            }
        }
    }

    private static boolean isRetrieverBefore(SpanDetail span, SpanDetail call) {
        return SpanKind.RETRIEVER.name().equals(span.kind()) && !span.documents().isEmpty()
                && (span.startNs() == null || call.startNs() == null || span.startNs() <= call.startNs());
    }

    private static SpanDetail parentOf(SpanDetail span, Map<String, SpanDetail> byId) {
        return span.parentSpanId() == null ? null : byId.get(span.parentSpanId());
    }

    private static List<GroundingDocument> documentsOf(List<SpanDetail> spans) {
        List<GroundingDocument> documents = new ArrayList<>();
        for (SpanDetail span : spans) {
            for (SpanDocument document : span.documents()) {
                if (document.content() != null && !document.content().isBlank()) {
                    documents.add(new GroundingDocument(span.spanId(), document.rank(), document.documentId(),
                            document.content()));
                }
            }
        }
        return documents;
    }
}
