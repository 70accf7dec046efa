package dev.tracedesk.evals.charts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.store.Workspace;

/**
 * The Eval runs charts: pass rate per run by provider, cost and mean latency per run, and for the
 * chosen run its failures per assertion type and score distribution. A click on a point or bar
 * asks for the cases behind it ({@link Drill}); the section shows them.
 */
public final class RunChartsViewModel {

    /** The cases behind a point or bar: of one run, optionally one provider, failing one assertion type, or in a score bin. */
    public record Drill(long runId, String provider, String failedAssertionType, Integer scoreBin) {

        /** "[0.3, 0.4)": the bin's bounds, the last one closed. */
        public static String binLabel(int bin) {
            double from = bin / (double) RunChartQueries.SCORE_BINS;
            double to = (bin + 1) / (double) RunChartQueries.SCORE_BINS;
            return String.format(java.util.Locale.ROOT, "%.1f–%.1f", from, to);
        }
    }

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final ObservableList<RunChartQueries.PassRate> passRates = FXCollections.observableArrayList();
    private final ObservableList<RunChartQueries.CostAndLatency> costs = FXCollections.observableArrayList();
    private final ObjectProperty<Long> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    private final ReadOnlyObjectWrapper<Map<String, Integer>> failuresByType =
            new ReadOnlyObjectWrapper<>(this, "failuresByType", Map.of());
    private final ReadOnlyObjectWrapper<int[]> scoreBins =
            new ReadOnlyObjectWrapper<>(this, "scoreBins", new int[RunChartQueries.SCORE_BINS]);
    private Consumer<Drill> onDrill = drill -> { };
    private int ticket;

    public RunChartsViewModel(TaskRunner tasks, Supplier<Optional<Workspace>> workspace) {
        this.tasks = tasks;
        this.workspace = workspace;
        selectedRun.addListener((observable, before, after) -> loadRun(after));
    }

    public ObservableList<RunChartQueries.PassRate> passRates() {
        return passRates;
    }

    public ObservableList<RunChartQueries.CostAndLatency> costs() {
        return costs;
    }

    /** The run the per-run charts are about; the newest one after a refresh unless one is chosen. */
    public ObjectProperty<Long> selectedRunProperty() {
        return selectedRun;
    }

    public ReadOnlyObjectProperty<Map<String, Integer>> failuresByTypeProperty() {
        return failuresByType.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<int[]> scoreBinsProperty() {
        return scoreBins.getReadOnlyProperty();
    }

    /** What a click on a point or bar does: the Eval runs section opens those cases. */
    public void setOnDrill(Consumer<Drill> onDrill) {
        this.onDrill = onDrill;
    }

    public void drill(Drill drill) {
        onDrill.accept(drill);
    }

    public void refresh() {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        tasks.submit("Reading the charts", context -> {
            RunChartQueries queries = new RunChartQueries(open.get().dsl());
            return new Read(queries.passRates(), queries.costAndLatency());
        }, read -> {
            passRates.setAll(read.passRates());
            costs.setAll(read.costs());
            Long chosen = selectedRun.get();
            boolean stillThere = chosen != null && read.costs().stream().anyMatch(run -> run.runId() == chosen);
            if (!stillThere) {
                selectedRun.set(read.costs().isEmpty() ? null : read.costs().get(read.costs().size() - 1).runId());
            } else {
                loadRun(chosen);
            }
        }, failure -> { });
    }

    private record Read(List<RunChartQueries.PassRate> passRates, List<RunChartQueries.CostAndLatency> costs) {
    }

    private void loadRun(Long runId) {
        int mine = ++ticket;
        Optional<Workspace> open = workspace.get();
        if (runId == null || open.isEmpty()) {
            failuresByType.set(Map.of());
            scoreBins.set(new int[RunChartQueries.SCORE_BINS]);
            return;
        }
        tasks.submit("Reading run " + runId, context -> {
            RunChartQueries queries = new RunChartQueries(open.get().dsl());
            return new RunRead(queries.failuresByAssertionType(runId), queries.scoreDistribution(runId));
        }, read -> {
            if (mine == ticket) {
                failuresByType.set(read.failures());
                scoreBins.set(read.scores());
            }
        }, failure -> { });
    }

    private record RunRead(Map<String, Integer> failures, int[] scores) {
    }
}
