package dev.tracedesk.evals;

import javafx.fxml.FXML;

import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/evals/EvalRunsView.fxml}. */
public final class EvalRunsView {

    private final EvalRunsViewModel viewModel;

    @FXML
    private EmptyState emptyState;

    public EvalRunsView(EvalRunsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emptyState.titleProperty().bind(viewModel.summary().titleProperty());
    }
}
