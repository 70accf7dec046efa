package dev.tracedesk.ingest;

import java.nio.file.Path;

import org.kordamp.ikonli.javafx.FontIcon;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.tracedesk.ingest.ImportQueries.ImportRow;
import dev.tracedesk.ingest.RejectedRecordQueries.RejectedSummary;
import dev.tracedesk.ui.ClipboardText;

/**
 * Controller of {@code /fxml/ingest/RejectedRecordsView.fxml}, included in the Imports section:
 * the selected import's path and message, its rejected records, and the raw text of one.
 */
public final class RejectedRecordsView {

    private static final String[] STATUS_STYLES =
            {"status-running", "status-success", "status-warning", "status-muted", "status-danger"};

    /** A reason longer than this is cut above the raw text, so the text keeps its room; the tooltip has it all. */
    private static final int REASON_CHARS = 400;

    private final RejectedRecordsViewModel viewModel;
    private final MappingDialogOpener mappingDialogs;
    private Runnable onLeave = () -> { };

    @FXML private Label nothingSelected;
    @FXML private VBox detailsPane;
    @FXML private FontIcon statusIcon;
    @FXML private Label fileNameLabel;
    @FXML private Label statusLabel;
    @FXML private Label pathLabel;
    @FXML private Label messageLabel;
    @FXML private HBox mapOffer;
    @FXML private Label listNoteLabel;
    @FXML private SplitPane recordsPane;
    @FXML private TableView<RejectedSummary> recordsTable;
    @FXML private TableColumn<RejectedSummary, String> whereColumn;
    @FXML private TableColumn<RejectedSummary, String> reasonColumn;
    @FXML private Label recordTitleLabel;
    @FXML private Label recordReasonLabel;
    @FXML private Label rawTextNoteLabel;
    @FXML private TextArea rawTextArea;

    /** @param mappingDialogs opens the field-mapping dialog for a file no reader recognised */
    public RejectedRecordsView(RejectedRecordsViewModel viewModel, MappingDialogOpener mappingDialogs) {
        this.viewModel = viewModel;
        this.mappingDialogs = mappingDialogs;
    }

    @FXML
    private void initialize() {
        var shown = viewModel.shownImportProperty();
        showOnlyWhen(nothingSelected, shown.isNull());
        showOnlyWhen(detailsPane, shown.isNotNull());
        showOnlyWhen(recordsPane, Bindings.createBooleanBinding(
                () -> shown.get() != null && shown.get().rejected() > 0, shown));
        shown.addListener((observable, before, after) -> showImport(after));
        showImport(shown.get());
        listNoteLabel.textProperty().bind(viewModel.listNoteProperty());
        rawTextArea.textProperty().bind(viewModel.rawTextProperty());
        rawTextNoteLabel.textProperty().bind(viewModel.rawTextNoteProperty());
        showOnlyWhen(rawTextNoteLabel, viewModel.rawTextNoteProperty().isNotEmpty());
        showOnlyWhen(mapOffer, viewModel.mappableFileProperty().isNotNull());
        setUpTable();
    }

    @FXML
    private void mapFields() {
        Path file = viewModel.mappableFileProperty().get();
        if (file != null) {
            mappingDialogs.open(mapOffer.getScene().getWindow(), file);
        }
    }

    /** Called when the user leaves the records with Escape; the section puts the focus back on its list. */
    void setOnLeave(Runnable onLeave) {
        this.onLeave = onLeave;
    }

    /** "Opens" the import: moves the focus to its rejected records, the first one selected. */
    void focusRecords() {
        if (recordsTable.getItems().isEmpty()) {
            return;
        }
        if (recordsTable.getSelectionModel().isEmpty()) {
            recordsTable.getSelectionModel().selectFirst();
        }
        recordsTable.requestFocus();
    }

    private void setUpTable() {
        ImportTableCells.textWithTooltip(whereColumn, RejectedSummary::where, RejectedSummary::where);
        ImportTableCells.textWithTooltip(reasonColumn, record -> ImportLabels.firstLine(record.reason()), RejectedSummary::reason);
        recordsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        recordsTable.setItems(viewModel.records());
        var record = viewModel.selectedRecordProperty();
        recordTitleLabel.textProperty().bind(record.map(selected -> "Rejected at " + selected.where()).orElse("Raw text"));
        recordReasonLabel.textProperty().bind(record.map(selected -> ImportLabels.abbreviate(selected.reason(), REASON_CHARS))
                .orElse(""));
        recordReasonLabel.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip wholeReason = new Tooltip();
        wholeReason.setWrapText(true);
        wholeReason.setMaxWidth(560);
        wholeReason.textProperty().bind(record.map(RejectedSummary::reason).orElse(""));
        recordReasonLabel.setTooltip(wholeReason);
        showOnlyWhen(recordReasonLabel, record.isNotNull());
        recordsTable.getSelectionModel().selectedItemProperty()
                .addListener((observable, before, after) -> viewModel.selectRecord(after));
        viewModel.selectedRecordProperty().addListener((observable, before, after) -> showSelectedRecord(after));
        viewModel.records().addListener((ListChangeListener<RejectedSummary>) change ->
                showSelectedRecord(viewModel.selectedRecordProperty().get()));
        recordsTable.setRowFactory(table -> {
            TableRow<RejectedSummary> row = new TableRow<>();
            ContextMenu menu = recordMenu(row);
            row.emptyProperty().addListener((observable, wasEmpty, isEmpty) -> row.setContextMenu(isEmpty ? null : menu));
            return row;
        });
        recordsTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                onLeave.run();
                event.consume();
            }
        });
    }

    private ContextMenu recordMenu(TableRow<RejectedSummary> row) {
        MenuItem copyRaw = new MenuItem("Copy raw text (as shown)");
        copyRaw.setOnAction(event -> ClipboardText.copy(viewModel.rawTextProperty().get()));
        MenuItem copyReason = new MenuItem("Copy reason");
        copyReason.setOnAction(event -> ClipboardText.copy(row.getItem().reason()));
        MenuItem copyWhere = new MenuItem("Copy location");
        copyWhere.setOnAction(event -> ClipboardText.copy(row.getItem().where()));
        return new ContextMenu(copyRaw, copyReason, copyWhere);
    }

    private void showSelectedRecord(RejectedSummary record) {
        if (record == null) {
            recordsTable.getSelectionModel().clearSelection();
        } else if (recordsTable.getSelectionModel().getSelectedItem() != record) {
            recordsTable.getSelectionModel().select(record);
        }
    }

    private void showImport(ImportRow row) {
        statusLabel.getStyleClass().removeAll(STATUS_STYLES);
        statusIcon.getStyleClass().removeAll(STATUS_STYLES);
        if (row == null) {
            return;
        }
        ImportLabels.StatusLook look = ImportLabels.status(row.status());
        fileNameLabel.setText(row.fileName());
        statusIcon.setIconLiteral(look.iconLiteral());
        statusIcon.getStyleClass().add(look.styleClass());
        statusLabel.setText(look.text() + " · " + ImportLabels.formatName(row.format()) + " · import " + row.importId());
        statusLabel.getStyleClass().add(look.styleClass());
        pathLabel.setText(row.path());
        String message = row.message() == null ? "" : row.message();
        messageLabel.setText(message);
        messageLabel.setVisible(!message.isBlank());
        messageLabel.setManaged(!message.isBlank());
    }

    private static void showOnlyWhen(Node node, ObservableBooleanValue condition) {
        node.managedProperty().bind(node.visibleProperty());
        node.visibleProperty().bind(condition);
    }
}
