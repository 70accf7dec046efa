package dev.tracedesk.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import dev.tracedesk.core.model.CallGrouping;

/**
 * The over-time charts: latency percentiles, requests and cost per hour or day. Ungrouped, latency
 * shows p50 / p95 / p99 and cost its reported and estimated parts; grouped, each shows one series
 * per group (latency at the percentile chosen above it). Every point and bar opens its calls.
 */
final class InsightsCharts {

    private static final List<String> PERCENTILES = List.of("p50", "p95", "p99");

    private final InsightsViewModel viewModel;
    private final LineChart<String, Number> latency = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final StackedBarChart<String, Number> requests = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final StackedBarChart<String, Number> cost = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final ChoiceBox<String> percentile = new ChoiceBox<>(FXCollections.observableArrayList(PERCENTILES));
    private final Label latencyNote = new Label();
    private final Label requestsNote = new Label();
    private final Label costNote = new Label();

    InsightsCharts(InsightsViewModel viewModel) {
        this.viewModel = viewModel;
        latency.setId("latencyChart");
        requests.setId("requestsChart");
        cost.setId("costChart");
        percentile.setId("latencyPercentileChoice");
        percentile.setValue("p95");
        percentile.setTooltip(new Tooltip("The percentile each group's line shows"));
        percentile.valueProperty().addListener((observable, before, after) -> fill());
        latency.getYAxis().setLabel("ms");
        requests.getYAxis().setLabel("calls");
        cost.getYAxis().setLabel("USD");
        for (XYChart<String, Number> chart : List.of(latency, requests, cost)) {
            chart.setAnimated(false);
            ((CategoryAxis) chart.getXAxis()).setAutoRanging(false);
        }
        for (StackedBarChart<String, Number> bars : List.of(requests, cost)) {
            bars.widthProperty().addListener((observable, before, after) -> fitBars(bars));
        }
    }

    /** Bars at most about 60 px wide: a range of one or two buckets would otherwise fill the chart with one slab. */
    private static void fitBars(StackedBarChart<String, Number> bars) {
        int categories = Math.max(1, ((CategoryAxis) bars.getXAxis()).getCategories().size());
        bars.setCategoryGap(Math.max(4, bars.getWidth() * 0.85 / categories - 60));
    }

    Node latencyPane() {
        Label percentileLabel = new Label("Line per group at");
        percentileLabel.visibleProperty().bind(percentile.visibleProperty());
        percentileLabel.managedProperty().bind(percentile.visibleProperty());
        percentile.managedProperty().bind(percentile.visibleProperty());
        return ChartPoints.pane(List.of(percentileLabel, percentile), latency, latencyNote,
                "Latency of each LLM call, per bucket. Click a point for its calls in Traces.");
    }

    Node requestsPane() {
        return ChartPoints.pane(List.of(), requests, requestsNote, "LLM calls started per bucket. Click a bar for its calls.");
    }

    Node costPane() {
        return ChartPoints.pane(List.of(), cost, costNote,
                "Reported and estimated cost per bucket (estimates come from the price table). Click a bar for its calls.");
    }

    /** Draws the charts from the view model's buckets. */
    void fill() {
        List<TimeBucket> buckets = viewModel.buckets();
        Granularity granularity = viewModel.shownGranularityProperty().get();
        boolean grouped = viewModel.shownQueryProperty().get().grouping() != CallGrouping.NONE;
        List<String> categories = new ArrayList<>();
        new TreeSet<>(buckets.stream().map(TimeBucket::startNs).toList())
                .forEach(start -> categories.add(label(start, granularity)));
        for (XYChart<String, Number> chart : List.of(latency, requests, cost)) {
            chart.getData().clear();
            ((CategoryAxis) chart.getXAxis()).setCategories(FXCollections.observableArrayList(categories));
        }
        percentile.setVisible(grouped);
        fitBars(requests);
        fitBars(cost);
        List<String> shownKeys = viewModel.groups().stream().map(GroupStats::key).limit(ChartPoints.MAX_SERIES).toList();
        Map<String, List<TimeBucket>> byKey = new LinkedHashMap<>();
        shownKeys.forEach(key -> byKey.put(key, new ArrayList<>()));
        buckets.forEach(bucket -> {
            if (byKey.containsKey(bucket.key())) {
                byKey.get(bucket.key()).add(bucket);
            }
        });
        if (grouped) {
            int p = PERCENTILES.indexOf(percentile.getValue());
            byKey.forEach((key, ofKey) -> {
                latency.getData().add(series(key, ofKey, bucket -> millis(percentileOf(bucket.callLatency(), p)), granularity,
                        bucket -> key + " · " + percentile.getValue() + " " + InsightsFormat.duration(percentileOf(bucket.callLatency(), p))));
                requests.getData().add(series(key, ofKey, TimeBucket::requests, granularity,
                        bucket -> key + ": " + InsightsFormat.count(bucket.requests()) + " calls"));
                cost.getData().add(series(key, ofKey, bucket -> bucket.costUsd().doubleValue(), granularity, InsightsCharts::costTip));
            });
        } else {
            List<TimeBucket> all = byKey.values().stream().flatMap(List::stream).toList();
            for (int p = 0; p < PERCENTILES.size(); p++) {
                int at = p;
                latency.getData().add(series(PERCENTILES.get(p), all, bucket -> millis(percentileOf(bucket.callLatency(), at)),
                        granularity, bucket -> PERCENTILES.get(at) + " " + InsightsFormat.duration(percentileOf(bucket.callLatency(), at))));
            }
            requests.getData().add(series("calls", all, TimeBucket::requests, granularity,
                    bucket -> InsightsFormat.count(bucket.requests()) + " calls"));
            cost.getData().add(series("reported", all, bucket -> bucket.costReportedUsd().doubleValue(), granularity,
                    InsightsCharts::costTip));
            cost.getData().add(series("estimated", all, bucket -> bucket.costEstimatedUsd().doubleValue(), granularity,
                    InsightsCharts::costTip));
        }
        requests.setLegendVisible(grouped);
        String truncated = viewModel.groups().size() > ChartPoints.MAX_SERIES
                ? "The " + ChartPoints.MAX_SERIES + " groups with most calls of " + viewModel.groups().size() : null;
        for (XYChart<String, Number> chart : List.of(latency, requests, cost)) {
            chart.setTitle(truncated);
        }
        for (Label note : List.of(latencyNote, requestsNote, costNote)) {
            note.setText("No LLM calls in this range.");
            note.setVisible(categories.isEmpty());
        }
    }

    private XYChart.Series<String, Number> series(String name, List<TimeBucket> buckets, Function<TimeBucket, Number> value,
                                                  Granularity granularity, Function<TimeBucket, String> tip) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(ChartPoints.seriesName(name));
        for (TimeBucket bucket : buckets) {
            Number y = value.apply(bucket);
            if (y == null) {
                continue;
            }
            XYChart.Data<String, Number> point = new XYChart.Data<>(label(bucket.startNs(), granularity), y);
            ChartPoints.clickable(point, label(bucket.startNs(), granularity) + "\n" + tip.apply(bucket),
                    viewModel.drillTarget(bucket), viewModel::open);
            series.getData().add(point);
        }
        return series;
    }

    private String label(long startNs, Granularity granularity) {
        return InsightsFormat.bucket(startNs, granularity, viewModel.zone());
    }

    private static String costTip(TimeBucket bucket) {
        return (CallGrouping.ALL.equals(bucket.key()) ? "" : bucket.key() + ": ") + InsightsFormat.usd(bucket.costUsd())
                + " (reported " + InsightsFormat.usd(bucket.costReportedUsd()) + ", estimated "
                + InsightsFormat.usd(bucket.costEstimatedUsd()) + ")";
    }

    private static Long percentileOf(Percentiles percentiles, int index) {
        return switch (index) {
            case 0 -> percentiles.p50Ns();
            case 1 -> percentiles.p95Ns();
            default -> percentiles.p99Ns();
        };
    }

    private static Double millis(Long ns) {
        return InsightsFormat.millis(ns);
    }
}
