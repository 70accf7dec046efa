package dev.tracedesk.ingest;

import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.kordamp.ikonli.javafx.FontIcon;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Column set-ups for the imports and rejected-records tables: text, right-aligned counts, status badges. */
final class ImportTableCells {

    private static final String[] STATUS_STYLES =
            {"status-running", "status-success", "status-warning", "status-muted", "status-danger"};

    private ImportTableCells() {
    }

    static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    /** Text with the full value, or another explanation, as a tooltip; for values that get cut off. */
    static <S> void textWithTooltip(TableColumn<S, String> column, Function<S, String> value, Function<S, String> tooltip) {
        text(column, value);
        column.setCellFactory(unused -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                S row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(tooltip.apply(row)));
            }
        });
    }

    static <S> void count(TableColumn<S, Long> column, ToLongFunction<S> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsLong(cell.getValue())));
        column.setCellFactory(unused -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ImportLabels.count(item));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        column.getStyleClass().add("count-column");
    }

    /** The status as an icon and words, coloured by how it went; on hover, what it means and the row's message. */
    static <S> void status(TableColumn<S, String> column, Function<S, String> status, Function<S, String> message) {
        column.setCellValueFactory(cell -> (ObservableValue<String>) new ReadOnlyStringWrapper(status.apply(cell.getValue())));
        column.setCellFactory(unused -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(STATUS_STYLES);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                ImportLabels.StatusLook look = ImportLabels.status(item);
                setText(look.text());
                setGraphic(new FontIcon(look.iconLiteral()));
                S row = getTableRow() == null ? null : getTableRow().getItem();
                String said = row == null ? null : message.apply(row);
                Tooltip tooltip = new Tooltip(said == null || said.isBlank() ? look.explanation() : look.explanation() + "\n\n" + said);
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(480);
                setTooltip(tooltip);
                getStyleClass().add(look.styleClass());
            }
        });
    }
}
