package dev.tracedesk.evals;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The columns of the Eval runs section's two tables. Each column holds the raw value (a date, a
 * rate, an amount) so that sorting by it sorts numbers, and only its cell writes it as text.
 */
final class EvalRunColumns {

    /** The key under which a column keeps how its cells write a value, so its width can be fitted to them. */
    private static final String SHOWN_TEXT = "evalRunColumns.shownText";
    /** Fitting looks at this many rows at most; a long run's later cases rarely need more room. */
    private static final int ROWS_MEASURED = 500;
    private static final double MAX_WIDTH = 420;

    private EvalRunColumns() {
    }

    static void installRuns(TableView<EvalRunRow> table) {
        TableColumn<EvalRunRow, java.time.OffsetDateTime> started =
                runColumn("Date", 146, EvalRunRow::startedAt, EvalFormat::when);
        started.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().setAll(List.of(started,
                runColumn("Tool", 84, EvalRunRow::tool, text -> text),
                runColumn("Name", 210, EvalRunRow::name, text -> text),
                numeric(runColumn("Cases", 64, EvalRunRow::cases, String::valueOf)),
                numeric(runColumn("Pass rate", 96, EvalRunRow::passRate, EvalFormat::percent)),
                numeric(runColumn("Errors", 64, EvalRunRow::errors, String::valueOf)),
                numeric(runColumn("Total cost", 112, EvalRunRow::totalCost, EvalFormat::cost)),
                numeric(runColumn("Mean latency", 126, EvalRunRow::meanLatencyMs, EvalFormat::latency)),
                runColumn("Prompt versions", 150, row -> String.join("\n", row.promptVersions()), text -> text),
                runColumn("Dataset", 100, row -> row.dataset() == null ? "" : row.dataset(), text -> text),
                // one provider a line: a run of two or three models stays readable in a narrow column
                runColumn("Providers", 220, row -> String.join("\n", row.providers()), text -> text)));
        // fixed widths and a horizontal scroll bar: squeezing eleven columns leaves only "…"
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    static void installCases(TableView<EvalCaseRow> table) {
        TableColumn<EvalCaseRow, String> status = caseColumn("Status", 70, EvalCaseRow::statusWord, text -> text);
        status.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String word, boolean empty) {
                super.updateItem(word, empty);
                getStyleClass().removeAll("case-pass", "case-fail", "case-error");
                setText(empty ? null : word);
                if (!empty && word != null && !word.isEmpty()) {
                    getStyleClass().add("case-" + word);
                }
            }
        });
        table.getColumns().setAll(List.of(status,
                numeric(caseColumn("Score", 60, row -> row.detail().score(), EvalFormat::score)),
                caseColumn("Case", 160, row -> EvalFormat.oneLine(row.title()), text -> text),
                caseColumn("Provider", 210, EvalCaseRow::provider, text -> text),
                caseColumn("Failed on", 120, EvalCaseRow::failedAssertionTypes, text -> text),
                numeric(EvalRunColumns.<Long>caseColumn("Latency", 90, row -> row.detail().latencyMs(), ms -> ms + " ms")),
                caseColumn("Output", 320, row -> EvalFormat.oneLine(row.detail().output()), text -> text)));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    private static <T extends Comparable<? super T>> TableColumn<EvalRunRow, T> runColumn(String title, double width,
            Function<EvalRunRow, T> value, Function<T, String> text) {
        return column(title, width, value, text);
    }

    private static <T extends Comparable<? super T>> TableColumn<EvalCaseRow, T> caseColumn(String title, double width,
            Function<EvalCaseRow, T> value, Function<T, String> text) {
        return column(title, width, value, text);
    }

    @SuppressWarnings("unchecked")
    private static <S, T extends Comparable<? super T>> TableColumn<S, T> column(String title, double width,
            Function<S, T> value, Function<T, String> text) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        // a missing value (no cost reported) sorts as the smallest rather than throwing
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        column.getProperties().put(SHOWN_TEXT, (Function<Object, String>) item -> text.apply((T) item));
        column.setCellFactory(owner -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return column;
    }

    private static <S, T> TableColumn<S, T> numeric(TableColumn<S, T> column) {
        column.getStyleClass().add("numeric");
        return column;
    }

    /**
     * Widens each column to its header and its widest cell text (each line of it), up to a limit:
     * fixed widths guessed for one font cut dates and headers in another.
     */
    static <S> void fitToContent(TableView<S> table) {
        Font headerFont = table.lookupAll(".column-header .label").stream().filter(Labeled.class::isInstance)
                .map(node -> ((Labeled) node).getFont()).findFirst().orElse(Font.getDefault());
        Text header = new Text();
        header.setFont(headerFont);
        Text probe = new Text();
        probe.setFont(Font.font(headerFont.getFamily(), FontWeight.NORMAL, headerFont.getSize()));
        List<S> rows = table.getItems().subList(0, Math.min(ROWS_MEASURED, table.getItems().size()));
        for (TableColumn<S, ?> column : table.getColumns()) {
            @SuppressWarnings("unchecked")
            Function<Object, String> shown = (Function<Object, String>) column.getProperties().get(SHOWN_TEXT);
            double widest = width(header, column.getText()) + 20; // room for the sort arrow
            for (S row : shown == null ? List.<S>of() : rows) {
                Object value = column.getCellObservableValue(row).getValue();
                if (value != null) {
                    for (String line : shown.apply(value).split("\n")) {
                        widest = Math.max(widest, width(probe, line) + 16);
                    }
                }
            }
            column.setPrefWidth(Math.ceil(Math.max(column.getMinWidth(), Math.min(widest, MAX_WIDTH))));
        }
    }

    private static double width(Text probe, String text) {
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }
}
