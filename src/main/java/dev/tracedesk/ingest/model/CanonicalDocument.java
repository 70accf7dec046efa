package dev.tracedesk.ingest.model;

/**
 * A retrieved document, at its rank (0 = first) in the retriever's result.
 *
 * @param metadataJson the document's metadata as JSON, or null
 */
public record CanonicalDocument(
        int rank,
        String documentId,
        Double score,
        String content,
        String source,
        String metadataJson) {
}
