package dev.tracedesk.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.util.StringConverter;

/**
 * Latency vs load: per model, p50 and p95 latency of the calls that started while n other LLM calls
 * were in flight — how latency degrades as traffic overlaps. A point opens the model's calls.
 */
final class LoadChart {

    private final InsightsViewModel viewModel;
    private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
    private final Label emptyNote = new Label();

    LoadChart(InsightsViewModel viewModel) {
        this.viewModel = viewModel;
        chart.setId("loadChart");
        NumberAxis inFlight = (NumberAxis) chart.getXAxis();
        inFlight.setLabel("other LLM calls in flight at the start");
        inFlight.setMinorTickCount(0);
        // whole calls only on the axis
        inFlight.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue()) ? Integer.toString(value.intValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Integer.valueOf(text);
            }
        });
        chart.getYAxis().setLabel("ms");
    }

    Node pane() {
        return ChartPoints.pane(List.of(), chart, emptyNote,
                "p50 and p95 per model against the number of LLM calls already running when a call started. "
                        + "Click a point for the model's calls.");
    }

    void fill() {
        chart.getData().clear();
        Map<String, List<LoadLevel>> byModel = new LinkedHashMap<>();
        // the models with most calls first, as the groups are ordered
        viewModel.loadLevels().stream()
                .collect(java.util.stream.Collectors.groupingBy(LoadLevel::model,
                        java.util.stream.Collectors.summingLong(LoadLevel::calls)))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(ChartPoints.MAX_SERIES / 2)
                .forEach(entry -> byModel.put(entry.getKey(), new java.util.ArrayList<>()));
        viewModel.loadLevels().forEach(level -> {
            if (byModel.containsKey(level.model())) {
                byModel.get(level.model()).add(level);
            }
        });
        byModel.forEach((model, levels) -> {
            chart.getData().add(series(model + " p50", levels, true));
            chart.getData().add(series(model + " p95", levels, false));
        });
        int mostInFlight = viewModel.loadLevels().stream().mapToInt(LoadLevel::inFlight).max().orElse(0);
        // whole calls on the axis, with room on both sides so points at 0 are not drawn on its edge
        NumberAxis inFlight = (NumberAxis) chart.getXAxis();
        inFlight.setAutoRanging(false);
        inFlight.setLowerBound(-0.5);
        inFlight.setUpperBound(mostInFlight + 0.5);
        inFlight.setTickUnit(Math.max(1, Math.ceil((mostInFlight + 1) / 10.0)));
        if (viewModel.groups().isEmpty()) {
            emptyNote.setText("No LLM calls in this range.");
        } else if (byModel.isEmpty()) {
            emptyNote.setText("No load figures yet: the calls in flight are counted after each import.");
        } else {
            emptyNote.setText("No call in this range started while another was running: there is no overlap to compare.");
        }
        emptyNote.setVisible(byModel.isEmpty() || mostInFlight == 0);
    }

    private XYChart.Series<Number, Number> series(String name, List<LoadLevel> levels, boolean median) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(ChartPoints.seriesName(name));
        for (LoadLevel level : levels) {
            Long ns = median ? level.p50Ns() : level.p95Ns();
            if (ns == null) {
                continue;
            }
            XYChart.Data<Number, Number> point = new XYChart.Data<>(level.inFlight(), InsightsFormat.millis(ns));
            ChartPoints.clickable(point, String.format("%s with %d in flight: %s %s over %s calls", level.model(),
                            level.inFlight(), median ? "p50" : "p95", InsightsFormat.duration(ns), InsightsFormat.count(level.calls())),
                    viewModel.drillTarget(level), viewModel::open);
            series.getData().add(point);
        }
        return series;
    }
}
