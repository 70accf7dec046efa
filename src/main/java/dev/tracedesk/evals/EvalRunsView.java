package dev.tracedesk.evals;

import java.util.List;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/evals/EvalRunsView.fxml}: the runs, a run's cases, a case's detail. */
public final class EvalRunsView {

    private static final KeyCombination FIND = KeyCombination.keyCombination("Shortcut+F");
    private static final KeyCombination COMPARE = KeyCombination.keyCombination("Shortcut+K");
    private static final KeyCombination CHARTS = KeyCombination.keyCombination("Shortcut+G");
    private final RunWindows windows = new RunWindows();

    private final EvalRunsViewModel viewModel;
    private final EvalCasePane detail;

    @FXML
    private EmptyState emptyState;
    @FXML
    private BorderPane browser;
    @FXML
    private Label runCountLabel;
    @FXML
    private TableView<EvalRunRow> runTable;
    @FXML
    private Label runTitle;
    @FXML
    private Label runFacts;
    @FXML
    private ToggleButton allToggle;
    @FXML
    private ToggleButton failuresToggle;
    @FXML
    private ToggleButton errorsToggle;
    @FXML
    private ComboBox<String> assertionChoice;
    @FXML
    private ComboBox<String> providerChoice;
    @FXML
    private TextField searchField;
    @FXML
    private Label caseCountLabel;
    @FXML
    private TableView<EvalCaseRow> caseTable;
    @FXML
    private ScrollPane detailScroll;
    @FXML
    private Label statusLabel;

    public EvalRunsView(EvalRunsViewModel viewModel) {
        this.viewModel = viewModel;
        this.detail = new EvalCasePane(viewModel::openTrace);
    }

    @FXML
    private void initialize() {
        StackPane root = (StackPane) browser.getParent();
        var css = EvalRunsView.class.getResource("/css/evals.css");
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
        emptyState.setTitle("No eval runs yet");
        var none = Bindings.isEmpty(viewModel.runs());
        emptyState.visibleProperty().bind(none);
        browser.visibleProperty().bind(none.not());
        setUpRuns();
        setUpFilters();
        setUpCases();
        statusLabel.textProperty().bind(viewModel.statusProperty());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.sceneProperty().addListener((observable, before, scene) -> {
            if (scene != null) {
                viewModel.refresh();
                // the section's keys need the focus inside it, without a click
                Platform.runLater(() -> (browser.isVisible() ? runTable : root).requestFocus());
            }
        });
        // the runs arrive after the section is shown: the table takes the focus the empty state held
        browser.visibleProperty().addListener((observable, before, shown) -> {
            if (shown && root.getScene() != null && !(root.getScene().getFocusOwner() instanceof TextInputControl)) {
                runTable.requestFocus();
            }
        });
    }

    private void setUpRuns() {
        EvalRunColumns.installRuns(runTable);
        SortedList<EvalRunRow> sorted = new SortedList<>(viewModel.runs());
        sorted.comparatorProperty().bind(runTable.comparatorProperty());
        runTable.setItems(sorted);
        runTable.setPlaceholder(new Label("No eval runs yet."));
        // several runs chosen (Shift/Ctrl+click): Ctrl+K compares them with the oldest in one matrix
        runTable.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        viewModel.runs().addListener((ListChangeListener<EvalRunRow>) change ->
                Platform.runLater(() -> EvalRunColumns.fitToContent(runTable)));
        runCountLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.runs().size()
                + (viewModel.runs().size() == 1 ? " run, newest first" : " runs, newest first"), viewModel.runs()));
        runTable.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null && after != viewModel.selectedRunProperty().get()) {
                viewModel.selectedRunProperty().set(after);
            }
        });
        viewModel.selectedRunProperty().addListener((observable, before, after) -> selectRun(after));
        var shown = viewModel.shownRunProperty();
        runTitle.textProperty().bind(Bindings.createStringBinding(() -> shown.get() == null ? ""
                : shown.get().name() == null || shown.get().name().isBlank() ? shown.get().runId() : shown.get().name(),
                shown));
        runFacts.textProperty().bind(Bindings.createStringBinding(() -> EvalFormat.runFacts(shown.get()), shown));
    }

    private void selectRun(EvalRunRow run) {
        if (run != null && runTable.getSelectionModel().getSelectedItem() != run) {
            runTable.getSelectionModel().select(run);
            runTable.scrollTo(run);
        }
    }

    private void setUpFilters() {
        ToggleGroup statuses = new ToggleGroup();
        allToggle.setToggleGroup(statuses);
        failuresToggle.setToggleGroup(statuses);
        errorsToggle.setToggleGroup(statuses);
        allToggle.setUserData(CaseFilter.Status.ALL);
        failuresToggle.setUserData(CaseFilter.Status.FAILURES);
        errorsToggle.setUserData(CaseFilter.Status.ERRORS);
        statuses.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after == null) {
                before.setSelected(true); // one of the three is always chosen
            } else {
                viewModel.statusFilterProperty().set((CaseFilter.Status) after.getUserData());
            }
        });
        viewModel.statusFilterProperty().addListener((observable, before, after) -> showStatusFilter(after));
        showStatusFilter(viewModel.statusFilterProperty().get());

        assertionChoice.setItems(viewModel.assertionTypes());
        assertionChoice.valueProperty().bindBidirectional(viewModel.assertionTypeProperty());
        providerChoice.setItems(viewModel.providers());
        providerChoice.valueProperty().bindBidirectional(viewModel.providerProperty());
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        caseCountLabel.textProperty().bind(viewModel.caseCountProperty());
    }

    private void showStatusFilter(CaseFilter.Status status) {
        for (ToggleButton toggle : new ToggleButton[] {allToggle, failuresToggle, errorsToggle}) {
            toggle.setSelected(toggle.getUserData() == status);
        }
    }

    private void setUpCases() {
        EvalRunColumns.installCases(caseTable);
        SortedList<EvalCaseRow> sorted = new SortedList<>(viewModel.visibleCases());
        sorted.comparatorProperty().bind(caseTable.comparatorProperty());
        caseTable.setItems(sorted);
        caseTable.setPlaceholder(new Label("No case of this run matches the filter."));
        // fitted to the run's cases, not to each filter: columns that jump while one types are hard to read
        viewModel.cases().addListener((ListChangeListener<EvalCaseRow>) change ->
                Platform.runLater(() -> EvalRunColumns.fitToContent(caseTable)));
        caseTable.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null && after != viewModel.selectedCaseProperty().get()) {
                viewModel.selectedCaseProperty().set(after);
            }
        });
        viewModel.selectedCaseProperty().addListener((observable, before, after) -> {
            showCase(after);
            if (after != null && caseTable.getSelectionModel().getSelectedItem() != after) {
                caseTable.getSelectionModel().select(after);
                caseTable.scrollTo(after);
            }
        });
        // the filter changed what is shown: the table's selection follows the view model's
        viewModel.visibleCases().addListener((ListChangeListener<EvalCaseRow>) change -> Platform.runLater(() -> {
            EvalCaseRow chosen = viewModel.selectedCaseProperty().get();
            if (chosen != null && caseTable.getSelectionModel().getSelectedItem() != chosen) {
                caseTable.getSelectionModel().select(chosen);
            }
        }));
        detailScroll.setContent(detail);
        showCase(viewModel.selectedCaseProperty().get());
    }

    private void showCase(EvalCaseRow row) {
        detail.show(row, viewModel.shownRunProperty().get());
        detailScroll.setVvalue(0);
    }

    private void onKey(KeyEvent event) {
        Object target = event.getTarget();
        if (COMPARE.match(event)) {
            compare();
        } else if (CHARTS.match(event)) {
            charts();
        } else if (FIND.match(event)) {
            searchField.requestFocus();
            searchField.selectAll();
        } else if (event.getCode() == KeyCode.ENTER && target == runTable) {
            openCases();
        } else if (event.getCode() == KeyCode.ENTER && target == caseTable) {
            openCase();
        } else if (event.getCode() == KeyCode.ENTER && target == searchField) {
            openCases(); // from the search straight to what it found
        } else if (event.getCode() == KeyCode.T && !event.isShortcutDown() && !(target instanceof TextInputControl)) {
            viewModel.openTrace();
        } else if (event.getCode() == KeyCode.ESCAPE && isInside(target, detailScroll)) {
            caseTable.requestFocus();
        } else if (event.getCode() == KeyCode.ESCAPE && target == caseTable) {
            runTable.requestFocus();
        } else {
            return;
        }
        event.consume();
    }

    /** Enter on a run: into its cases, at the chosen one. */
    private void openCases() {
        caseTable.requestFocus();
        if (caseTable.getSelectionModel().isEmpty() && !caseTable.getItems().isEmpty()) {
            caseTable.getSelectionModel().select(0);
        }
        caseTable.getFocusModel().focus(caseTable.getSelectionModel().getSelectedIndex());
    }

    /** Enter on a case: its detail takes the keys (arrows scroll it, Esc goes back to the cases). */
    private void openCase() {
        EvalCaseRow row = caseTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            viewModel.selectedCaseProperty().set(row);
            detailScroll.setVvalue(0);
            (row.hasTrace() ? detail.openTraceButton() : detailScroll).requestFocus();
        }
    }

    @FXML
    private void compare() {
        List<EvalRunRow> chosen = List.copyOf(runTable.getSelectionModel().getSelectedItems());
        windows.compare(runTable.getScene().getWindow(), viewModel, chosen.isEmpty() && viewModel.selectedRunProperty().get()
                != null ? List.of(viewModel.selectedRunProperty().get()) : chosen);
    }

    @FXML
    private void charts() {
        windows.charts(runTable.getScene().getWindow(), viewModel);
    }

    private static boolean isInside(Object target, Node container) {
        for (Node node = target instanceof Node n ? n : null; node != null; node = node.getParent()) {
            if (node == container) {
                return true;
            }
        }
        return false;
    }
}
