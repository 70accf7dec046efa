package dev.tracedesk.datasets;

import javafx.fxml.FXML;

import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/datasets/DatasetsView.fxml}. */
public final class DatasetsView {

    private final DatasetsViewModel viewModel;

    @FXML
    private EmptyState emptyState;

    public DatasetsView(DatasetsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emptyState.titleProperty().bind(viewModel.summary().titleProperty());
    }
}
