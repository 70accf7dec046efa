package dev.tracedesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import javafx.beans.property.SimpleObjectProperty;

import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.ui.StatsFixtures;

class ReviewViewModelTest {

    private final SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(StatsFixtures.empty());
    private final ReviewViewModel viewModel = new ReviewViewModel(stats);

    @Test
    void anEmptyWorkspaceHasNothingToReview() {
        assertThat(viewModel.summary().titleProperty().get()).isEqualTo("Nothing to review yet");
    }

    @Test
    void countsReviewItemsNotTraces() {
        stats.set(StatsFixtures.withTracesAndReviewItems(3, 1));

        assertThat(viewModel.summary().emptyProperty().get()).isFalse();
        assertThat(viewModel.summary().titleProperty().get()).startsWith("1 review item in this workspace");
    }
}
