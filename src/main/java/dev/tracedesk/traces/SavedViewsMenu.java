package dev.tracedesk.traces;

import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;

/**
 * The Traces toolbar's "Views" menu: the saved views by name (choosing one applies it), then
 * "Save view as…", "Rename view…" and "Delete view…". Its text names the applied view and says
 * when it was changed.
 */
final class SavedViewsMenu {

    private final MenuButton button;
    private final SavedViewsViewModel views;
    private final SavedViewDialogs dialogs;

    SavedViewsMenu(MenuButton button, SavedViewsViewModel views) {
        this.button = button;
        this.views = views;
        this.dialogs = new SavedViewDialogs(views);
        button.textProperty().bind(views.titleProperty());
        button.setTooltip(new Tooltip("Saved filters, search, sort and columns (Ctrl+Shift+S saves)"));
        views.names().addListener((ListChangeListener<String>) change -> rebuild());
        rebuild();
    }

    /** "Save view as…": also what Ctrl+Shift+S does. */
    void saveAs() {
        dialogs.saveAs(button.getScene().getWindow());
    }

    private void rebuild() {
        button.getItems().clear();
        for (String name : views.names()) {
            MenuItem item = new MenuItem(name);
            // Names are the user's text: never read as a mnemonic.
            item.setMnemonicParsing(false);
            item.setOnAction(event -> views.apply(name));
            button.getItems().add(item);
        }
        if (views.names().isEmpty()) {
            MenuItem none = new MenuItem("No saved views yet");
            none.setDisable(true);
            button.getItems().add(none);
        }
        MenuItem save = new MenuItem("Save view as\u2026");
        save.setId("saveViewItem");
        save.setOnAction(event -> saveAs());
        MenuItem rename = new MenuItem("Rename view\u2026");
        rename.setId("renameViewItem");
        rename.setDisable(views.names().isEmpty());
        rename.setOnAction(event -> dialogs.rename(button.getScene().getWindow()));
        MenuItem delete = new MenuItem("Delete view\u2026");
        delete.setId("deleteViewItem");
        delete.setDisable(views.names().isEmpty());
        delete.setOnAction(event -> dialogs.delete(button.getScene().getWindow()));
        button.getItems().addAll(new SeparatorMenuItem(), save, rename, delete);
    }
}
