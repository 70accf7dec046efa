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
    private final ReadOnlyObjectWrapper<ComparisonResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<CasePair> rows = FXCollections.observableArrayList();
    private final BooleanProperty onlyDifferences = new SimpleBooleanProperty(this, "onlyDifferences", true);
    private final ObjectProperty<CasePair> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Blame> blame = new ReadOnlyObjectWrapper<>(this, "blame");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private int blameTicket;

    public CompareViewModel(TaskRunner tasks, Supplier<Optional<Workspace>> workspace, Clock clock) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.clock = clock;
        onlyDifferences.addListener((observable, before, after) -> fillRows());
        selected.addListener((observable, before, after) -> loadBlame(after));
    }

    public ReadOnlyObjectProperty<ComparisonResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The matrix: every matched case, or only those whose outcome is not "unchanged". */
    public ObservableList<CasePair> rows() {
        return rows;
    }

    public BooleanProperty onlyDifferencesProperty() {
        return onlyDifferences;
    }

    public ObjectProperty<CasePair> selectedProperty() {
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
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        status.set("Comparing…");
        tasks.submit("Comparing runs", context -> new RunComparison(open.get().dsl()).compare(baselineRunId, otherRunId),
                compared -> {
                    result.set(compared);
                    counts.set(describe(compared.counts()));
                    status.set(compared.hasRegressions() ? "Choose a regressed case to see what changed behind it."
                            : "Nothing regressed.");
                    fillRows();
                }, failure -> status.set("Could not compare: " + failure.getMessage()));
    }

    private void fillRows() {
        ComparisonResult compared = result.get();
        if (compared == null) {
            rows.clear();
            return;
        }
        CasePair keep = selected.get();
        List<CasePair> all = compared.providers().stream().flatMap(provider -> provider.pairs().stream())
                .filter(pair -> !onlyDifferences.get() || pair.outcome() != CaseOutcome.UNCHANGED)
                .sorted(java.util.Comparator.comparing(CasePair::outcome)).toList();
        rows.setAll(all);
        selected.set(keep != null && all.contains(keep) ? keep : all.isEmpty() ? null : all.get(0));
    }

    private void loadBlame(CasePair pair) {
        int ticket = ++blameTicket;
        blame.set(null);
        ComparisonResult compared = result.get();
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
        ComparisonResult compared = result.get();
        Optional<Workspace> open = workspace.get();
        if (compared == null || open.isEmpty()) {
            return;
        }
        if (!compared.hasRegressions()) {
            status.set("Nothing regressed: there is nothing to send to review.");
            return;
        }
        tasks.submit("Sending regressions to review", context -> new RegressionsToReview(open.get().dsl(), clock)
                .send(compared), sent -> status.set("Sent " + sent.regressions() + " regressions to the review queue \""
                        + sent.queueName() + "\" (" + sent.added() + " new items)."),
                failure -> status.set("Not sent: " + failure.getMessage()));
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
