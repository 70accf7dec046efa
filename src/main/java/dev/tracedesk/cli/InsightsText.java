package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.insights.GroupStats;
import dev.tracedesk.insights.LoadLevel;
import dev.tracedesk.insights.PercentileMethod;

/** The readable tables of {@code tracedesk insights}. */
final class InsightsText {

    private InsightsText() {
    }

    static void print(PrintWriter out, String range, PercentileMethod method, CallGrouping grouping, List<GroupStats> groups,
                      List<LoadLevel> load) {
        out.printf("LLM calls  %s  (latency percentiles: %s)%n%n", range, method.description());
        if (groups.isEmpty()) {
            out.println("No LLM calls in this range.");
            out.flush();
            return;
        }
        out.printf("%-32s %9s %7s %10s %10s %10s %12s %12s %12s %12s %12s%n", grouping.label().toUpperCase(Locale.ROOT),
                "REQUESTS", "ERRORS", "P50", "P95", "P99", "IN TOKENS", "OUT TOKENS", "REPORTED $", "ESTIMATED $", "$ / REQUEST");
        for (GroupStats group : groups) {
            out.printf("%-32s %,9d %6.1f%% %10s %10s %10s %,12d %,12d %12s %12s %12s%n",
                    DisplayValues.oneLine(group.key(), 32), group.requests(), group.errorRate() * 100,
                    DisplayValues.duration(group.callLatency().p50Ns()), DisplayValues.duration(group.callLatency().p95Ns()),
                    DisplayValues.duration(group.callLatency().p99Ns()), group.inputTokens(), group.outputTokens(),
                    usd(group.costReportedUsd()), usd(group.costEstimatedUsd()), usd(group.costPerRequestUsd()));
        }
        if (!load.isEmpty()) {
            out.printf("%nLatency by calls in flight when a call started%n");
            out.printf("%-32s %9s %9s %10s %10s%n", "MODEL", "IN FLIGHT", "CALLS", "P50", "P95");
            for (LoadLevel level : load) {
                out.printf("%-32s %9d %,9d %10s %10s%n", DisplayValues.oneLine(level.model(), 32), level.inFlight(),
                        level.calls(), DisplayValues.duration(level.p50Ns()), DisplayValues.duration(level.p95Ns()));
            }
        }
        out.flush();
    }

    /** Dollars to four decimals (a call often costs less than a cent); empty when unknown. */
    static String usd(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }
}
