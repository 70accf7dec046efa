package dev.tracedesk.insights;

import java.math.BigDecimal;

/**
 * One group's figures in one hour or day.
 *
 * @param startNs the bucket's first instant (epoch ns)
 */
public record TimeBucket(long startNs, String key, long requests, long errors, Percentiles callLatency,
                         long inputTokens, long outputTokens, BigDecimal costReportedUsd, BigDecimal costEstimatedUsd) {

    public BigDecimal costUsd() {
        return costReportedUsd.add(costEstimatedUsd);
    }
}
