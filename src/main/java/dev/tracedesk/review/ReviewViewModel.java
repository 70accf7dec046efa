package dev.tracedesk.review;

import javafx.beans.value.ObservableValue;

import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.ui.SectionSummary;

/**
 * The Review section. Until its own listing arrives it reports, from the workspace counts,
 * whether the workspace holds any review items waiting in queues.
 */
public final class ReviewViewModel {

    private final SectionSummary summary;

    public ReviewViewModel(ObservableValue<WorkspaceStats> stats) {
        this.summary = new SectionSummary(stats, WorkspaceStats::reviewItems,
                "Nothing to review yet", "review item", "review items");
    }

    public SectionSummary summary() {
        return summary;
    }
}
