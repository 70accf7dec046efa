package dev.tracedesk.evals;

import java.math.BigDecimal;

/**
 * One case of a run. {@code status} is PASS, FAIL or ERROR as stored; {@code varsJson} and
 * {@code assertionsJson} are passed on as stored; {@code traceId} is the linked trace's external id;
 * {@code datasetItemKey} the dataset item the case was made from, when its source named one.
 */
public record EvalCaseDetail(long id, String caseKey, String provider, String promptLabel, Integer testIndex,
                             String description, String varsJson, String prompt, String expected, String output,
                             String status, Double score, Long latencyMs, Long totalTokens, BigDecimal costUsd,
                             String errorMessage, String assertionsJson, String traceId,
                             String datasetItemKey) {
}
