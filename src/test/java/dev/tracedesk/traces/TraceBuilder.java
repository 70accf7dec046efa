package dev.tracedesk.traces;

import java.util.ArrayList;
import java.util.List;

import dev.tracedesk.grounding.GroundingDocument;


/** Traces as {@code TraceQueries} returns them, built in memory: only what grounding reads is filled in. */
final class TraceBuilder {

    private final List<SpanDetail> spans = new ArrayList<>();

    TraceBuilder span(String id, String parent, String kind, Long startNs) {
        return add(id, parent, kind, startNs, null, List.of(), List.of());
    }

    /** A RETRIEVER whose documents have the ids given, with the id as their text too. */
    TraceBuilder retriever(String id, String parent, Long startNs, String... documentIds) {
        List<SpanDocument> documents = new ArrayList<>();
        for (int i = 0; i < documentIds.length; i++) {
            documents.add(new SpanDocument(i + 1, documentIds[i], null, "text of " + documentIds[i], null, null));
        }
        return add(id, parent, "RETRIEVER", startNs, null, List.of(), documents);
    }

    TraceBuilder llm(String id, String parent, Long startNs, String answer) {
        return add(id, parent, "LLM", startNs, null,
                List.of(new SpanMessage("OUTPUT", 0, "assistant", null, answer, null, null, "stop")), List.of());
    }

    TraceBuilder add(String id, String parent, String kind, Long startNs, String outputText, List<SpanMessage> messages,
                     List<SpanDocument> documents) {
        spans.add(new SpanDetail(spans.size() + 1, id, parent, kind, id, startNs, 10L, "OK", null, null, null, null,
                null, null, null, null, null, outputText, null, messages, documents, List.of()));
        return this;
    }

    TraceDetail build() {
        return new TraceDetail(1, "t-1", "trace", "otlp", null, null, 0L, 1_000L, "OK", null, spans);
    }

    static List<String> documentIds(List<GroundingDocument> documents) {
        return documents.stream().map(GroundingDocument::documentId).toList();
    }
}
