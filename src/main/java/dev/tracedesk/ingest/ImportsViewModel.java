package dev.tracedesk.ingest;

import javafx.beans.value.ObservableValue;

import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.ui.SectionSummary;

/**
 * The Imports section. Until its own listing arrives it reports, from the workspace counts,
 * whether the workspace holds any imported files.
 */
public final class ImportsViewModel {

    private final SectionSummary summary;

    public ImportsViewModel(ObservableValue<WorkspaceStats> stats) {
        this.summary = new SectionSummary(stats, WorkspaceStats::imports,
                "No imports yet", "imported file", "imported files");
    }

    public SectionSummary summary() {
        return summary;
    }
}
