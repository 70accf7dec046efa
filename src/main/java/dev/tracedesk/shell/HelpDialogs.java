package dev.tracedesk.shell;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The two Help dialogs: the keyboard shortcuts, and About with the version. */
final class HelpDialogs {

    private static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Ctrl+1 … Ctrl+6", "Review, Traces, Eval runs, Datasets, Insights, Imports"},
            new String[] {"Ctrl+O", "Import trace or eval files (or drop them on the window)"},
            new String[] {"Ctrl+Shift+O", "Open another workspace"},
            new String[] {"Ctrl+Shift+D", "Switch between light and dark theme"},
            new String[] {"F5", "Refresh the counts and the Imports list"},
            new String[] {"Enter", "In Imports: go to the selected import's rejected records (Esc goes back)"},
            new String[] {"F1", "This list"},
            new String[] {"Ctrl+Q", "Quit"});

    private static final Insets CONTENT_PADDING = new Insets(16, 24, 8, 24);

    private HelpDialogs() {
    }

    static void showShortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(8);
        grid.setPadding(CONTENT_PADDING);
        for (int row = 0; row < SHORTCUTS.size(); row++) {
            Label keys = new Label(SHORTCUTS.get(row)[0]);
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(row, keys, new Label(SHORTCUTS.get(row)[1]));
        }
        Alert dialog = dialog(owner, "Keyboard shortcuts", "Keyboard shortcuts");
        dialog.getDialogPane().setContent(grid);
        dialog.showAndWait();
    }

    static void showAbout(Window owner, String titleWithVersion, String workspace) {
        Label summary = new Label("A desk for reviewing LLM audit trails and eval runs: import traces and"
                + " eval results, trace bad outputs to their cause, label them, and grow golden datasets."
                + " Offline and private: nothing leaves this machine unless your workspace is a shared database.");
        summary.setWrapText(true);
        summary.setMaxWidth(420);
        Label location = new Label("Workspace: " + workspace);
        location.setWrapText(true);
        location.setMaxWidth(420);
        location.getStyleClass().add("text-muted");
        Alert dialog = dialog(owner, "About Tracedesk", titleWithVersion);
        VBox content = new VBox(12, summary, location);
        content.setPadding(CONTENT_PADDING);
        dialog.getDialogPane().setContent(content);
        dialog.showAndWait();
    }

    private static Alert dialog(Window owner, String title, String header) {
        Alert dialog = new Alert(Alert.AlertType.INFORMATION);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setGraphic(null);
        // A dialog is a scene of its own: it needs the app's stylesheet to look like the window.
        dialog.getDialogPane().getStylesheets().add(
                HelpDialogs.class.getResource("/css/tracedesk.css").toExternalForm());
        return dialog;
    }
}
