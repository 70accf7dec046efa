package dev.tracedesk.datasets;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The Datasets table's columns: what changed, the item, its split, input, expected output and source. */
final class ItemTableColumns {

    private ItemTableColumns() {
    }

    static void install(TableView<ItemRow> table) {
        TableColumn<ItemRow, String> change = column("Change", 84, row -> row.change().word());
        change.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String word, boolean empty) {
                super.updateItem(word, empty);
                getStyleClass().removeAll("change-added", "change-changed");
                setText(empty ? null : word);
                if (!empty && word != null && !word.isEmpty()) {
                    getStyleClass().add("change-" + word);
                }
            }
        });
        table.getColumns().setAll(java.util.List.of(change,
                column("Item", 110, row -> ItemRow.shortKey(row.item().itemKey())),
                column("Split", 64, row -> row.item().split()),
                column("Input", 300, ItemRow::inputPreview),
                column("Expected output", 240, ItemRow::expectedPreview),
                column("Model", 140, row -> row.item().servedModel() == null ? "" : row.item().servedModel()),
                column("Source", 150, ItemRow::source)));
        // fixed widths and a horizontal scroll bar: squeezing seven columns into a narrow table leaves only "…"
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    private static TableColumn<ItemRow, String> column(String title, double width, Function<ItemRow, String> text) {
        TableColumn<ItemRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }
}
