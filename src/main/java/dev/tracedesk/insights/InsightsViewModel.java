package dev.tracedesk.insights;

import javafx.beans.value.ObservableValue;

import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.ui.SectionSummary;

/**
 * The Insights section. Until its own listing arrives it reports, from the workspace counts,
 * whether the workspace holds any recorded spans, which the figures are computed from.
 */
public final class InsightsViewModel {

    private final SectionSummary summary;

    public InsightsViewModel(ObservableValue<WorkspaceStats> stats) {
        this.summary = new SectionSummary(stats, WorkspaceStats::spans,
                "Nothing to measure yet", "span", "spans");
    }

    public SectionSummary summary() {
        return summary;
    }
}
