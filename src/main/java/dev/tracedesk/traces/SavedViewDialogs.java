package dev.tracedesk.traces;

import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The small dialogs of the Views menu: a name to save under (checked as it is typed, and a
 * question before an existing view is replaced), and the view to delete.
 */
final class SavedViewDialogs {

    private final SavedViewsViewModel views;

    SavedViewDialogs(SavedViewsViewModel views) {
        this.views = views;
    }

    /** Asks for a name and saves; suggests the applied view's name, so "save" after a change is one Enter and a yes. */
    void saveAs(Window owner) {
        TextInputDialog dialog = new TextInputDialog(Optional.ofNullable(views.appliedNameProperty().get()).orElse(""));
        dialog.initOwner(owner);
        dialog.setTitle("Save view");
        dialog.setHeaderText("Save the filters, search, sort and columns as a view");
        dialog.setContentText("Name:");
        dialog.getEditor().setId("viewNameField");
        Label problem = new Label();
        problem.setId("viewNameProblem");
        problem.getStyleClass().add("text-muted");
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        dialog.getEditor().textProperty().addListener((observable, before, name) -> {
            Optional<String> why = SavedViewName.problem(name);
            problem.setText(why.orElse(views.exists(name) ? "A view of that name exists; saving replaces it." : ""));
            ok.setDisable(why.isPresent());
        });
        String suggested = dialog.getEditor().getText();
        ok.setDisable(SavedViewName.problem(suggested).isPresent());
        problem.setText(views.exists(suggested) ? "A view of that name exists; saving replaces it." : "");
        dialog.getDialogPane().setContent(new VBox(6,
                new HBox(8, new Label("Name:"), dialog.getEditor()), problem));
        dialog.showAndWait().ifPresent(name -> {
            if (!views.exists(name) || confirmReplace(owner, name.trim())) {
                views.save(name);
            }
        });
    }

    private static boolean confirmReplace(Window owner, String name) {
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The view \u201c" + name + "\u201d will show what the section"
                + " shows now instead of what it was saved with.", replace, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Replace view");
        alert.setHeaderText("Replace the view \u201c" + name + "\u201d?");
        return alert.showAndWait().filter(replace::equals).isPresent();
    }

    /** Asks which view to delete, the applied one first. */
    void delete(Window owner) {
        if (views.names().isEmpty()) {
            return;
        }
        String applied = views.appliedNameProperty().get();
        ChoiceDialog<String> dialog = new ChoiceDialog<>(applied != null ? applied : views.names().get(0), views.names());
        dialog.initOwner(owner);
        dialog.setTitle("Delete view");
        dialog.setHeaderText("Delete a saved view of this workspace");
        dialog.setContentText("View:");
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setText("Delete");
        dialog.showAndWait().ifPresent(views::delete);
    }
}
