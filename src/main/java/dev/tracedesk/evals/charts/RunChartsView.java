package dev.tracedesk.evals.charts;

import java.util.List;
import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.scene.Cursor;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Eval runs charts, built in code (five charts whose series follow the data): pass rate per
 * run by provider, cost and mean latency per run, and for one run its failures per assertion type
 * and its score distribution. Every point and bar opens the cases behind it.
 */
public final class RunChartsView extends VBox {

    private final RunChartsViewModel viewModel;
    private final LineChart<String, Number> passRate = lineChart("Pass rate per run (%)");
    private final BarChart<String, Number> cost = barChart("Total cost per run (USD)");
    private final LineChart<String, Number> latency = lineChart("Mean latency per run (ms)");
    private final BarChart<String, Number> failures = barChart("Failures per assertion type");
    private final BarChart<String, Number> scores = barChart("Score distribution");
    private final ChoiceBox<Long> runChoice = new ChoiceBox<>();

    public RunChartsView(RunChartsViewModel viewModel) {
        this.viewModel = viewModel;
        setSpacing(8);
        getStyleClass().add("run-charts");
        setId("runCharts");
        ((NumberAxis) passRate.getYAxis()).setAutoRanging(false);
        ((NumberAxis) passRate.getYAxis()).setUpperBound(100);
        ((NumberAxis) passRate.getYAxis()).setTickUnit(20);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(passRate, 0, 0);
        grid.add(cost, 1, 0);
        grid.add(latency, 2, 0);
        Label runLabel = new Label("Failures and scores of");
        runLabel.getStyleClass().add("title-4");
        HBox runRow = new HBox(8, runLabel, runChoice);
        runRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        runRow.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        grid.add(runRow, 0, 1, 3, 1);
        grid.add(failures, 0, 2);
        grid.add(scores, 1, 2);
        latency.setLegendVisible(false);
        for (var counts : List.of(failures, scores)) {
            // counts of cases: whole numbers only on the axis
            NumberAxis axis = (NumberAxis) counts.getYAxis();
            axis.setMinorTickCount(0);
            axis.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number value) {
                    return value.doubleValue() == Math.rint(value.doubleValue()) ? Integer.toString(value.intValue()) : "";
                }

                @Override
                public Number fromString(String text) {
                    return Integer.valueOf(text);
                }
            });
        }
        for (var chart : List.of(passRate, cost, latency, failures, scores)) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
            GridPane.setVgrow(chart, Priority.ALWAYS);
            chart.setMinSize(200, 180);
        }
        VBox.setVgrow(grid, Priority.ALWAYS);
        Label hint = new Label("Click a point or bar to open the cases behind it.");
        hint.getStyleClass().add("text-muted");
        setPadding(new javafx.geometry.Insets(12));
        getChildren().addAll(grid, hint);
        setUpRunChoice();
        viewModel.passRates().addListener((ListChangeListener<RunChartQueries.PassRate>) change -> fillRunCharts());
        viewModel.costs().addListener((ListChangeListener<RunChartQueries.CostAndLatency>) change -> fillRunCharts());
        viewModel.failuresByTypeProperty().addListener((observable, before, after) -> fillFailures(after));
        viewModel.scoreBinsProperty().addListener((observable, before, after) -> fillScores(after));
        fillRunCharts();
    }

    private void setUpRunChoice() {
        runChoice.setId("chartRun");
        runChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Long runId) {
                return viewModel.costs().stream().filter(run -> runId != null && run.runId() == runId)
                        .map(RunChartQueries.CostAndLatency::run).findFirst().orElse("");
            }

            @Override
            public Long fromString(String text) {
                return null;
            }
        });
        runChoice.valueProperty().bindBidirectional(viewModel.selectedRunProperty());
    }

    private void fillRunCharts() {
        Long chosen = viewModel.selectedRunProperty().get();
        runChoice.getItems().setAll(viewModel.costs().stream().map(RunChartQueries.CostAndLatency::runId).toList());
        viewModel.selectedRunProperty().set(chosen);
        passRate.getData().clear();
        RunChartQueries.byProvider(viewModel.passRates()).forEach((provider, rates) -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(provider.isEmpty() ? "(no provider)" : provider);
            for (RunChartQueries.PassRate rate : rates) {
                XYChart.Data<String, Number> point = new XYChart.Data<>(rate.run(), rate.percent());
                clickable(point, String.format("%s · %s: %d of %d passed", rate.run(), provider, rate.passed(), rate.cases()),
                        new RunChartsViewModel.Drill(rate.runId(), provider, null, null));
                series.getData().add(point);
            }
            passRate.getData().add(series);
        });
        XYChart.Series<String, Number> costs = new XYChart.Series<>();
        XYChart.Series<String, Number> latencies = new XYChart.Series<>();
        for (RunChartQueries.CostAndLatency run : viewModel.costs()) {
            var drill = new RunChartsViewModel.Drill(run.runId(), null, null, null);
            if (run.costUsd() != null) {
                XYChart.Data<String, Number> bar = new XYChart.Data<>(run.run(), run.costUsd());
                clickable(bar, run.run() + ": $" + run.costUsd().stripTrailingZeros().toPlainString(), drill);
                costs.getData().add(bar);
            }
            if (run.meanLatencyMs() != null) {
                XYChart.Data<String, Number> point = new XYChart.Data<>(run.run(), run.meanLatencyMs());
                clickable(point, String.format("%s: %.0f ms", run.run(), run.meanLatencyMs()), drill);
                latencies.getData().add(point);
            }
        }
        cost.getData().setAll(List.of(costs));
        latency.getData().setAll(List.of(latencies));
    }

    private void fillFailures(Map<String, Integer> byType) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        Long run = viewModel.selectedRunProperty().get();
        byType.forEach((type, count) -> {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(type, count);
            clickable(bar, count + (count == 1 ? " case" : " cases") + " failed " + type,
                    new RunChartsViewModel.Drill(run == null ? -1 : run, null, type, null));
            series.getData().add(bar);
        });
        failures.getData().setAll(List.of(series));
    }

    private void fillScores(int[] bins) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        Long run = viewModel.selectedRunProperty().get();
        for (int bin = 0; bin < bins.length; bin++) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(RunChartsViewModel.Drill.binLabel(bin), bins[bin]);
            clickable(bar, bins[bin] + " cases scored " + RunChartsViewModel.Drill.binLabel(bin),
                    new RunChartsViewModel.Drill(run == null ? -1 : run, null, null, bin));
            series.getData().add(bar);
        }
        scores.getData().setAll(List.of(series));
    }

    /** The chart makes a point's node when it lays it out; the tooltip and click go on then. */
    private void clickable(XYChart.Data<String, Number> data, String tip, RunChartsViewModel.Drill drill) {
        data.nodeProperty().addListener((observable, before, node) -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(tip + " — click for the cases"));
                node.setCursor(Cursor.HAND);
                node.setOnMouseClicked(event -> viewModel.drill(drill));
            }
        });
    }

    private static LineChart<String, Number> lineChart(String title) {
        LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis());
        chart.setTitle(title);
        chart.setAnimated(false);
        return chart;
    }

    private static BarChart<String, Number> barChart(String title) {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        return chart;
    }
}
