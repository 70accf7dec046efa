package dev.tracedesk.traces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import javafx.beans.property.SimpleObjectProperty;

import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.ui.StatsFixtures;

class TracesViewModelTest {

    private final SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(StatsFixtures.empty());
    private final TracesViewModel viewModel = new TracesViewModel(stats);

    @Test
    void anEmptyWorkspaceHasNoTracesYet() {
        assertThat(viewModel.summary().emptyProperty().get()).isTrue();
        assertThat(viewModel.summary().titleProperty().get()).isEqualTo("No traces yet");
    }

    @Test
    void countsTracesNotOtherRecords() {
        stats.set(StatsFixtures.withTracesAndReviewItems(3, 7));

        assertThat(viewModel.summary().titleProperty().get()).startsWith("3 traces in this workspace");
    }
}
