package dev.tracedesk.ingest.generic;

import java.math.BigDecimal;

/**
 * One record of the mapping preview: what the import would store for it, shortened for a table
 * row, or why it would be rejected.
 *
 * @param rejection null when the record maps to a span; otherwise the reason, as the import would record it
 */
public record PreviewRow(long lineNumber, String name, String requestedModel, String servedModel, String input,
                         String output, Long inputTokens, Long outputTokens, Long totalTokens, BigDecimal costUsd,
                         String error, String rejection) {

    static PreviewRow rejected(long lineNumber, String reason) {
        return new PreviewRow(lineNumber, null, null, null, null, null, null, null, null, null, null, reason);
    }

    public boolean rejected() {
        return rejection != null;
    }

    /** "gpt-4o-mini", or "gpt-4o-mini → gpt-4o-mini-2024-07-18" when another version answered. */
    public String model() {
        if (requestedModel == null || servedModel == null || requestedModel.equals(servedModel)) {
            return servedModel != null ? servedModel : requestedModel == null ? "" : requestedModel;
        }
        return requestedModel + " → " + servedModel;
    }

    /** "25 in · 4 out", with the total when the log has one; "" when there are no counts. */
    public String tokens() {
        StringBuilder text = new StringBuilder();
        append(text, inputTokens, " in");
        append(text, outputTokens, " out");
        append(text, totalTokens, " total");
        return text.toString();
    }

    private static void append(StringBuilder text, Long value, String label) {
        if (value != null) {
            text.append(text.length() == 0 ? "" : " · ").append(value).append(label);
        }
    }
}
