package dev.tracedesk.review;

import javafx.fxml.FXML;

import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/review/ReviewView.fxml}. */
public final class ReviewView {

    private final ReviewViewModel viewModel;

    @FXML
    private EmptyState emptyState;

    public ReviewView(ReviewViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emptyState.titleProperty().bind(viewModel.summary().titleProperty());
    }
}
