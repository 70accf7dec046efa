package dev.tracedesk.traces;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Keeps the Traces table's sort and columns in step with {@link TracesViewModel}, both ways: a
 * header click or a dragged, resized or hidden column goes to the view model (which sorts in the
 * store and remembers the layout for saved views); a sort or layout set there — by a saved view —
 * shows on the table. Each column's {@code userData} is the {@link TraceSort.Column} it sorts by.
 */
final class TableSortAndColumnsSync {

    private final TableView<TraceRow> table;
    private final TracesViewModel viewModel;
    private final TableColumnLayout<TraceRow> layout;
    /** True while a layout from the view model is being shown, so it is not reported back half done. */
    private boolean showing;

    /** @param ids every column of the table and the id saved views know it by (ids outlive titles and FXML order) */
    private TableSortAndColumnsSync(TableView<TraceRow> table, Map<TableColumn<TraceRow, ?>, String> ids,
                                    TracesViewModel viewModel) {
        this.table = table;
        this.viewModel = viewModel;
        Map<String, TableColumn<TraceRow, ?>> byId = new LinkedHashMap<>();
        table.getColumns().forEach(column -> byId.put(ids.get(column), column));
        this.layout = new TableColumnLayout<>(table, byId);
    }

    static void keepInStep(TableView<TraceRow> table, Map<TableColumn<TraceRow, ?>, String> ids, TracesViewModel viewModel) {
        new TableSortAndColumnsSync(table, ids, viewModel).start();
    }

    private void start() {
        // The store sorts (all rows, not just the loaded pages); the table only says which column.
        table.setSortPolicy(sorted -> {
            TableColumn<TraceRow, ?> column = sorted.getSortOrder().isEmpty() ? null : sorted.getSortOrder().get(0);
            viewModel.setSort(column == null ? TraceSort.NEWEST_FIRST
                    : new TraceSort((TraceSort.Column) column.getUserData(), column.getSortType() == TableColumn.SortType.ASCENDING));
            return true;
        });
        viewModel.sortProperty().addListener((observable, before, sort) -> showSort(sort));
        layout.onChange(() -> {
            if (!showing) {
                viewModel.columnsProperty().set(layout.current());
            }
        });
        viewModel.columnsProperty().addListener((observable, before, wanted) -> {
            if (!wanted.equals(layout.current())) {
                showing = true;
                layout.show(wanted);
                showing = false;
                viewModel.columnsProperty().set(layout.current());
            }
        });
        viewModel.columnsProperty().set(layout.current());
    }

    /** Shows a sort that did not come from the table (a saved view's) on the column headers. */
    private void showSort(TraceSort sort) {
        TableColumn<TraceRow, ?> shown = table.getSortOrder().isEmpty() ? null : table.getSortOrder().get(0);
        boolean unsorted = shown == null && sort.equals(TraceSort.NEWEST_FIRST);
        if (unsorted || shown != null && shown.getUserData() == sort.column()
                && (shown.getSortType() == TableColumn.SortType.ASCENDING) == sort.ascending()) {
            return;
        }
        table.getColumns().stream().filter(column -> column.getUserData() == sort.column()).findFirst()
                .ifPresentOrElse(column -> {
                    column.setSortType(sort.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                    table.getSortOrder().setAll(List.of(column));
                }, () -> table.getSortOrder().clear());
    }
}
