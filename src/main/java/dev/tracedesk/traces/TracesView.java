package dev.tracedesk.traces;

import javafx.fxml.FXML;

import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/traces/TracesView.fxml}. */
public final class TracesView {

    private final TracesViewModel viewModel;

    @FXML
    private EmptyState emptyState;

    public TracesView(TracesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emptyState.titleProperty().bind(viewModel.summary().titleProperty());
    }
}
