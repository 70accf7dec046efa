package dev.tracedesk.datasets;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The item chosen in the table: its whole input and expected output, and where it came from. */
final class ItemDetailPane extends VBox {

    ItemDetailPane() {
        setSpacing(6);
        getStyleClass().add("item-detail");
        show(null);
    }

    void show(ItemRow row) {
        if (row == null) {
            Label hint = new Label("Choose an item to see its input, expected output and provenance.");
            hint.setWrapText(true);
            hint.getStyleClass().add("text-muted");
            getChildren().setAll(hint);
            return;
        }
        DatasetItem item = row.item();
        getChildren().setAll(heading("Input"), text(ItemRow.inputText(item)),
                heading("Expected output"), text(item.expectedOutput() == null ? "(none)" : item.expectedOutput()),
                heading("Provenance"), provenance(item));
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("item-detail-heading");
        return label;
    }

    private static Label text(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("item-detail-text");
        return label;
    }

    private static GridPane provenance(DatasetItem item) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(3);
        int[] row = {0};
        java.util.function.BiConsumer<String, Object> add = (key, value) -> {
            if (value != null && !value.toString().isEmpty()) {
                Label name = new Label(key);
                name.getStyleClass().add("provenance-key");
                name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label shown = new Label(value.toString());
                shown.setWrapText(true);
                grid.addRow(row[0]++, name, shown);
            }
        };
        add.accept("Item key", item.itemKey());
        add.accept("Split", item.split());
        add.accept("Model", item.servedModel());
        add.accept("Prompt", item.promptTemplateName() == null ? null
                : item.promptTemplateName() + (item.promptTemplateVersion() == null ? "" : " v" + item.promptTemplateVersion()));
        add.accept("Documents", item.retrievedDocumentIds().isEmpty() ? null : String.join(", ", item.retrievedDocumentIds()));
        add.accept("Source span", item.sourceSpanId());
        add.accept("Eval case", item.sourceEvalCaseId());
        add.accept("Reviewer", item.reviewer());
        add.accept("Label", item.labelId());
        return grid;
    }
}
