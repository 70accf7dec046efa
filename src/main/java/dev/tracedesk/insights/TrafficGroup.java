package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The observed traffic of one model and prompt version in a range: how many calls, what they cost
 * (reported and estimated apart) and how many tokens a call used on average.
 *
 * @param callsWithCost   calls with a cost of either kind; the cost per request divides by these
 * @param avgInputTokens  per call with a known count; null when no call recorded one
 * @param avgOutputTokens per call with a known count; null when no call recorded one
 */
public record TrafficGroup(String model, String prompt, long requests, long callsWithCost,
                           BigDecimal costReportedUsd, BigDecimal costEstimatedUsd,
                           BigDecimal avgInputTokens, BigDecimal avgOutputTokens) {

    public BigDecimal costUsd() {
        return costReportedUsd.add(costEstimatedUsd);
    }

    /** The measured mean cost of a call; null when no call of the group has a cost. */
    public BigDecimal costPerRequestUsd() {
        return callsWithCost == 0 ? null : costUsd().divide(BigDecimal.valueOf(callsWithCost), 10, RoundingMode.HALF_UP);
    }
}
