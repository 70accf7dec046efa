package dev.tracedesk.datasets;

import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A name and an optional description; Enter makes the dataset. */
final class NewDatasetDialog {

    record NewDataset(String name, String description) {
    }

    private NewDatasetDialog() {
    }

    static Optional<NewDataset> show(Window owner) {
        Dialog<NewDataset> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New dataset");
        dialog.setHeaderText("A dataset starts as an empty draft. Publishing freezes it as version 1.");
        ButtonType make = new ButtonType("Make", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(make, ButtonType.CANCEL);
        TextField name = new TextField();
        name.setId("newDatasetName");
        name.setPromptText("Name, e.g. capitals-golden");
        TextField description = new TextField();
        description.setPromptText("What it is for (optional)");
        VBox content = new VBox(8, name, description);
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(make).disableProperty().bind(name.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == make
                ? new NewDataset(name.getText().trim(), description.getText().isBlank() ? null : description.getText().trim())
                : null);
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait();
    }
}
