package dev.tracedesk.datasets;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/datasets/DatasetsView.fxml}: datasets, their versions, a version's items. */
public final class DatasetsView {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.systemDefault());
    private static final KeyCombination NEW = KeyCombination.keyCombination("Shortcut+N");
    private static final KeyCombination PUBLISH = KeyCombination.keyCombination("Shortcut+P");
    private static final KeyCombination TAG = KeyCombination.keyCombination("Shortcut+T");
    private static final KeyCombination EXPORT = KeyCombination.keyCombination("Shortcut+E");

    private final DatasetsViewModel viewModel;
    private final ItemDetailPane detail = new ItemDetailPane();

    @FXML
    private EmptyState emptyState;
    @FXML
    private BorderPane browser;
    @FXML
    private ListView<DatasetSummary> datasetList;
    @FXML
    private ListView<DatasetVersion> versionList;
    @FXML
    private Label versionTitle;
    @FXML
    private Label versionTags;
    @FXML
    private Label datasetDescription;
    @FXML
    private Label versionFacts;
    @FXML
    private Label comparisonLabel;
    @FXML
    private Button publishButton;
    @FXML
    private Button tagButton;
    @FXML
    private Button exportButton;
    @FXML
    private SplitPane itemSplit;
    @FXML
    private TableView<ItemRow> itemTable;
    @FXML
    private ScrollPane detailScroll;
    @FXML
    private Label statusLabel;

    public DatasetsView(DatasetsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        StackPane root = (StackPane) browser.getParent();
        var css = DatasetsView.class.getResource("/css/datasets.css");
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
        emptyState.setTitle("No datasets yet");
        var none = Bindings.isEmpty(viewModel.datasets());
        emptyState.visibleProperty().bind(none);
        browser.visibleProperty().bind(none.not());
        setUpLists();
        setUpVersionHeader();
        ItemTableColumns.install(itemTable);
        itemTable.setItems(viewModel.items());
        itemTable.setPlaceholder(new Label("No items in this version. On the review desk, A adds the item on screen."));
        itemTable.setRowFactory(table -> splitMenuRow());
        itemTable.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> detail.show(after));
        // a version's items arrive: the first one's detail shows at once, so the pane is never blank
        viewModel.items().addListener((javafx.collections.ListChangeListener<ItemRow>) change -> {
            if (!viewModel.items().isEmpty() && itemTable.getSelectionModel().isEmpty()) {
                itemTable.getSelectionModel().select(0);
            }
        });
        detailScroll.setContent(detail);
        statusLabel.textProperty().bind(viewModel.statusProperty());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.sceneProperty().addListener((observable, before, scene) -> {
            if (scene != null) {
                viewModel.refresh();
                // the section's keys (Ctrl+N, P, T, E) need the focus inside it, without a click
                javafx.application.Platform.runLater(() -> (browser.isVisible() ? datasetList : root).requestFocus());
            }
        });
    }

    private void setUpLists() {
        datasetList.setItems(viewModel.datasets());
        datasetList.setCellFactory(list -> new DatasetCells.DatasetCell());
        datasetList.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null && after != viewModel.selectedDatasetProperty().get()) {
                viewModel.selectedDatasetProperty().set(after);
            }
        });
        viewModel.selectedDatasetProperty().addListener((observable, before, after) -> {
            if (after != null && datasetList.getSelectionModel().getSelectedItem() != after) {
                datasetList.getSelectionModel().select(after);
            }
        });
        versionList.setItems(viewModel.versions());
        versionList.setCellFactory(list -> new DatasetCells.VersionCell());
        versionList.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null && after != viewModel.selectedVersionProperty().get()) {
                viewModel.selectedVersionProperty().set(after);
            }
        });
        viewModel.selectedVersionProperty().addListener((observable, before, after) -> {
            if (after != null && versionList.getSelectionModel().getSelectedItem() != after) {
                versionList.getSelectionModel().select(after);
            }
        });
    }

    private void setUpVersionHeader() {
        var version = viewModel.selectedVersionProperty();
        versionTitle.textProperty().bind(Bindings.createStringBinding(() -> version.get() == null ? ""
                : version.get().label(), version));
        versionTags.textProperty().bind(Bindings.createStringBinding(() -> version.get() == null ? ""
                : String.join("  ", version.get().tags()), version));
        versionTags.visibleProperty().bind(versionTags.textProperty().isNotEmpty());
        versionFacts.textProperty().bind(Bindings.createStringBinding(() -> DatasetCells.facts(version.get()), version));
        comparisonLabel.textProperty().bind(viewModel.comparisonProperty());
        var dataset = viewModel.selectedDatasetProperty();
        datasetDescription.textProperty().bind(Bindings.createStringBinding(() -> dataset.get() == null
                || dataset.get().description() == null ? "" : dataset.get().description(), dataset));
        datasetDescription.managedProperty().bind(datasetDescription.textProperty().isNotEmpty());
        var noVersion = version.isNull();
        exportButton.disableProperty().bind(noVersion);
        tagButton.disableProperty().bind(Bindings.createBooleanBinding(() -> version.get() == null
                || version.get().isDraft(), version));
        publishButton.disableProperty().bind(viewModel.selectedDatasetProperty().isNull());
    }

    private void onKey(KeyEvent event) {
        if (NEW.match(event)) {
            newDataset();
        } else if (PUBLISH.match(event)) {
            publish();
        } else if (TAG.match(event) && !tagButton.isDisabled()) {
            tag();
        } else if (EXPORT.match(event) && !exportButton.isDisabled()) {
            export();
        } else if (event.getCode() == KeyCode.DELETE && event.getTarget() == itemTable) {
            ItemRow row = itemTable.getSelectionModel().getSelectedItem();
            if (row != null) {
                viewModel.remove(row.item().itemKey());
            }
        } else {
            return;
        }
        event.consume();
    }

    /** A row's menu moves the item to another split (in the draft). */
    private TableRow<ItemRow> splitMenuRow() {
        TableRow<ItemRow> row = new TableRow<>();
        ContextMenu menu = new ContextMenu();
        for (String split : new String[] {Datasets.TRAIN, Datasets.TEST}) {
            MenuItem move = new MenuItem("Move to " + split);
            move.setOnAction(event -> viewModel.setSplit(row.getItem().item().itemKey(), split));
            menu.getItems().add(move);
        }
        MenuItem other = new MenuItem("Move to another split…");
        other.setOnAction(event -> ask("Split", "Which split? Letters, digits, _ . or -", "validation")
                .ifPresent(split -> viewModel.setSplit(row.getItem().item().itemKey(), split)));
        MenuItem remove = new MenuItem("Remove from the draft");
        remove.setOnAction(event -> viewModel.remove(row.getItem().item().itemKey()));
        menu.getItems().addAll(other, remove);
        row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
        return row;
    }

    private java.util.Optional<String> ask(String title, String header, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(browser.getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        return dialog.showAndWait().map(String::trim).filter(text -> !text.isEmpty());
    }

    @FXML
    private void newDataset() {
        NewDatasetDialog.show(browser.getScene().getWindow())
                .ifPresent(made -> viewModel.create(made.name(), made.description()));
    }

    @FXML
    private void publish() {
        viewModel.previewPublish(preview -> PublishDialog.show(browser.getScene().getWindow(), preview)
                .ifPresent(viewModel::publish));
    }

    @FXML
    private void tag() {
        DatasetVersion version = viewModel.selectedVersionProperty().get();
        if (version != null) {
            ask("Tag " + version.label(), "Name this version (prod, v2-baseline…). A tag names one version at a time.", "")
                    .ifPresent(viewModel::tag);
        }
    }

    @FXML
    private void export() {
        DatasetVersion version = viewModel.selectedVersionProperty().get();
        if (version != null) {
            viewModel.loadRedactionChoices(choices -> ExportDialog.show(browser.getScene().getWindow(), version,
                    choices, viewModel.exportFolder()).ifPresent(request -> viewModel.export(request, result -> { })));
        }
    }
}
