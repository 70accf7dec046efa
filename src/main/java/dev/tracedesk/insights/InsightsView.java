package dev.tracedesk.insights;

import java.util.List;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.ui.EmptyState;

/**
 * Controller of {@code /fxml/insights/InsightsView.fxml}: the toolbar's range, grouping and
 * granularity; the groups table; the charts in tabs; the buckets table. Enter or a double-click on a
 * row, or a click on a chart point, lists the calls behind it in Traces.
 */
public final class InsightsView {

    private final InsightsViewModel viewModel;
    private final InsightsCharts charts;
    private final LoadChart loadChart;
    private final ProjectionPane projectionPane;
    private final BudgetsPane budgetsPane;

    @FXML
    private EmptyState emptyState;
    @FXML
    private BorderPane dashboard;
    @FXML
    private ComboBox<RangePreset> presetChoice;
    @FXML
    private DatePicker fromDate;
    @FXML
    private DatePicker toDate;
    @FXML
    private ComboBox<CallGrouping> groupingChoice;
    @FXML
    private ToggleButton autoGranularity;
    @FXML
    private ToggleButton hourGranularity;
    @FXML
    private ToggleButton dayGranularity;
    @FXML
    private Label rangeLabel;
    @FXML
    private TableView<GroupStats> groupTable;
    @FXML
    private TabPane chartTabs;
    @FXML
    private Tab latencyTab;
    @FXML
    private Tab requestsTab;
    @FXML
    private Tab costTab;
    @FXML
    private Tab loadTab;
    @FXML
    private Tab projectionTab;
    @FXML
    private Tab budgetsTab;
    @FXML
    private TableView<TimeBucket> bucketTable;
    @FXML
    private Label statusLabel;

    public InsightsView(InsightsViewModel viewModel) {
        this.viewModel = viewModel;
        this.charts = new InsightsCharts(viewModel);
        this.loadChart = new LoadChart(viewModel);
        this.projectionPane = new ProjectionPane(viewModel.projection());
        this.budgetsPane = new BudgetsPane(viewModel.budgets(), viewModel::open);
    }

    @FXML
    private void initialize() {
        StackPane root = (StackPane) dashboard.getParent();
        var css = InsightsView.class.getResource("/css/insights.css");
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
        var noCalls = viewModel.emptinessProperty().isEqualTo(InsightsViewModel.Emptiness.NO_CALLS);
        emptyState.titleProperty().bind(viewModel.emptyTitleProperty());
        emptyState.visibleProperty().bind(noCalls);
        dashboard.visibleProperty().bind(noCalls.not());
        setUpToolbar();
        setUpTables();
        latencyTab.setContent(charts.latencyPane());
        requestsTab.setContent(charts.requestsPane());
        costTab.setContent(charts.costPane());
        loadTab.setContent(loadChart.pane());
        projectionTab.setContent(projectionPane.pane());
        budgetsTab.setContent(budgetsPane.pane());
        // a reading sets the lists one after another: draw once all have arrived
        viewModel.readingsProperty().addListener((observable, before, after) -> {
            charts.fill();
            loadChart.fill();
        });
        statusLabel.textProperty().bind(viewModel.statusProperty());
        rangeLabel.textProperty().bind(viewModel.rangeTextProperty());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.sceneProperty().addListener((observable, before, scene) -> {
            if (scene != null) {
                viewModel.refresh();
                // the section's keys need the focus inside it, without a click
                Platform.runLater(groupTable::requestFocus);
            }
        });
    }

    private void setUpToolbar() {
        presetChoice.getItems().setAll(RangePreset.values());
        presetChoice.valueProperty().bindBidirectional(viewModel.presetProperty());
        var custom = viewModel.presetProperty().isEqualTo(RangePreset.CUSTOM);
        for (DatePicker date : new DatePicker[] {fromDate, toDate}) {
            date.visibleProperty().bind(custom);
            date.managedProperty().bind(custom);
        }
        fromDate.valueProperty().bindBidirectional(viewModel.customFromProperty());
        toDate.valueProperty().bindBidirectional(viewModel.customToProperty());
        groupingChoice.getItems().setAll(CallGrouping.values());
        groupingChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(CallGrouping grouping) {
                return grouping == null ? "" : grouping == CallGrouping.NONE ? "Nothing (all calls)" : grouping.label();
            }

            @Override
            public CallGrouping fromString(String text) {
                return null;
            }
        });
        groupingChoice.valueProperty().bindBidirectional(viewModel.groupingProperty());
        ToggleGroup granularity = new ToggleGroup();
        autoGranularity.setUserData(null);
        hourGranularity.setUserData(Granularity.HOUR);
        dayGranularity.setUserData(Granularity.DAY);
        for (ToggleButton button : new ToggleButton[] {autoGranularity, hourGranularity, dayGranularity}) {
            button.setToggleGroup(granularity);
        }
        autoGranularity.setSelected(viewModel.granularityChoiceProperty().get() == null);
        granularity.selectedToggleProperty().addListener((observable, before, chosen) -> {
            if (chosen == null) {
                before.setSelected(true); // one of the three is always chosen
            } else {
                viewModel.granularityChoiceProperty().set((Granularity) chosen.getUserData());
            }
        });
    }

    private void setUpTables() {
        TableColumn<GroupStats, String> groupColumn = GroupColumns.install(groupTable);
        OverBudgetMark.install(groupColumn, viewModel.budgets(), () -> viewModel.shownQueryProperty().get().grouping());
        // new budgets or breaches change which groups are marked
        viewModel.budgets().loadsProperty().addListener((observable, before, after) -> groupTable.refresh());
        // the budget form's group follows the row chosen in the groups table
        groupTable.getSelectionModel().selectedItemProperty().addListener((observable, before, chosen) -> {
            if (chosen != null) {
                viewModel.budgets().prefill(viewModel.shownQueryProperty().get().grouping(), chosen.key());
            }
        });
        TableColumn<TimeBucket, String> bucketGroupColumn = BucketColumns.install(bucketTable,
                viewModel.shownGranularityProperty()::get, viewModel.zone());
        groupTable.setItems(viewModel.groups());
        bucketTable.setItems(viewModel.buckets());
        viewModel.shownQueryProperty().addListener((observable, before, query) -> {
            String title = query.grouping() == CallGrouping.NONE ? "Calls" : query.grouping().label();
            groupColumn.setText(title);
            bucketGroupColumn.setText(title);
            bucketGroupColumn.setVisible(query.grouping() != CallGrouping.NONE);
        });
        bucketGroupColumn.setVisible(viewModel.shownQueryProperty().get().grouping() != CallGrouping.NONE);
        // While a reading runs the tables are empty because nothing has arrived yet, not because the range is.
        for (var table : List.of(groupTable, bucketTable)) {
            Label placeholder = new Label();
            placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.loadingProperty())
                    .then("Reading…").otherwise("No LLM calls in this range."));
            table.setPlaceholder(placeholder);
        }
        drillOnEnterAndDoubleClick(groupTable, group -> viewModel.open(viewModel.drillTarget(group)));
        drillOnEnterAndDoubleClick(bucketTable, bucket -> viewModel.open(viewModel.drillTarget(bucket)));
        groupTable.getItems().addListener((ListChangeListener<GroupStats>) change -> {
            if (!groupTable.getItems().isEmpty() && groupTable.getSelectionModel().isEmpty()) {
                groupTable.getSelectionModel().select(0);
            }
        });
    }

    static <T> void drillOnEnterAndDoubleClick(TableView<T> table, Consumer<T> drill) {
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            T chosen = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && chosen != null) {
                drill.accept(chosen);
                event.consume();
            }
        });
        table.setRowFactory(ignored -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    drill.accept(row.getItem());
                }
            });
            return row;
        });
    }

    /** The price table dialog (the Prices… button, Alt+P); a change reads the dashboard again. */
    @FXML
    private void openPrices() {
        PricesDialog.open(dashboard.getScene() == null ? null : dashboard.getScene().getWindow(), viewModel.prices());
    }

    /** Alt+R the range, Alt+G the grouping, Ctrl+Tab the next tab, Alt+B budgets, Alt+N projection, Alt+P prices. */
    private void onKey(KeyEvent event) {
        if (event.isAltDown() && event.getCode() == KeyCode.R) {
            presetChoice.requestFocus();
            presetChoice.show();
        } else if (event.isAltDown() && event.getCode() == KeyCode.G) {
            groupingChoice.requestFocus();
            groupingChoice.show();
        } else if (event.isAltDown() && event.getCode() == KeyCode.B) {
            chartTabs.getSelectionModel().select(budgetsTab);
            budgetsPane.focusForm();
        } else if (event.isAltDown() && event.getCode() == KeyCode.N) {
            chartTabs.getSelectionModel().select(projectionTab);
            projectionPane.focusRequestsPerDay();
        } else if (event.isAltDown() && event.getCode() == KeyCode.P) {
            openPrices();
        } else if (event.isControlDown() && event.getCode() == KeyCode.TAB) {
            var tabs = chartTabs.getSelectionModel();
            int next = (tabs.getSelectedIndex() + (event.isShiftDown() ? chartTabs.getTabs().size() - 1 : 1))
                    % chartTabs.getTabs().size();
            tabs.select(next);
        } else {
            return;
        }
        event.consume();
    }
}
