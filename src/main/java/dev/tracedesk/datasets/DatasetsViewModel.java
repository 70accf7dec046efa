package dev.tracedesk.datasets;

import javafx.beans.value.ObservableValue;

import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.ui.SectionSummary;

/**
 * The Datasets section. Until its own listing arrives it reports, from the workspace counts,
 * whether the workspace holds any datasets.
 */
public final class DatasetsViewModel {

    private final SectionSummary summary;

    public DatasetsViewModel(ObservableValue<WorkspaceStats> stats) {
        this.summary = new SectionSummary(stats, WorkspaceStats::datasets,
                "No datasets yet", "dataset", "datasets");
    }

    public SectionSummary summary() {
        return summary;
    }
}
