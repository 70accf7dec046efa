package dev.tracedesk.traces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The visible columns of a table, in order, with widths, as a saved view keeps them: read from the
 * table, shown on it, and watched for the user's changes (drag to reorder or resize, the table
 * menu's show / hide). Columns are known by stable ids, never by their titles.
 */
final class TableColumnLayout<S> {

    private final TableView<S> table;
    private final Map<String, TableColumn<S, ?>> columns;
    private final List<TracesViewDefinition.ViewColumn> defaults;

    /** @param columns every column of the table by id, in the order the FXML lays them out */
    TableColumnLayout(TableView<S> table, Map<String, TableColumn<S, ?>> columns) {
        this.table = table;
        this.columns = new LinkedHashMap<>(columns);
        this.defaults = columns.entrySet().stream().map(entry ->
                new TracesViewDefinition.ViewColumn(entry.getKey(), (int) Math.round(entry.getValue().getPrefWidth()))).toList();
    }

    /** What the table shows now. */
    List<TracesViewDefinition.ViewColumn> current() {
        List<TracesViewDefinition.ViewColumn> shown = new ArrayList<>();
        for (TableColumn<S, ?> column : table.getColumns()) {
            if (column.isVisible()) {
                shown.add(new TracesViewDefinition.ViewColumn(idOf(column), (int) Math.round(column.getWidth())));
            }
        }
        return shown;
    }

    /**
     * Shows the layout: its columns in its order and widths, every other column hidden after them.
     * An empty layout is the table's own; ids this build does not know are skipped.
     */
    void show(List<TracesViewDefinition.ViewColumn> layout) {
        List<TracesViewDefinition.ViewColumn> wanted = layout.stream().anyMatch(c -> columns.containsKey(c.id()))
                ? layout : defaults;
        List<TableColumn<S, ?>> ordered = new ArrayList<>();
        for (TracesViewDefinition.ViewColumn shown : wanted) {
            TableColumn<S, ?> column = columns.get(shown.id());
            if (column != null && !ordered.contains(column)) {
                column.setVisible(true);
                if (shown.width() > 0) {
                    column.setPrefWidth(shown.width());
                }
                ordered.add(column);
            }
        }
        columns.values().stream().filter(column -> !ordered.contains(column)).forEach(column -> {
            column.setVisible(false);
            ordered.add(column);
        });
        if (!ordered.equals(table.getColumns())) {
            table.getColumns().setAll(ordered);
        }
    }

    /** Calls back after every change the user can make to the layout. */
    void onChange(Runnable changed) {
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) change -> changed.run());
        columns.values().forEach(column -> {
            column.visibleProperty().addListener((observable, before, after) -> changed.run());
            column.widthProperty().addListener((observable, before, after) -> changed.run());
        });
    }

    private String idOf(TableColumn<S, ?> column) {
        return columns.entrySet().stream().filter(entry -> entry.getValue() == column).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }
}
