package dev.tracedesk.insights;

import java.util.Optional;
import java.util.function.Supplier;

import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;

import dev.tracedesk.core.model.CallGrouping;

/**
 * Marks the groups table's group cell {@code :over-budget} (a red tint, css/insights.css) with a
 * tooltip naming the budget, when {@link BudgetsViewModel#overBudget} says the row's group is over one.
 */
final class OverBudgetMark {

    static final PseudoClass OVER_BUDGET = PseudoClass.getPseudoClass("over-budget");

    private OverBudgetMark() {
    }

    static void install(TableColumn<GroupStats, String> groupColumn, BudgetsViewModel budgets, Supplier<CallGrouping> grouping) {
        groupColumn.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                TableRow<GroupStats> row = getTableRow();
                GroupStats group = empty || row == null ? null : row.getItem();
                Optional<String> over = group == null ? Optional.empty()
                        : budgets.overBudget(grouping.get(), group.key(), group.callLatency().p95Ns());
                pseudoClassStateChanged(OVER_BUDGET, over.isPresent());
                setTooltip(empty || item == null ? null : new Tooltip(over.map(reason -> item + "\nOver budget: " + reason).orElse(item)));
            }
        });
    }
}
