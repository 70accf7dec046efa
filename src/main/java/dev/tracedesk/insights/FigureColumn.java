package dev.tracedesk.insights;

import java.util.Comparator;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * A table column that holds a figure and shows it formatted: it sorts by the value (missing ones
 * first when ascending), and reads "—" where nothing was recorded.
 */
final class FigureColumn {

    private FigureColumn() {
    }

    static <S, T extends Comparable<? super T>> TableColumn<S, T> of(String title, String id, double width,
                                                                      Function<S, T> value, Function<T, String> text) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.getStyleClass().add("numeric");
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? InsightsFormat.NONE : text.apply(item));
            }
        });
        return column;
    }

    /** A column of text, left-aligned, whole in a tooltip when cut: the group. */
    static <S> TableColumn<S, String> text(String title, String id, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        return column;
    }

    /** Columns under one heading ("Latency per call" over p50, p95, p99). */
    @SafeVarargs
    static <S> TableColumn<S, ?> heading(String title, String tip, TableColumn<S, ?>... children) {
        TableColumn<S, ?> column = new TableColumn<>();
        Label label = new Label(title);
        if (tip != null) {
            label.setTooltip(new Tooltip(tip));
        }
        column.setGraphic(label);
        column.getColumns().addAll(children);
        return column;
    }

    /** A header with a tooltip, for a column whose meaning the short title cannot carry. */
    static <S, T> TableColumn<S, T> explained(TableColumn<S, T> column, String tip) {
        Label label = new Label(column.getText());
        label.setTooltip(new Tooltip(tip));
        column.setText(null);
        column.setGraphic(label);
        return column;
    }
}
