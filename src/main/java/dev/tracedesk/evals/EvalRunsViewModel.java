package dev.tracedesk.evals;

import javafx.beans.value.ObservableValue;

import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.ui.SectionSummary;

/**
 * The Eval runs section. Until its own listing arrives it reports, from the workspace counts,
 * whether the workspace holds any imported eval runs.
 */
public final class EvalRunsViewModel {

    private final SectionSummary summary;

    public EvalRunsViewModel(ObservableValue<WorkspaceStats> stats) {
        this.summary = new SectionSummary(stats, WorkspaceStats::evalRuns,
                "No eval runs yet", "eval run", "eval runs");
    }

    public SectionSummary summary() {
        return summary;
    }
}
