package dev.tracedesk.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.kordamp.ikonli.javafx.FontIcon;

import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.tracedesk.core.task.TaskHandle;
import dev.tracedesk.ingest.ImportQueries.ImportRow;
import dev.tracedesk.ui.ClipboardText;
import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/ingest/ImportsView.fxml}: the import list, the last run's summary, its progress. */
public final class ImportsView {

    /** A summary of a run over many files lists this many; the table has every one. */
    private static final int SUMMARY_LINES = 6;

    private final ImportsViewModel viewModel;

    @FXML private VBox progressPanel;
    @FXML private Label progressTitle;
    @FXML private ProgressBar importProgress;
    @FXML private Label progressMessage;
    @FXML private VBox summaryPanel;
    @FXML private FontIcon summaryIcon;
    @FXML private Label summaryTitle;
    @FXML private Label summaryDetail;
    @FXML private VBox summaryLines;
    @FXML private VBox listPane;
    @FXML private Label listNote;
    @FXML private Button importButton;
    @FXML private Button emptyImportButton;
    @FXML private TableView<ImportRow> importsTable;
    @FXML private TableColumn<ImportRow, String> statusColumn;
    @FXML private TableColumn<ImportRow, String> fileColumn;
    @FXML private TableColumn<ImportRow, String> formatColumn;
    @FXML private TableColumn<ImportRow, String> startedColumn;
    @FXML private TableColumn<ImportRow, Long> readColumn;
    @FXML private TableColumn<ImportRow, Long> importedColumn;
    @FXML private TableColumn<ImportRow, Long> duplicatesColumn;
    @FXML private TableColumn<ImportRow, Long> rejectedColumn;
    @FXML private RejectedRecordsView detailsController;
    @FXML private EmptyState emptyState;

    public ImportsView(ImportsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        showOnlyWhen(emptyState, viewModel.emptyBinding());
        showOnlyWhen(listPane, viewModel.emptyBinding().not());
        listNote.textProperty().bind(viewModel.listNoteProperty());
        importButton.disableProperty().bind(viewModel.runningProperty());
        emptyImportButton.disableProperty().bind(viewModel.runningProperty());
        detailsController.setOnLeave(importsTable::requestFocus);
        setUpTable();
        bindProgress();
        bindSummary();
    }

    private void setUpTable() {
        ZoneId zone = ZoneId.systemDefault();
        ImportTableCells.status(statusColumn, ImportRow::status, ImportRow::message);
        ImportTableCells.textWithTooltip(fileColumn, ImportRow::fileName, ImportRow::path);
        ImportTableCells.textWithTooltip(formatColumn, row -> ImportLabels.formatName(row.format()),
                row -> ImportLabels.formatDescription(row.format()));
        ImportTableCells.textWithTooltip(startedColumn, row -> ImportLabels.started(row.startedAt(), zone, LocalDate.now(zone)),
                row -> ImportLabels.startedExactly(row.startedAt(), zone) + tookSuffix(row));
        ImportTableCells.count(readColumn, ImportRow::read);
        ImportTableCells.count(importedColumn, ImportRow::imported);
        ImportTableCells.count(duplicatesColumn, ImportRow::duplicates);
        ImportTableCells.count(rejectedColumn, ImportRow::rejected);
        importsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        importsTable.setItems(viewModel.rows());
        importsTable.getSelectionModel().selectedItemProperty()
                .addListener((observable, before, after) -> viewModel.select(after));
        viewModel.selectedProperty().addListener((observable, before, after) -> showSelected(after));
        // Reloading replaces the rows, which clears the table's selection; put it back.
        viewModel.rows().addListener((ListChangeListener<ImportRow>) change -> showSelected(viewModel.selectedProperty().get()));

        importsTable.setRowFactory(table -> {
            TableRow<ImportRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    detailsController.focusRecords();
                }
            });
            ContextMenu menu = rowMenu(row);
            row.emptyProperty().addListener((observable, wasEmpty, isEmpty) -> row.setContextMenu(isEmpty ? null : menu));
            return row;
        });
        importsTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && importsTable.getSelectionModel().getSelectedItem() != null) {
                detailsController.focusRecords();
                event.consume();
            }
        });
    }

    private static String tookSuffix(ImportRow row) {
        String took = ImportLabels.took(row.startedAt(), row.finishedAt());
        return took.isEmpty() ? "" : "\ntook " + took;
    }

    private ContextMenu rowMenu(TableRow<ImportRow> row) {
        MenuItem copyPath = new MenuItem("Copy path");
        copyPath.setOnAction(event -> ClipboardText.copy(row.getItem().path()));
        MenuItem copyMessage = new MenuItem("Copy message");
        copyMessage.setOnAction(event -> ClipboardText.copy(row.getItem().message()));
        MenuItem copyId = new MenuItem("Copy import id");
        copyId.setOnAction(event -> ClipboardText.copy(Long.toString(row.getItem().importId())));
        ContextMenu menu = new ContextMenu(copyPath, copyMessage, copyId);
        menu.setOnShowing(event -> copyMessage.setDisable(row.getItem() == null
                || row.getItem().message() == null || row.getItem().message().isBlank()));
        return menu;
    }

    private void showSelected(ImportRow row) {
        if (row == null) {
            importsTable.getSelectionModel().clearSelection();
        } else if (importsTable.getSelectionModel().getSelectedItem() != row) {
            importsTable.getSelectionModel().select(row);
            importsTable.scrollTo(row);
        }
    }

    private void bindProgress() {
        showOnlyWhen(progressPanel, viewModel.runningImportProperty().isNotNull());
        var task = viewModel.runningImportProperty();
        progressTitle.textProperty().bind(task.map(handle -> handle.title() + "…").orElse(""));
        importProgress.progressProperty().bind(task.flatMap(TaskHandle::progressProperty).orElse(0));
        progressMessage.textProperty().bind(task.flatMap(TaskHandle::messageProperty).orElse(""));
    }

    private void bindSummary() {
        showOnlyWhen(summaryPanel, viewModel.lastSummaryProperty().isNotNull());
        viewModel.lastSummaryProperty().addListener((observable, before, after) -> showSummary(after));
        showSummary(viewModel.lastSummaryProperty().get());
    }

    private void showSummary(ImportSummary summary) {
        summaryPanel.getStyleClass().removeAll("tone-success", "tone-warning", "tone-failure");
        summaryLines.getChildren().clear();
        if (summary == null) {
            return;
        }
        summaryPanel.getStyleClass().add("tone-" + summary.tone().name().toLowerCase(java.util.Locale.ROOT));
        summaryIcon.setIconLiteral(switch (summary.tone()) {
            case SUCCESS -> "fth-check-circle";
            case WARNING -> "fth-alert-triangle";
            case FAILURE -> "fth-x-circle";
        });
        summaryTitle.setText(summary.title());
        summaryDetail.setText(summary.detail());
        List<ImportSummary.FileLine> lines = summary.lines();
        lines.stream().limit(SUMMARY_LINES).forEach(line -> summaryLines.getChildren().add(summaryLine(line)));
        if (lines.size() > SUMMARY_LINES) {
            Label more = new Label("… and " + (lines.size() - SUMMARY_LINES) + " more files, listed in the table below.");
            more.getStyleClass().add("text-muted");
            summaryLines.getChildren().add(more);
        }
    }

    /** One line per file ("name — Status · counts"), and the file's message under it when there is one. */
    private Node summaryLine(ImportSummary.FileLine line) {
        FontIcon icon = new FontIcon(line.statusIcon());
        Label name = new Label(line.fileName() + " — " + line.status());
        name.getStyleClass().add("import-summary-file");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label counts = new Label(line.counts().isEmpty() ? "" : "· " + line.counts());
        counts.getStyleClass().add("text-muted");
        HBox first = new HBox(6, name, counts);
        VBox text = new VBox(2, first);
        HBox.setHgrow(text, Priority.ALWAYS);
        if (!line.message().isEmpty()) {
            Label message = new Label(line.message());
            message.setWrapText(true);
            message.setMinHeight(Region.USE_PREF_SIZE);
            text.getChildren().add(message);
        }
        HBox box = new HBox(8, icon, text);
        box.getStyleClass().addAll("import-summary-line", line.statusStyle());
        if (line.importId() != null) {
            box.getStyleClass().add("clickable");
            box.setOnMouseClicked(event -> viewModel.selectImport(line.importId()));
        }
        return box;
    }

    private static void showOnlyWhen(Node node, ObservableBooleanValue condition) {
        node.managedProperty().bind(node.visibleProperty());
        node.visibleProperty().bind(condition);
    }

    @FXML
    private void chooseFiles() {
        List<Path> files = ImportFileChooser.choose(importsTable.getScene().getWindow(),
                viewModel.chooserFolderProperty().get());
        viewModel.importFiles(files);
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void cancelImport() {
        viewModel.cancelImport();
    }

    @FXML
    private void dismissSummary() {
        viewModel.dismissSummary();
    }
}
