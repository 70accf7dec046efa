package dev.tracedesk.evals.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** The compare matrix's columns: the case, its provider, its baseline status, then one outcome column per compared run. */
final class MatrixColumns {

    private MatrixColumns() {
    }

    static List<TableColumn<MatrixRow, String>> of(List<ComparisonResult> results) {
        List<TableColumn<MatrixRow, String>> columns = new ArrayList<>();
        columns.add(column("Case", 130, MatrixRow::description));
        columns.add(column("Provider", 200, MatrixRow::provider));
        columns.add(column("Baseline", 88, row -> {
            CasePair any = row.focus();
            return any == null || any.baseline() == null ? "—" : any.baseline().status().toLowerCase();
        }));
        for (int run = 0; run < results.size(); run++) {
            int at = run;
            String title = results.size() == 1 ? "Outcome" : results.get(run).other().label();
            TableColumn<MatrixRow, String> outcome = column(title, results.size() == 1 ? 120 : 150, row -> {
                CasePair pair = row.pairs().get(at);
                return pair == null ? "" : CompareViewModel.word(pair.outcome());
            });
            outcome.setCellFactory(column -> new OutcomeCell());
            columns.add(outcome);
        }
        return columns;
    }

    private static TableColumn<MatrixRow, String> column(String title, double width, Function<MatrixRow, String> text) {
        TableColumn<MatrixRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }

    /** An outcome, coloured by what it means ("outcome-regressed", …). */
    private static final class OutcomeCell extends TableCell<MatrixRow, String> {
        @Override
        protected void updateItem(String word, boolean empty) {
            super.updateItem(word, empty);
            getStyleClass().removeIf(style -> style.startsWith("outcome-"));
            setText(empty ? null : word);
            if (!empty && word != null && !word.isEmpty()) {
                getStyleClass().add("outcome-" + word.replace(' ', '-'));
            }
        }
    }
}
