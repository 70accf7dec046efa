package dev.tracedesk.insights;

import java.math.RoundingMode;
import java.util.List;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Cost projection" tab: N requests a day (empty = the observed rate), the month per model and
 * prompt version at the measured cost per request, and a switch of one model's traffic to another
 * priced with the price table.
 */
final class ProjectionPane {

    private final ProjectionViewModel viewModel;
    private final TextField requestsPerDay = new TextField();
    private final VBox pane = new VBox(6);

    ProjectionPane(ProjectionViewModel viewModel) {
        this.viewModel = viewModel;
        build();
    }

    Node pane() {
        return pane;
    }

    /** Focuses the requests-per-day field (Alt+N). */
    void focusRequestsPerDay() {
        // the tab's content is laid out only once the tab is shown
        Platform.runLater(() -> {
            requestsPerDay.requestFocus();
            requestsPerDay.selectAll();
        });
    }

    private void build() {
        pane.getStyleClass().add("insights-chart-pane");
        pane.setId("projectionPane");
        requestsPerDay.setId("requestsPerDayField");
        requestsPerDay.setPrefColumnCount(9);
        requestsPerDay.textProperty().bindBidirectional(viewModel.requestsPerDayProperty());
        requestsPerDay.setTooltip(new Tooltip("Requests a day in all, split over the groups by their observed share;"
                + " empty = the observed rate (Alt+N)"));
        viewModel.observedRateProperty().addListener((observable, before, observed) ->
                requestsPerDay.setPromptText(observed.replaceAll("^Observed: ([0-9,]+).*$", "$1")));
        Label observed = muted(viewModel.observedRateProperty().get());
        observed.textProperty().bind(viewModel.observedRateProperty());
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(viewModel.errorProperty());
        HBox rate = row(new Label("Requests per day"), requestsPerDay, observed, error);

        TableView<MonthlyCost.Group> table = new TableView<>(viewModel.rows());
        table.setId("projectionTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No LLM calls in this range to project from."));
        table.getColumns().setAll(List.<TableColumn<MonthlyCost.Group, ?>>of(
                FigureColumn.text("Model", "projectionModelColumn", 200, MonthlyCost.Group::model),
                FigureColumn.text("Prompt version", "projectionPromptColumn", 160, MonthlyCost.Group::prompt),
                FigureColumn.of("Share", "projectionShareColumn", 70, MonthlyCost.Group::share,
                        share -> InsightsFormat.percent(share.doubleValue())),
                FigureColumn.of("Per day", "projectionPerDayColumn", 90, MonthlyCost.Group::requestsPerDay,
                        perDay -> InsightsFormat.count(perDay.setScale(0, RoundingMode.HALF_UP).longValue())),
                FigureColumn.explained(FigureColumn.of("Cost per request", "projectionPerRequestColumn", 120,
                        MonthlyCost.Group::costPerRequestUsd, InsightsFormat::usd),
                        "Measured: reported and estimated cost over the calls with a cost; — when none had one"),
                FigureColumn.of("A month", "projectionMonthColumn", 110, MonthlyCost.Group::monthlyUsd, InsightsFormat::usd)));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label total = new Label();
        total.setId("projectionTotal");
        total.getStyleClass().add("text-bold");
        total.textProperty().bind(viewModel.totalProperty());

        ComboBox<String> from = new ComboBox<>(viewModel.modelsPresent());
        from.setId("switchFromChoice");
        from.valueProperty().bindBidirectional(viewModel.fromModelProperty());
        from.setTooltip(new Tooltip("The model whose traffic would move (every prompt version of it)"));
        ComboBox<String> to = new ComboBox<>(viewModel.switchTargets());
        to.setId("switchToChoice");
        to.setEditable(true);
        to.setPromptText("price pattern or model");
        to.valueProperty().bindBidirectional(viewModel.toModelProperty());
        to.setTooltip(new Tooltip("Priced with the price table's row for this model; patterns from Prices… (Alt+P)"));
        Label result = new Label();
        result.setId("switchResult");
        result.setWrapText(true);
        result.textProperty().bind(viewModel.switchResultProperty());
        HBox.setHgrow(result, Priority.ALWAYS);
        HBox switchRow = row(new Label("Switch"), from, new Label("to"), to, result);
        pane.getChildren().setAll(rate, table, total, switchRow);
    }

    private static HBox row(Node... children) {
        HBox row = new HBox(8, children);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(2, 0, 2, 0));
        return row;
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("insights-chart-hint");
        return label;
    }
}
