package dev.tracedesk.traces;

/** A document a retriever returned, at its rank. */
public record SpanDocument(int rank, String documentId, Double score, String content, String source,
                           String metadataJson) {
}
