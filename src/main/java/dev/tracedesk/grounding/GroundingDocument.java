package dev.tracedesk.grounding;

/**
 * A retrieved document the output may have drawn on: the span that retrieved it, its rank there,
 * its id (null when the source gave none) and its text.
 */
public record GroundingDocument(String spanId, int rank, String documentId, String content) {

    /** How a person refers to it: its id, or "#rank" when it has none. */
    public String label() {
        return documentId != null && !documentId.isBlank() ? documentId : "#" + rank;
    }
}
