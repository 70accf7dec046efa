package dev.tracedesk.evals;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The columns of the Eval runs section's two tables. Each column holds the raw value (a date, a
 * rate, an amount) so that sorting by it sorts numbers, and only its cell writes it as text.
 */
final class EvalRunColumns {

    private EvalRunColumns() {
    }

    static void installRuns(TableView<EvalRunRow> table) {
        TableColumn<EvalRunRow, java.time.OffsetDateTime> started =
                runColumn("Date", 150, EvalRunRow::startedAt, EvalFormat::when);
        started.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().setAll(List.of(started,
                runColumn("Tool", 88, EvalRunRow::tool, text -> text),
                runColumn("Name", 230, EvalRunRow::name, text -> text),
                runColumn("Providers", 340, row -> String.join(", ", row.providers()), text -> text),
                runColumn("Prompt versions", 150, row -> String.join(", ", row.promptVersions()), text -> text),
                numeric(runColumn("Cases", 64, EvalRunRow::cases, String::valueOf)),
                numeric(runColumn("Pass rate", 80, EvalRunRow::passRate, EvalFormat::percent)),
                numeric(runColumn("Errors", 64, EvalRunRow::errors, String::valueOf)),
                numeric(runColumn("Total cost", 92, EvalRunRow::totalCost, EvalFormat::cost)),
                numeric(runColumn("Mean latency", 104, EvalRunRow::meanLatencyMs, EvalFormat::latency)),
                runColumn("Dataset", 130, row -> row.dataset() == null ? "" : row.dataset(), text -> text)));
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
                numeric(EvalRunColumns.<Long>caseColumn("Latency", 72, row -> row.detail().latencyMs(), ms -> ms + " ms")),
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

    private static <S, T extends Comparable<? super T>> TableColumn<S, T> column(String title, double width,
            Function<S, T> value, Function<T, String> text) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        // a missing value (no cost reported) sorts as the smallest rather than throwing
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
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
}
