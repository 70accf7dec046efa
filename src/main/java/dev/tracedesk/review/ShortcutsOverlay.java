package dev.tracedesk.review;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The "?" card: every key of the review desk, in one place. */
final class ShortcutsOverlay {

    private static final String[][] KEYS = {
        {"J  or  ↓", "next item"},
        {"K  or  ↑", "previous item"},
        {"1  2  3", "verdict: pass, fail, unsure"},
        {"U R I P M F D S G", "toggle a failure category (the letter before its name)"},
        {"E", "correct the output (a diff shows the changes)"},
        {"N", "write a note"},
        {"Ctrl+Enter", "save and go to the next item (also while typing)"},
        {"Ctrl+Z", "undo your last label"},
        {"T", "open the item's trace at its span"},
        {"A", "add the item, with its label, to the golden set and go on"},
        {"Shift+A", "choose the golden set A adds to (or name a new one)"},
        {"Ctrl+Shift+P", "publish the golden set as its next version"},
        {"Esc", "leave a text field · close this card"},
        {"?", "show or hide this card"},
    };

    private ShortcutsOverlay() {
    }

    static void fill(VBox overlay) {
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("title-4");
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        for (int row = 0; row < KEYS.length; row++) {
            Label key = new Label(KEYS[row][0]);
            key.getStyleClass().add("shortcut-key");
            Label action = new Label(KEYS[row][1]);
            action.setWrapText(true);
            grid.addRow(row, key, action);
        }
        overlay.getChildren().setAll(title, grid);
    }
}
