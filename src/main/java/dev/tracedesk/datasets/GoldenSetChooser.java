package dev.tracedesk.datasets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Which dataset the review desk's A adds to. Keyboard first: type to narrow the list or to name a
 * new dataset, ↑/↓ to pick, Enter to use it.
 */
final class GoldenSetChooser {

    /** The chosen dataset, or the name of one to make. */
    record Choice(String name, boolean isNew) {
    }

    private GoldenSetChooser() {
    }

    static Optional<Choice> show(Window owner, List<DatasetSummary> existing, String current) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Golden set");
        dialog.setHeaderText("A adds the item on screen, with its label, to this dataset's draft.");
        ButtonType use = new ButtonType("Use", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(use, ButtonType.CANCEL);

        TextField name = new TextField();
        name.setId("goldenSetName");
        name.setPromptText("Type to find a dataset, or a new dataset's name");
        FilteredList<DatasetSummary> shown = new FilteredList<>(FXCollections.observableArrayList(existing));
        ListView<DatasetSummary> list = new ListView<>(shown);
        list.setId("goldenSetList");
        list.setPrefHeight(200);
        list.setCellFactory(view -> new SummaryCell());
        Label hint = new Label();
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);

        Runnable refresh = () -> {
            String typed = name.getText().trim().toLowerCase(Locale.ROOT);
            shown.setPredicate(d -> typed.isEmpty() || d.name().toLowerCase(Locale.ROOT).contains(typed));
            Optional<DatasetSummary> exact = shown.stream().filter(d -> d.name().equalsIgnoreCase(typed)).findFirst();
            if (exact.isPresent()) {
                list.getSelectionModel().select(exact.get());
            } else if (list.getSelectionModel().getSelectedItem() == null || !shown.contains(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().clearSelection();
            }
            boolean creates = list.getSelectionModel().getSelectedItem() == null && !typed.isEmpty();
            hint.setText(creates ? "Enter makes a new dataset named \"" + name.getText().trim() + "\"."
                    : existing.isEmpty() ? "No datasets yet: type a name for the first one." : "↑/↓ pick · Enter use · Esc cancel");
        };
        name.textProperty().addListener((observable, before, after) -> refresh.run());
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null && !name.isFocused()) {
                hint.setText("Enter uses " + after.name() + ".");
            }
        });
        // the arrows move the list's selection while the caret stays in the name field
        name.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.UP) {
                int at = list.getSelectionModel().getSelectedIndex();
                int next = event.getCode() == KeyCode.DOWN ? Math.min(at + 1, shown.size() - 1) : Math.max(at - 1, 0);
                if (!shown.isEmpty()) {
                    list.getSelectionModel().select(next);
                    list.scrollTo(next);
                }
                event.consume();
            }
        });
        existing.stream().filter(d -> d.name().equals(current)).findFirst()
                .or(() -> existing.stream().findFirst()).ifPresent(list.getSelectionModel()::select);
        refresh.run();

        VBox content = new VBox(8, name, list, hint);
        content.setPrefWidth(440);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(use).disableProperty().bind(
                list.getSelectionModel().selectedItemProperty().isNull().and(name.textProperty().isEmpty()));
        dialog.setResultConverter(button -> {
            if (button != use) {
                return null;
            }
            DatasetSummary picked = list.getSelectionModel().getSelectedItem();
            return picked != null ? new Choice(picked.name(), false) : new Choice(name.getText().trim(), true);
        });
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait();
    }

    static void refused(Window owner, String reason) {
        Alert alert = new Alert(Alert.AlertType.ERROR, reason, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Golden set");
        alert.setHeaderText("The dataset was not made");
        alert.showAndWait();
    }

    private static final class SummaryCell extends ListCell<DatasetSummary> {
        @Override
        protected void updateItem(DatasetSummary summary, boolean empty) {
            super.updateItem(summary, empty);
            setText(empty || summary == null ? null : summary.name() + "   ·   draft: " + summary.draftItems()
                    + " items" + (summary.latestVersion() == null ? "" : "   ·   latest v" + summary.latestVersion()));
        }
    }
}
