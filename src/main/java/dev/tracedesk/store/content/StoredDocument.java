package dev.tracedesk.store.content;

/** A retrieved document as kept in {@code span_content.documents_json}, at its rank (0 = first). */
public record StoredDocument(int rank, String documentId, Double score, String content, String source,
                             String metadataJson) {
}
