package dev.tracedesk.insights;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.review.rules.BudgetBreaches.Breach;
import dev.tracedesk.review.rules.FlagRule;
import dev.tracedesk.review.rules.RuleType;

/**
 * The "Budgets" tab: a form that adds a budget (Enter in the budget field adds it), the budget rules
 * with their on/off box (Space toggles, Delete deletes), and the breaches in the range shown (Enter or
 * a double-click lists the calls behind one in Traces).
 */
final class BudgetsPane {

    private final BudgetsViewModel viewModel;
    private final Consumer<CallDrill> drill;
    private final TextField amount = new TextField();
    private final VBox pane = new VBox(6);

    BudgetsPane(BudgetsViewModel viewModel, Consumer<CallDrill> drill) {
        this.viewModel = viewModel;
        this.drill = drill;
        build();
    }

    Node pane() {
        return pane;
    }

    /** Focuses the budget field (Alt+B). */
    void focusForm() {
        // the tab's content is laid out only once the tab is shown
        Platform.runLater(() -> {
            amount.requestFocus();
            amount.selectAll();
        });
    }

    private void build() {
        pane.getStyleClass().add("insights-chart-pane");
        pane.setId("budgetsPane");
        SplitPane tables = new SplitPane(rulesTable(), breachesTable());
        tables.setDividerPositions(0.45);
        VBox.setVgrow(tables, Priority.ALWAYS);
        pane.getChildren().setAll(form(), status(), tables);
    }

    private HBox form() {
        ComboBox<RuleType> type = new ComboBox<>();
        type.setId("budgetTypeChoice");
        type.getItems().setAll(BudgetsViewModel.TYPES);
        type.setConverter(converter(RuleType::label));
        type.valueProperty().bindBidirectional(viewModel.typeProperty());
        type.setTooltip(new Tooltip("Daily p95 latency and daily cost judge whole UTC days of a group; the others each call"));
        amount.setId("budgetAmountField");
        amount.setPrefColumnCount(7);
        amount.promptTextProperty().bind(viewModel.typeProperty().map(chosen ->
                chosen == RuleType.LATENCY_ABOVE || chosen == RuleType.P95_LATENCY_ABOVE ? "ms" : "USD"));
        amount.textProperty().bindBidirectional(viewModel.amountProperty());
        amount.setTooltip(new Tooltip("Milliseconds for latency, US dollars for cost; Enter adds the budget (Alt+B)"));
        amount.setOnAction(event -> viewModel.add());
        ComboBox<CallGrouping> grouping = new ComboBox<>();
        grouping.setId("budgetGroupingChoice");
        grouping.getItems().setAll(CallGrouping.values());
        grouping.setConverter(converter(chosen -> chosen == CallGrouping.NONE ? "All calls together" : "Per " + chosen.label().toLowerCase(Locale.ROOT)));
        grouping.valueProperty().bindBidirectional(viewModel.groupByProperty());
        TextField key = new TextField();
        key.setId("budgetGroupField");
        key.setPromptText("every group");
        key.setPrefColumnCount(16);
        key.textProperty().bindBidirectional(viewModel.groupKeyProperty());
        key.disableProperty().bind(viewModel.groupByProperty().isEqualTo(CallGrouping.NONE));
        key.setTooltip(new Tooltip("One group, taken from the row chosen in the groups table; empty = each group"));
        key.setOnAction(event -> viewModel.add());
        Button add = new Button("Add budget");
        add.setId("addBudgetButton");
        add.setOnAction(event -> viewModel.add());
        add.setTooltip(new Tooltip("Adds it switched on: calls over it become review items (Enter in the budget field)"));
        Button flag = new Button("Flag existing calls now");
        flag.setId("flagExistingButton");
        flag.visibleProperty().bind(viewModel.offerFlaggingProperty());
        flag.managedProperty().bind(flag.visibleProperty());
        flag.disableProperty().bind(viewModel.flaggingProperty());
        flag.setOnAction(event -> viewModel.flagExistingCallsNow());
        flag.setTooltip(new Tooltip("Applies every enabled flag rule to the calls already imported; later imports are judged"
                + " on their own (Alt+L)"));
        flag.getStyleClass().add("accent");
        HBox form = new HBox(8, new Label("Budget"), type, amount, grouping, key, add, flag);
        form.setAlignment(Pos.CENTER_LEFT);
        form.setPadding(new Insets(2, 0, 2, 0));
        pane.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.isAltDown() && event.getCode() == KeyCode.L && viewModel.offerFlaggingProperty().get()) {
                viewModel.flagExistingCallsNow();
                event.consume();
            }
        });
        return form;
    }

    private HBox status() {
        Label error = new Label();
        error.setId("budgetError");
        error.getStyleClass().add("danger");
        error.textProperty().bind(viewModel.errorProperty());
        Label outcome = ProjectionPane.muted("");
        outcome.setId("budgetOutcome");
        outcome.textProperty().bind(viewModel.outcomeProperty());
        return new HBox(12, error, outcome);
    }

    private TableView<FlagRule> rulesTable() {
        TableView<FlagRule> table = new TableView<>(viewModel.rules());
        table.setId("budgetRulesTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("No budgets yet \u2014 add one: choose a type, type the budget and press Enter (Alt+B).");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        TableColumn<FlagRule, Boolean> on = new TableColumn<>("On");
        on.setId("budgetOnColumn");
        on.setPrefWidth(44);
        on.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().enabled()));
        on.setCellFactory(ignored -> new TableCell<>() {
            private final CheckBox box = new CheckBox();

            {
                box.setOnAction(event -> viewModel.setEnabled(getTableRow().getItem(), box.isSelected()));
                box.setTooltip(new Tooltip("On: calls over it become review items (Space)"));
            }

            @Override
            protected void updateItem(Boolean item, boolean emptyRow) {
                super.updateItem(item, emptyRow);
                box.setSelected(Boolean.TRUE.equals(item));
                setGraphic(emptyRow || item == null ? null : box);
            }
        });
        TableColumn<FlagRule, String> name = FigureColumn.text("Budget", "budgetNameColumn", 220, FlagRule::name);
        TableColumn<FlagRule, String> summary = FigureColumn.text("Flags", "budgetSummaryColumn", 220, FlagRule::summary);
        table.getColumns().setAll(List.of(on, name, summary));
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            FlagRule chosen = table.getSelectionModel().getSelectedItem();
            if (chosen == null) {
                return;
            }
            if (event.getCode() == KeyCode.SPACE) {
                viewModel.setEnabled(chosen, !chosen.enabled());
            } else if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
                viewModel.delete(chosen);
            } else {
                return;
            }
            event.consume();
        });
        table.setTooltip(new Tooltip("Space switches the chosen budget on or off; Delete deletes it (its review items stay)"));
        return table;
    }

    private TableView<Breach> breachesTable() {
        TableView<Breach> table = new TableView<>(viewModel.breaches());
        table.setId("breachesTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No budget broken in this range."));
        table.getColumns().setAll(List.<TableColumn<Breach, ?>>of(
                FigureColumn.text("Budget", "breachRuleColumn", 180, breach -> breach.ruleName() + (breach.ruleEnabled() ? "" : " (off)")),
                FigureColumn.text("Group", "breachGroupColumn", 160, breach -> breach.groupBy() == CallGrouping.NONE
                        ? CallGrouping.ALL : breach.groupKey()),
                FigureColumn.text("Day (UTC)", "breachDayColumn", 90, breach -> breach.day() == null ? "range" : breach.day().toString()),
                FigureColumn.text("Measured", "breachMeasuredColumn", 90, BudgetsViewModel::measured),
                FigureColumn.text("Budget", "breachBudgetColumn", 90, BudgetsViewModel::budget),
                FigureColumn.of("Calls over", "breachCallsColumn", 80, Breach::callsOverBudget, InsightsFormat::count)));
        table.setTooltip(new Tooltip("Enter or a double-click lists the calls behind a breach in Traces"));
        InsightsView.drillOnEnterAndDoubleClick(table, breach -> drill.accept(viewModel.drillTarget(breach)));
        return table;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
