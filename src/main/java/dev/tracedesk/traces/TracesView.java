package dev.tracedesk.traces;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.control.SplitPane;

import dev.tracedesk.search.SearchHit;
import dev.tracedesk.ui.EmptyState;

/**
 * Controller of {@code /fxml/traces/TracesView.fxml}: filter sidebar, search box, the table of
 * traces or LLM calls (sorted by the store, paged as it scrolls), and the opened trace.
 * Ctrl+F focuses the search; Enter opens the selected row; Alt+Left / Alt+Right go back / forward;
 * Ctrl+Shift+S saves the view (the Views menu: filters, search, sort and columns by name).
 */
public final class TracesView {

    private static final javafx.scene.input.KeyCombination ADD_TO_DATASET =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+A");

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BACK = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    private static final KeyCombination FORWARD = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
    private static final KeyCombination SAVE_VIEW = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final TracesViewModel viewModel;

    @FXML private SplitPane split;
    @FXML private ScrollPane sidebarScroll;
    @FXML private VBox listPane;
    @FXML private TextField searchField;
    @FXML private ToggleButton llmCallsToggle;
    @FXML private Button clearFiltersButton;
    @FXML private MenuButton viewsMenu;
    @FXML private Label viewNote;
    @FXML private Label listNote;
    @FXML private Label searchNote;
    @FXML private ListView<SearchHit> hitsList;
    @FXML private TableView<TraceRow> tracesTable;
    @FXML private TableColumn<TraceRow, String> timeColumn;
    @FXML private TableColumn<TraceRow, String> nameColumn;
    @FXML private TableColumn<TraceRow, String> modelColumn;
    @FXML private TableColumn<TraceRow, String> promptColumn;
    @FXML private TableColumn<TraceRow, String> latencyColumn;
    @FXML private TableColumn<TraceRow, String> tokensColumn;
    @FXML private TableColumn<TraceRow, String> costColumn;
    @FXML private TableColumn<TraceRow, String> statusColumn;
    @FXML private TableColumn<TraceRow, String> spansColumn;
    @FXML private TableColumn<TraceRow, ReviewMark> flagsColumn;
    @FXML private TableColumn<TraceRow, ReviewMark> verdictColumn;
    @FXML private EmptyState noMatchesState;
    @FXML private EmptyState emptyState;
    @FXML private StackPane detailHolder;
    @FXML private Label noTraceOpen;
    @FXML private Label datasetNote;
    private SavedViewsMenu savedViewsMenu;
    private final AddToDataset addToDataset;

    public TracesView(TracesViewModel viewModel) {
        this(viewModel, AddToDataset.NONE);
    }

    /** @param addToDataset what "Add to golden set" does with the calls chosen in the table */
    public TracesView(TracesViewModel viewModel, AddToDataset addToDataset) {
        this.viewModel = viewModel;
        this.addToDataset = addToDataset;
    }

    @FXML
    private void initialize() {
        var emptiness = viewModel.emptinessProperty();
        showOnlyWhen(emptyState, emptiness.isEqualTo(TracesViewModel.Emptiness.NO_TRACES));
        showOnlyWhen(split, emptiness.isNotEqualTo(TracesViewModel.Emptiness.NO_TRACES));
        showOnlyWhen(noMatchesState, emptiness.isEqualTo(TracesViewModel.Emptiness.NO_MATCHES));
        sidebarScroll.setContent(new FilterSidebar(viewModel));
        listNote.textProperty().bind(viewModel.listNoteProperty());
        searchNote.textProperty().bind(viewModel.searchNoteProperty());
        llmCallsToggle.selectedProperty().bindBidirectional(viewModel.llmCallsProperty());
        setUpSearch();
        setUpTable();
        setUpSavedViews();
        setUpDetail();
        split.sceneProperty().addListener((observable, before, scene) -> {
            if (scene != null) {
                split.getParent().addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
            }
        });
        var css = TracesView.class.getResource("/css/traces.css");
        if (css != null) {
            ((StackPane) split.getParent()).getStylesheets().add(css.toExternalForm());
        }
    }

    private void onKey(KeyEvent event) {
        if (FIND.match(event)) {
            searchField.requestFocus();
            searchField.selectAll();
            event.consume();
        } else if (BACK.match(event)) {
            viewModel.trace().goBack();
            event.consume();
        } else if (FORWARD.match(event)) {
            viewModel.trace().goForward();
            event.consume();
        } else if (SAVE_VIEW.match(event)) {
            event.consume();
            savedViewsMenu.saveAs();
        }
    }

    private void setUpSearch() {
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        searchField.disableProperty().bind(viewModel.searchAvailableProperty().not());
        // A disabled control shows no tooltip, so the reason sits in the prompt text as well.
        viewModel.searchAvailableProperty().addListener((observable, before, available) -> describeSearch(available));
        describeSearch(viewModel.searchAvailableProperty().get());
        searchField.setOnAction(event -> viewModel.search());
        searchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                viewModel.search();
                tracesTable.requestFocus();
            } else if (event.getCode() == KeyCode.DOWN) {
                tracesTable.requestFocus();
            }
        });
        hitsList.setItems(viewModel.hits());
        showOnlyWhen(hitsList, javafx.beans.binding.Bindings.isNotEmpty(viewModel.hits()));
        hitsList.setCellFactory(list -> new SearchHitCell());
        hitsList.setOnMouseClicked(event -> openHit(hitsList.getSelectionModel().getSelectedItem()));
        hitsList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openHit(hitsList.getSelectionModel().getSelectedItem());
            }
        });
    }

    private void describeSearch(boolean available) {
        String why = "Full-text search is not available in this build";
        searchField.setTooltip(available ? null : new Tooltip(why));
        searchField.setPromptText(available ? "Search prompts, outputs, documents (Ctrl+F)" : why);
    }

    private void openHit(SearchHit hit) {
        if (hit != null) {
            viewModel.trace().open(hit.externalTraceId(), hit.externalSpanId());
        }
    }

    private void setUpTable() {
        ZoneId zone = ZoneId.systemDefault();
        text(timeColumn, row -> TraceFormat.time(row.startNs(), zone), TraceSort.Column.TIME);
        text(nameColumn, TraceRow::name, TraceSort.Column.NAME);
        text(modelColumn, row -> String.join(", ", row.servedModels()), null);
        text(promptColumn, row -> String.join(", ", row.prompts()), null);
        text(latencyColumn, row -> TraceFormat.duration(row.latencyNs()), TraceSort.Column.LATENCY);
        text(tokensColumn, row -> TraceFormat.tokens(row.tokens()), TraceSort.Column.TOKENS);
        text(costColumn, row -> TraceFormat.cost(row.costUsd(), row.costEstimated()), TraceSort.Column.COST);
        text(statusColumn, TraceRow::status, TraceSort.Column.STATUS);
        text(spansColumn, row -> Long.toString(row.spanCount()), TraceSort.Column.SPANS);
        List.of(latencyColumn, tokensColumn, costColumn, spansColumn).forEach(c -> c.getStyleClass().add("numeric"));
        review(flagsColumn, ReviewMark::flagsText, "review-flags");
        review(verdictColumn, ReviewMark::verdictText, "review-verdict");
        tracesTable.setItems(viewModel.rows());
        tracesTable.setRowFactory(table -> {
            TableRow<TraceRow> row = new TableRow<>() {
                @Override
                protected void updateItem(TraceRow item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("row-error");
                    if (!empty && item != null && "ERROR".equals(item.status())) {
                        getStyleClass().add("row-error");
                    }
                    // The last loaded row came into view: fetch the next page before the user gets there.
                    if (!empty && getIndex() >= table.getItems().size() - 1) {
                        viewModel.loadMore();
                    }
                }
            };
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        tracesTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                open(tracesTable.getSelectionModel().getSelectedItem());
                event.consume();
            } else if (ADD_TO_DATASET.match(event)) {
                addSelectedCalls();
                event.consume();
            }
        });
        tracesTable.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        javafx.scene.control.MenuItem add = new javafx.scene.control.MenuItem("Add the chosen calls to a golden set");
        add.setAccelerator(ADD_TO_DATASET);
        add.setOnAction(event -> addSelectedCalls());
        tracesTable.setContextMenu(new javafx.scene.control.ContextMenu(add));
    }

    /** The chosen rows that are LLM calls go to the golden set; a trace row (no call) is left out. */
    private void addSelectedCalls() {
        List<Long> calls = tracesTable.getSelectionModel().getSelectedItems().stream()
                .map(TraceRow::spanRowId).filter(java.util.Objects::nonNull).distinct().toList();
        if (calls.isEmpty()) {
            datasetNote.setText("Turn on \"LLM calls\" and choose calls to add them to a golden set.");
            return;
        }
        addToDataset.addCalls(tracesTable.getScene().getWindow(), calls, datasetNote::setText);
    }

    private void setUpSavedViews() {
        savedViewsMenu = new SavedViewsMenu(viewsMenu, viewModel.savedViews());
        viewNote.textProperty().bind(viewModel.savedViews().messageProperty());
        // A saved view also holds the table's sort and columns, which only the table knows.
        TableSortAndColumnsSync.keepInStep(tracesTable, Map.ofEntries(Map.entry(timeColumn, "time"),
                Map.entry(nameColumn, "name"), Map.entry(modelColumn, "model"), Map.entry(promptColumn, "prompt"),
                Map.entry(latencyColumn, "latency"), Map.entry(tokensColumn, "tokens"), Map.entry(costColumn, "cost"),
                Map.entry(statusColumn, "status"), Map.entry(spansColumn, "spans"), Map.entry(flagsColumn, "flags"),
                Map.entry(verdictColumn, "verdict")), viewModel);
    }

    private void open(TraceRow row) {
        if (row != null) {
            viewModel.trace().open(row.traceId(), row.spanId());
        }
    }

    private void setUpDetail() {
        TraceDetailPane detail = new TraceDetailPane(viewModel.trace(), viewModel);
        detailHolder.getChildren().add(detail);
        showOnlyWhen(detail, viewModel.trace().traceProperty().isNotNull());
        showOnlyWhen(noTraceOpen, viewModel.trace().traceProperty().isNull());
        // the table gets the room while no trace is open; opening one makes room for it
        viewModel.trace().traceProperty().addListener((property, before, now) -> {
            if (before == null && now != null) {
                split.setDividerPosition(1, OPEN_TRACE_DIVIDER);
            } else if (now == null) {
                split.setDividerPosition(1, NO_TRACE_DIVIDER);
            }
        });
        split.setDividerPosition(1, viewModel.trace().traceProperty().get() == null ? NO_TRACE_DIVIDER : OPEN_TRACE_DIVIDER);
    }

    private static final double OPEN_TRACE_DIVIDER = 0.58;
    private static final double NO_TRACE_DIVIDER = 0.86;

    @FXML
    private void clearFilters() {
        viewModel.clearFilters();
        tracesTable.getSortOrder().clear();
    }

    private static void text(TableColumn<TraceRow, String> column, Function<TraceRow, String> value, TraceSort.Column sortBy) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(Objects.requireNonNullElse(value.apply(cell.getValue()), "")));
        column.setUserData(sortBy);
        column.setSortable(sortBy != null);
    }

    /**
     * A review column: the row's {@link ReviewMark} shown as {@code text}, the flag reasons and the
     * verdict in a tooltip, and a style class per verdict ("verdict-fail"). Not sortable: the marks
     * are read for the loaded page only, so the store cannot order by them.
     */
    private static void review(TableColumn<TraceRow, ReviewMark> column, Function<ReviewMark, String> text, String styleClass) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().review()));
        column.setUserData(null);
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add(styleClass);
            }

            @Override
            protected void updateItem(ReviewMark mark, boolean empty) {
                super.updateItem(mark, empty);
                getStyleClass().removeIf(name -> name.startsWith("verdict-"));
                if (empty || mark == null || mark.items() == 0) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text.apply(mark));
                if (mark.verdict() != null) {
                    getStyleClass().add("verdict-" + mark.verdict().label());
                }
                setTooltip(new Tooltip(describe(mark)));
            }
        });
    }

    /** "2 review items · verdict: fail" and then each flag reason on its own line. */
    static String describe(ReviewMark mark) {
        StringBuilder text = new StringBuilder(mark.items() == 1 ? "1 review item" : mark.items() + " review items");
        text.append(mark.verdict() == null ? " · not labeled yet" : " · verdict: " + mark.verdict().label());
        mark.reasons().forEach(reason -> text.append('\n').append(reason));
        return text.toString();
    }

    private static void showOnlyWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
