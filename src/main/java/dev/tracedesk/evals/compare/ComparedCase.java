package dev.tracedesk.evals.compare;

import java.math.BigDecimal;

/**
 * One side of a compared case: the eval case row as stored. {@code traceRowId} and
 * {@code spanRowId} are the workspace ids of the linked trace and LLM call, when the import could
 * link them (then blame reads the call's provenance); {@code status} is PASS, FAIL or ERROR.
 */
public record ComparedCase(long id, String caseKey, String provider, String promptLabel, Integer testIndex,
                           String description, String varsJson, String promptText, String output, String status,
                           Double score, Long latencyMs, Long inputTokens, Long outputTokens, Long totalTokens,
                           BigDecimal costUsd, String errorMessage, String assertionsJson, Long traceRowId,
                           Long spanRowId) {
}
