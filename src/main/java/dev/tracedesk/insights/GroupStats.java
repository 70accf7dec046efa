package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of one group of LLM calls.
 *
 * @param callLatency      each call's own duration
 * @param traceLatency     end to end: the duration of each trace holding a call of the group, each trace once
 * @param timeToFirstToken where the source recorded it (p99 not computed)
 * @param costReportedUsd  costs the source reported
 * @param costEstimatedUsd costs estimated from the price table where the source reported none
 * @param callsWithCost    calls with a cost of either kind; the per-request cost divides by these, so calls
 *                         nobody could price do not dilute it
 */
public record GroupStats(String key, long requests, long errors, Percentiles callLatency, Percentiles traceLatency,
                         Percentiles timeToFirstToken, long inputTokens, long outputTokens,
                         BigDecimal costReportedUsd, BigDecimal costEstimatedUsd, long callsWithCost) {

    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    /** Reported plus estimated. */
    public BigDecimal costUsd() {
        return costReportedUsd.add(costEstimatedUsd);
    }

    /** The mean cost of a call with a known cost; null when none has one. */
    public BigDecimal costPerRequestUsd() {
        return callsWithCost == 0 ? null : costUsd().divide(BigDecimal.valueOf(callsWithCost), 10, RoundingMode.HALF_UP);
    }

    public BigDecimal costPer1000RequestsUsd() {
        BigDecimal perRequest = costPerRequestUsd();
        return perRequest == null ? null : perRequest.multiply(BigDecimal.valueOf(1000));
    }

    GroupStats withTraceLatency(Percentiles percentiles) {
        return new GroupStats(key, requests, errors, callLatency, percentiles, timeToFirstToken, inputTokens, outputTokens,
                costReportedUsd, costEstimatedUsd, callsWithCost);
    }
}
