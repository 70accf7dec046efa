package dev.tracedesk.review;

import java.util.List;

/**
 * What a reviewer needs to judge an item, condensed from the trace's provenance for someone who is
 * not an engineer: what went in, what came out (and what was expected, for an eval case), the
 * context it was given, and which model version under which prompt version answered.
 * Absent values are null; {@code facts} are short "name: value" lines (latency, tokens, cost, status).
 */
public record ReviewEvidence(String heading, String input, String output, String expected, String error,
                             String servedModel, String requestedModel, String provider, String promptVersion,
                             List<ContextDocument> context, List<String> checks, List<String> facts,
                             String traceId, String spanId) {

    public ReviewEvidence {
        context = List.copyOf(context);
        checks = List.copyOf(checks);
        facts = List.copyOf(facts);
    }

    /** A retrieved document as a reviewer sees it; {@code key} is what document relevance labels use. */
    public record ContextDocument(String key, int rank, Double score, String source, String content) {
    }

    /** The model in one phrase: "gpt-4o-2024-08-06 (asked for gpt-4o) · openai". */
    public String modelText() {
        StringBuilder text = new StringBuilder(servedModel != null ? servedModel
                : requestedModel != null ? requestedModel : "unknown model");
        if (servedModel != null && requestedModel != null && !servedModel.equals(requestedModel)) {
            text.append(" (asked for ").append(requestedModel).append(')');
        }
        if (provider != null && !provider.isBlank()) {
            text.append(" · ").append(provider);
        }
        return text.toString();
    }
}
