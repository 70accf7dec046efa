package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The table beneath the charts: the charts' numbers per hour or day and group. */
final class BucketColumns {

    private static final double FIGURE = 90;

    private BucketColumns() {
    }

    /**
     * Installs the columns; returns the group column, whose title follows the grouping.
     *
     * @param granularity the width of the buckets shown, read as each cell is drawn
     */
    static TableColumn<TimeBucket, String> install(TableView<TimeBucket> table, Supplier<Granularity> granularity, ZoneId zone) {
        TableColumn<TimeBucket, Long> start = FigureColumn.of("Starting", "bucketStartColumn", 150, TimeBucket::startNs,
                startNs -> InsightsFormat.bucket(startNs, granularity.get(), zone));
        start.getStyleClass().remove("numeric");
        TableColumn<TimeBucket, String> group = FigureColumn.text("Model", "bucketGroupColumn", 200, TimeBucket::key);
        table.getColumns().setAll(List.of(start, group,
                FigureColumn.of("Requests", "bucketRequestsColumn", FIGURE, TimeBucket::requests, InsightsFormat::count),
                FigureColumn.of("Errors", "bucketErrorsColumn", 70,
                        bucket -> bucket.requests() == 0 ? 0.0 : (double) bucket.errors() / bucket.requests(),
                        InsightsFormat::percent),
                FigureColumn.heading("Latency per call", null,
                        latency("p50", "bucketP50Column", bucket -> bucket.callLatency().p50Ns()),
                        latency("p95", "bucketP95Column", bucket -> bucket.callLatency().p95Ns()),
                        latency("p99", "bucketP99Column", bucket -> bucket.callLatency().p99Ns())),
                FigureColumn.heading("Tokens", null,
                        FigureColumn.of("In", "bucketInputColumn", FIGURE, TimeBucket::inputTokens, InsightsFormat::count),
                        FigureColumn.of("Out", "bucketOutputColumn", FIGURE, TimeBucket::outputTokens, InsightsFormat::count)),
                FigureColumn.heading("Cost (USD)", "Reported by the source and estimated from the price table are kept apart",
                        usd("Reported", "bucketReportedColumn", TimeBucket::costReportedUsd),
                        usd("Estimated", "bucketEstimatedColumn", TimeBucket::costEstimatedUsd),
                        usd("Total", "bucketTotalColumn", TimeBucket::costUsd))));
        return group;
    }

    private static TableColumn<TimeBucket, Long> latency(String title, String id, Function<TimeBucket, Long> value) {
        return FigureColumn.of(title, id, 60, value, InsightsFormat::duration);
    }

    private static TableColumn<TimeBucket, BigDecimal> usd(String title, String id, Function<TimeBucket, BigDecimal> value) {
        return FigureColumn.of(title, id, FIGURE, value, InsightsFormat::usd);
    }
}
