package dev.tracedesk.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Changes the reviewer's name from the status bar; a refused name is explained, nothing changes. */
final class ReviewerNameDialog {

    private ReviewerNameDialog() {
    }

    static void ask(Window owner, ReviewerIdentity reviewer) {
        TextInputDialog dialog = new TextInputDialog(reviewer.nameProperty().get());
        dialog.initOwner(owner);
        dialog.setTitle("Reviewer");
        dialog.setHeaderText("Who is reviewing? Every label is signed with this name.");
        dialog.setContentText("Name");
        dialog.showAndWait().ifPresent(name -> {
            try {
                reviewer.confirm(name);
            } catch (IllegalArgumentException refused) {
                Alert alert = new Alert(Alert.AlertType.WARNING, refused.getMessage());
                alert.initOwner(owner);
                alert.setHeaderText("The name was not changed");
                alert.showAndWait();
            }
        });
    }
}
