package dev.tracedesk.evals.compare;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.store.Workspace;

/**
 * Comparing a run with a baseline: the matrix of cases with their outcome (only the differences by
 * default), counts on top, the chosen case's flipped assertions, outputs and — for a regression —
 * its blame; and sending the regressions to review. Reads run in the background.
 */
public final class CompareViewModel {

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final Clock clock;
    private final ObservableList<ComparisonResult> results = FXCollections.observableArrayList();
    private final ObservableList<MatrixRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty onlyDifferences = new SimpleBooleanProperty(this, "onlyDifferences", true);
    private final ObjectProperty<MatrixRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Blame> blame = new ReadOnlyObjectWrapper<>(this, "blame");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private int blameTicket;

    public CompareViewModel(TaskRunner tasks, Supplier<Optional<Workspace>> workspace, Clock clock) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.clock = clock;
        onlyDifferences.addListener((observable, before, after) -> fillRows());
        selected.addListener((observable, before, after) -> loadBlame(after == null ? null : after.focus()));
    }

    /** One comparison per compared run, in the order the runs were chosen; all against one baseline. */
    public ObservableList<ComparisonResult> results() {
        return results;
    }

    /** The matrix: a row per case, a column per compared run; only rows with a change unless asked for all. */
    public ObservableList<MatrixRow> rows() {
        return rows;
    }

    public BooleanProperty onlyDifferencesProperty() {
        return onlyDifferences;
    }

    public ObjectProperty<MatrixRow> selectedProperty() {
        return selected;
    }

    /** The chosen case's blame when it regressed; null otherwise. */
    public ReadOnlyObjectProperty<Blame> blameProperty() {
        return blame.getReadOnlyProperty();
    }

    /** "6 regressed · 2 improved · 1 still failing · …". */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void compare(long baselineRunId, long otherRunId) {
        compare(baselineRunId, List.of(otherRunId));
    }

    /** Compares each of {@code otherRunIds} with the baseline; the matrix gets a column per run. */
    public void compare(long baselineRunId, List<Long> otherRunIds) {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty() || otherRunIds.isEmpty()) {
            return;
        }
        status.set("Comparing…");
        tasks.submit("Comparing runs", context -> {
            RunComparison comparison = new RunComparison(open.get().dsl());
            return otherRunIds.stream().map(other -> comparison.compare(baselineRunId, other)).toList();
        }, compared -> {
            results.setAll(compared);
            counts.set(compared.size() == 1 ? describe(compared.get(0).counts()) : compared.stream()
                    .map(result -> result.other().label() + ": " + describe(result.counts()))
                    .collect(java.util.stream.Collectors.joining("\n")));
            boolean regressed = compared.stream().anyMatch(ComparisonResult::hasRegressions);
            status.set(regressed ? "Choose a regressed case to see what changed behind it." : "Nothing regressed.");
            fillRows();
        }, failure -> status.set("Could not compare: " + failure.getMessage()));
    }

    private void fillRows() {
        if (results.isEmpty()) {
            rows.clear();
            return;
        }
        MatrixRow keep = selected.get();
        List<MatrixRow> all = MatrixRow.of(results).stream()
                .filter(row -> !onlyDifferences.get() || !row.allUnchanged()).toList();
        rows.setAll(all);
        MatrixRow again = keep == null ? null : all.stream().filter(row -> row.caseKey().equals(keep.caseKey())
                && row.provider().equals(keep.provider())).findFirst().orElse(null);
        selected.set(again != null ? again : all.isEmpty() ? null : all.get(0));
    }

    private void loadBlame(CasePair pair) {
        int ticket = ++blameTicket;
        blame.set(null);
        ComparisonResult compared = pair == null ? null : results.stream().filter(result -> result.providers().stream()
                .anyMatch(provider -> provider.pairs().contains(pair))).findFirst().orElse(null);
        Optional<Workspace> open = workspace.get();
        if (pair == null || compared == null || open.isEmpty() || pair.outcome() != CaseOutcome.REGRESSED) {
            return;
        }
        tasks.submit("Reading what changed", context -> new RegressionBlame(open.get().dsl()).blame(compared, pair),
                read -> {
                    if (ticket == blameTicket) {
                        blame.set(read);
                    }
                }, failure -> status.set("Could not read what changed: " + failure.getMessage()));
    }

    /** Puts the regressed cases into a review queue with the reason "regression vs BASELINE". */
    public void sendRegressionsToReview() {
        List<ComparisonResult> regressed = results.stream().filter(ComparisonResult::hasRegressions).toList();
        Optional<Workspace> open = workspace.get();
        if (results.isEmpty() || open.isEmpty()) {
            return;
        }
        if (regressed.isEmpty()) {
            status.set("Nothing regressed: there is nothing to send to review.");
            return;
        }
        tasks.submit("Sending regressions to review", context -> {
            RegressionsToReview review = new RegressionsToReview(open.get().dsl(), clock);
            return regressed.stream().map(review::send).toList();
        }, sent -> {
            int regressions = sent.stream().mapToInt(RegressionsToReview.Sent::regressions).sum();
            int added = sent.stream().mapToInt(RegressionsToReview.Sent::added).sum();
            status.set("Sent " + regressions + " regressions to the review queue \"" + sent.get(0).queueName() + "\" ("
                    + added + " new items).");
        }, failure -> status.set("Not sent: " + failure.getMessage()));
    }

    static String describe(Map<CaseOutcome, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((outcome, count) -> {
            if (!text.isEmpty()) {
                text.append("  ·  ");
            }
            text.append(count).append(' ').append(word(outcome));
        });
        return text.toString();
    }

    /** "regressed", "still failing", "errored in both". */
    public static String word(CaseOutcome outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
