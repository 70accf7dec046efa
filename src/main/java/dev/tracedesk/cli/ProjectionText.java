package dev.tracedesk.cli;

import java.io.PrintWriter;

import dev.tracedesk.insights.CostProjection;
import dev.tracedesk.insights.ModelSwitch;
import dev.tracedesk.insights.MonthlyCost;

/** The readable tables of {@code tracedesk insights projection}. */
final class ProjectionText {

    private ProjectionText() {
    }

    static void print(PrintWriter out, String range, CostProjection projection, MonthlyCost month, ModelSwitch modelSwitch) {
        out.printf("LLM calls  %s%n", range);
        out.printf("Observed   %,d calls over %s days (first to last call start, at least 1 day) = %,d a day%n",
                projection.requests(), DisplayValues.plain(projection.daysObserved()).toPlainString(),
                projection.observedRequestsPerDay());
        out.printf("Projected  %,d requests a day for %d days%n%n", month.requestsPerDay(), CostProjection.DAYS_PER_MONTH);
        out.printf("%-28s %-28s %7s %12s %12s %14s%n", "MODEL", "PROMPT", "SHARE", "PER DAY", "$ / REQUEST", "$ / MONTH");
        for (MonthlyCost.Group group : month.groups()) {
            out.printf("%-28s %-28s %6.1f%% %12s %12s %14s%n", DisplayValues.oneLine(group.model(), 28),
                    DisplayValues.oneLine(group.prompt(), 28), group.share().doubleValue() * 100,
                    group.requestsPerDay().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString(),
                    InsightsText.usd(group.costPerRequestUsd()),
                    group.monthlyUsd() == null ? "no cost" : InsightsText.usd(group.monthlyUsd()));
        }
        out.printf("%-28s %-28s %7s %12s %12s %14s%n", "total", "", "", "", "", InsightsText.usd(month.totalUsd()));
        if (month.unpricedGroups() > 0) {
            out.printf("%d group%s had no cost to measure and are not in the total.%n", month.unpricedGroups(),
                    month.unpricedGroups() == 1 ? "" : "s");
        }
        if (modelSwitch != null) {
            out.printf("%nSwitching %s → %s%n", modelSwitch.fromModel(), modelSwitch.toModel());
            if (modelSwitch.price() == null) {
                out.printf("  %s in the price table (see: tracedesk prices).%n", modelSwitch.noPrice());
            } else {
                out.printf("  price used: %s%s, $%s in / $%s out per million tokens%n", modelSwitch.price().modelPattern(),
                        modelSwitch.price().provider().isEmpty() ? "" : " (" + modelSwitch.price().provider() + ")",
                        DisplayValues.plain(modelSwitch.price().inputPerMillion()).toPlainString(),
                        DisplayValues.plain(modelSwitch.price().outputPerMillion()).toPlainString());
                out.printf("  now $%s a month → $%s a month%n", InsightsText.usd(modelSwitch.currentMonthlyUsd()),
                        InsightsText.usd(modelSwitch.switchedMonthlyUsd()));
            }
            if (modelSwitch.groups().isEmpty()) {
                out.printf("  No calls of model %s in this range.%n", modelSwitch.fromModel());
            }
        }
        out.flush();
    }
}
