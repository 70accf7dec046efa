package dev.tracedesk.insights;

import javafx.fxml.FXML;

import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/insights/InsightsView.fxml}. */
public final class InsightsView {

    private final InsightsViewModel viewModel;

    @FXML
    private EmptyState emptyState;

    public InsightsView(InsightsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emptyState.titleProperty().bind(viewModel.summary().titleProperty());
    }
}
