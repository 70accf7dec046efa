package dev.tracedesk.ingest;

import javafx.fxml.FXML;

import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/ingest/ImportsView.fxml}. */
public final class ImportsView {

    private final ImportsViewModel viewModel;

    @FXML
    private EmptyState emptyState;

    public ImportsView(ImportsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emptyState.titleProperty().bind(viewModel.summary().titleProperty());
    }
}
