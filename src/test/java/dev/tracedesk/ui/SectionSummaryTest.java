package dev.tracedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import javafx.beans.property.SimpleObjectProperty;

import dev.tracedesk.stats.WorkspaceStats;

class SectionSummaryTest {

    private final SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>();
    private final SectionSummary summary =
            new SectionSummary(stats, WorkspaceStats::traces, "No traces yet", "trace", "traces");

    @Test
    void isEmptyBeforeTheWorkspaceIsCounted() {
        assertThat(summary.emptyProperty().get()).isTrue();
        assertThat(summary.titleProperty().get()).isEqualTo("No traces yet");
    }

    @Test
    void followsTheCountsAndSaysHonestlyThatTheListingComesLater() {
        stats.set(StatsFixtures.withTracesAndReviewItems(1, 0));
        assertThat(summary.emptyProperty().get()).isFalse();
        assertThat(summary.titleProperty().get())
                .isEqualTo("1 trace in this workspace; this view arrives in a later version");

        stats.set(StatsFixtures.withTracesAndReviewItems(12, 0));
        assertThat(summary.titleProperty().get()).startsWith("12 traces in this workspace");

        stats.set(StatsFixtures.empty());
        assertThat(summary.emptyProperty().get()).isTrue();
        assertThat(summary.titleProperty().get()).isEqualTo("No traces yet");
    }
}
