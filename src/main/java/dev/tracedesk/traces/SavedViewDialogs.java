package dev.tracedesk.traces;

import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The small dialogs of the Views menu: a name to save under (checked as it is typed, and a
 * question before an existing view is replaced), a view and its new name, and the view to delete
 * (asked again before it goes).
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

    /** Asks which view to rename (the applied one first) and its new name, checked as it is typed. */
    void rename(Window owner) {
        if (views.names().isEmpty()) {
            return;
        }
        ComboBox<String> choice = new ComboBox<>(FXCollections.observableArrayList(views.names()));
        choice.setId("renameViewChoice");
        choice.setValue(firstChoice());
        TextField name = new TextField(choice.getValue());
        name.setId("renameViewNameField");
        name.setPrefColumnCount(24);
        Label problem = new Label();
        problem.setId("renameViewProblem");
        problem.getStyleClass().add("text-muted");
        ButtonType rename = new ButtonType("Rename", ButtonBar.ButtonData.OK_DONE);
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Rename view");
        dialog.setHeaderText("Rename a saved view of this workspace");
        dialog.getDialogPane().getButtonTypes().addAll(rename, ButtonType.CANCEL);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("View:"), choice);
        form.addRow(1, new Label("New name:"), name);
        form.add(problem, 1, 2);
        dialog.getDialogPane().setContent(form);
        Button ok = (Button) dialog.getDialogPane().lookupButton(rename);
        Runnable check = () -> {
            Optional<String> why = renameProblem(choice.getValue(), name.getText());
            problem.setText(why.orElse(""));
            ok.setDisable(why.isPresent() || name.getText().trim().equals(choice.getValue()));
        };
        choice.valueProperty().addListener((observable, before, chosen) -> {
            name.setText(chosen);
            check.run();
        });
        name.textProperty().addListener((observable, before, typed) -> check.run());
        check.run();
        dialog.setOnShown(event -> {
            name.requestFocus();
            name.selectAll();
        });
        dialog.setResultConverter(button -> button == rename ? name.getText() : null);
        dialog.showAndWait().ifPresent(to -> views.rename(choice.getValue(), to));
    }

    private Optional<String> renameProblem(String from, String to) {
        Optional<String> why = SavedViewName.problem(to);
        if (why.isPresent()) {
            return why;
        }
        return !to.trim().equals(from) && views.exists(to) ? Optional.of("Another view has that name.") : Optional.empty();
    }

    /** Asks which view to delete (the applied one first), then whether to. */
    void delete(Window owner) {
        if (views.names().isEmpty()) {
            return;
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(firstChoice(), views.names());
        dialog.initOwner(owner);
        dialog.setTitle("Delete view");
        dialog.setHeaderText("Delete a saved view of this workspace");
        dialog.setContentText("View:");
        dialog.showAndWait().filter(name -> confirmDelete(owner, name)).ifPresent(views::delete);
    }

    private static boolean confirmDelete(Window owner, String name) {
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Its filters, search, sort and columns are removed from"
                + " this workspace. What the section shows now stays as it is.", delete, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Delete view");
        alert.setHeaderText("Delete the view \u201c" + name + "\u201d?");
        // Deleting cannot be undone: Enter alone should not do it.
        ((Button) alert.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(delete::equals).isPresent();
    }

    private String firstChoice() {
        String applied = views.appliedNameProperty().get();
        return applied != null && views.names().contains(applied) ? applied : views.names().get(0);
    }
}
