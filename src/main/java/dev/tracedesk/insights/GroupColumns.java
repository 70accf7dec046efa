package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import dev.tracedesk.core.model.CallGrouping;

/**
 * The groups table: per group its requests and error rate, latency per call and end to end, time to
 * first token, tokens, and costs with reported and estimated apart.
 */
final class GroupColumns {

    private static final double FIGURE = 90;

    private GroupColumns() {
    }

    /** Installs the columns; returns the group column, whose title follows the grouping. */
    static TableColumn<GroupStats, String> install(TableView<GroupStats> table) {
        TableColumn<GroupStats, String> group = FigureColumn.text(CallGrouping.MODEL.label(), "groupKeyColumn", 160,
                GroupStats::key);
        table.getColumns().setAll(List.of(group,
                FigureColumn.of("Requests", "requestsColumn", 72, GroupStats::requests, InsightsFormat::count),
                FigureColumn.explained(FigureColumn.of("Errors", "errorRateColumn", 70, GroupStats::errorRate,
                        InsightsFormat::percent), "Share of calls with status ERROR or an error message"),
                FigureColumn.heading("Latency per call", "Each LLM call's own duration",
                        percentiles("call", GroupStats::callLatency, true)),
                FigureColumn.heading("End to end", "The whole trace around the call; each trace counted once per group",
                        percentiles("trace", GroupStats::traceLatency, true)),
                FigureColumn.heading("TTFT", "Time to first token, where the source recorded it; — when it did not",
                        percentiles("ttft", GroupStats::timeToFirstToken, false)),
                FigureColumn.heading("Tokens", null,
                        FigureColumn.of("In", "inputTokensColumn", 72, GroupStats::inputTokens, InsightsFormat::tokens),
                        FigureColumn.of("Out", "outputTokensColumn", 72, GroupStats::outputTokens, InsightsFormat::tokens)),
                FigureColumn.heading("Cost (USD)", "Reported by the source and estimated from the price table are kept apart",
                        FigureColumn.explained(usd("Reported", "costReportedColumn", GroupStats::costReportedUsd),
                                "Costs the source recorded"),
                        FigureColumn.explained(usd("Estimated", "costEstimatedColumn", GroupStats::costEstimatedUsd),
                                "Estimated from the price table for calls whose source recorded no cost"),
                        usd("Total", "costTotalColumn", GroupStats::costUsd),
                        FigureColumn.explained(FigureColumn.of("Per request", "costPerRequestColumn", 98,
                                GroupStats::costPerRequestUsd, InsightsFormat::usd),
                                "Total over the calls with a known cost; calls nobody could price are left out"),
                        usd("Per 1,000", "costPer1000Column", GroupStats::costPer1000RequestsUsd))));
        return group;
    }

    @SuppressWarnings("unchecked")
    private static TableColumn<GroupStats, ?>[] percentiles(String id, Function<GroupStats, Percentiles> of, boolean withP99) {
        TableColumn<GroupStats, Long> p50 = FigureColumn.of("p50", id + "P50Column", 60, row -> of.apply(row).p50Ns(),
                InsightsFormat::duration);
        TableColumn<GroupStats, Long> p95 = FigureColumn.of("p95", id + "P95Column", 60, row -> of.apply(row).p95Ns(),
                InsightsFormat::duration);
        if (!withP99) {
            return new TableColumn[] {p50, p95};
        }
        TableColumn<GroupStats, Long> p99 = FigureColumn.of("p99", id + "P99Column", 60, row -> of.apply(row).p99Ns(),
                InsightsFormat::duration);
        return new TableColumn[] {p50, p95, p99};
    }

    private static TableColumn<GroupStats, BigDecimal> usd(String title, String id, Function<GroupStats, BigDecimal> value) {
        return FigureColumn.of(title, id, FIGURE, value, InsightsFormat::usd);
    }
}
