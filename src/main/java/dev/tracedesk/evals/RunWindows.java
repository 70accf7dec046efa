package dev.tracedesk.evals;

import java.util.List;
import java.util.Optional;

import javafx.scene.Scene;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import dev.tracedesk.evals.charts.RunChartsView;
import dev.tracedesk.evals.charts.RunChartsViewModel;
import dev.tracedesk.evals.compare.CompareView;

/** The Eval runs section's two windows: comparing the chosen run with a baseline, and the charts. */
final class RunWindows {

    private Stage charts;

    /**
     * With several runs chosen in the table, compares them with the oldest of them in one matrix.
     * With one, asks for the baseline — by default the run that started just before it.
     */
    void compare(Window owner, EvalRunsViewModel viewModel, List<EvalRunRow> selected) {
        if (selected.size() >= 2) {
            // several runs chosen: the oldest is the baseline, the others its columns, oldest first
            List<EvalRunRow> oldestFirst = viewModel.runs().stream().filter(selected::contains)
                    .sorted(java.util.Comparator.comparingInt(run -> -viewModel.runs().indexOf(run))).toList();
            CompareView.open(owner, viewModel.newComparison(), oldestFirst.get(0).id(),
                    oldestFirst.subList(1, oldestFirst.size()).stream().map(EvalRunRow::id).toList());
            return;
        }
        if (!selected.isEmpty()) {
            compareWithChosenBaseline(owner, viewModel, selected.get(0));
        }
    }

    private void compareWithChosenBaseline(Window owner, EvalRunsViewModel viewModel, EvalRunRow chosen) {
        List<EvalRunRow> others = viewModel.runs().stream().filter(run -> run.id() != chosen.id()).toList();
        if (others.isEmpty()) {
            return;
        }
        int at = viewModel.runs().indexOf(chosen);
        EvalRunRow previous = at >= 0 && at + 1 < viewModel.runs().size() ? viewModel.runs().get(at + 1) : others.get(0);
        List<String> labels = others.stream().map(RunWindows::label).toList();
        ChoiceDialog<String> dialog = new ChoiceDialog<>(label(previous), labels);
        dialog.initOwner(owner);
        dialog.setTitle("Compare runs");
        dialog.setHeaderText("Compare " + label(chosen) + " with which baseline?");
        dialog.setContentText("Baseline");
        Optional<String> picked = dialog.showAndWait();
        picked.map(labels::indexOf).filter(index -> index >= 0).map(others::get).ifPresent(baseline ->
                CompareView.open(owner, viewModel.newComparison(), baseline.id(), chosen.id()));
    }

    /** One charts window for the section; opening it again brings it forward and reads it again. */
    void charts(Window owner, EvalRunsViewModel viewModel) {
        RunChartsViewModel model = viewModel.charts();
        if (charts == null) {
            ScrollPane scroll = new ScrollPane(new RunChartsView(model));
            scroll.setFitToWidth(true);
            scroll.setFitToHeight(true);
            charts = new Stage();
            charts.initOwner(owner);
            charts.setTitle("Eval runs — charts");
            charts.setScene(new Scene(scroll, 1280, 760));
        }
        charts.show();
        charts.toFront();
        model.refresh();
    }

    static String label(EvalRunRow run) {
        return "#" + run.id() + " " + run.name() + (run.startedAt() == null ? "" : " (" + EvalFormat.when(run.startedAt()) + ")");
    }
}
