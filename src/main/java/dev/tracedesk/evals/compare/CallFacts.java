package dev.tracedesk.evals.compare;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What one side of a case was run with and what it gave: the facts blame compares. {@code source}
 * says where they came from — the linked LLM call's provenance, or the eval file alone.
 * {@code parameters} are sorted by name, values as JSON text; {@code documents} in rank order.
 */
public record CallFacts(Source source, String promptName, String promptVersion, String templateText,
                        String promptText, String model, Map<String, String> parameters,
                        List<RetrievedDocument> documents, Long inputTokens, Long outputTokens, Long totalTokens,
                        Long latencyMs, BigDecimal costUsd, String output) {

    public enum Source { TRACE, EVAL_FILE }

    /** A document the call's retriever returned; {@code rank} from 0. */
    public record RetrievedDocument(String id, int rank, Double score) {
    }

    public CallFacts {
        parameters = Map.copyOf(parameters);
        documents = List.copyOf(documents);
    }

    /** "capital-v2", "support@3", or "support" — the template as a person names it; null when unknown. */
    public String promptLabel() {
        if (promptName == null || promptName.isBlank()) {
            return promptVersion == null || promptVersion.isBlank() ? null : "version " + promptVersion;
        }
        return promptVersion == null || promptVersion.isBlank() ? promptName : promptName + "@" + promptVersion;
    }
}
