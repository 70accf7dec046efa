package dev.tracedesk.traces;

import javafx.beans.value.ObservableValue;

import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.ui.SectionSummary;

/**
 * The Traces section. Until its own listing arrives it reports, from the workspace counts,
 * whether the workspace holds any imported traces.
 */
public final class TracesViewModel {

    private final SectionSummary summary;

    public TracesViewModel(ObservableValue<WorkspaceStats> stats) {
        this.summary = new SectionSummary(stats, WorkspaceStats::traces,
                "No traces yet", "trace", "traces");
    }

    public SectionSummary summary() {
        return summary;
    }
}
