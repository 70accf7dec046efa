package dev.tracedesk.ingest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kordamp.ikonli.javafx.FontIcon;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import dev.tracedesk.ingest.MappingDialogViewModel.State;
import dev.tracedesk.ingest.generic.FieldMapping.Field;
import dev.tracedesk.ingest.generic.FileSample.FoundField;
import dev.tracedesk.ingest.generic.PreviewRow;
import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/ingest/MappingDialogView.fxml}: the field-mapping dialog for a generic log. */
public final class MappingDialogView {

    /** The choice that leaves a field unmapped; shown in words in the list. */
    private static final String UNMAPPED = "";

    private final MappingDialogViewModel viewModel;
    /** The fields found, as the choices of every row; "" first, to unmap. */
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final Map<String, String> examples = new HashMap<>();

    @FXML private BorderPane root;
    @FXML private Label fileNameLabel;
    @FXML private Label shapeLabel;
    @FXML private HBox nameRow;
    @FXML private TextField nameField;
    @FXML private ComboBox<String> savedMappingChoice;
    @FXML private Label nameNoteLabel;
    @FXML private SplitPane mappingPane;
    @FXML private Label fieldsHint;
    @FXML private GridPane fieldsGrid;
    @FXML private Label previewNoteLabel;
    @FXML private TableView<PreviewRow> previewTable;
    @FXML private TableColumn<PreviewRow, Long> lineColumn;
    @FXML private TableColumn<PreviewRow, String> nameColumn;
    @FXML private TableColumn<PreviewRow, String> modelColumn;
    @FXML private TableColumn<PreviewRow, String> inputColumn;
    @FXML private TableColumn<PreviewRow, String> outputColumn;
    @FXML private TableColumn<PreviewRow, String> tokensColumn;
    @FXML private TableColumn<PreviewRow, String> costColumn;
    @FXML private TableColumn<PreviewRow, String> problemColumn;
    @FXML private Node loadingPane;
    @FXML private EmptyState errorPane;
    @FXML private VBox problemsBox;
    @FXML private Label saveErrorLabel;
    @FXML private Button saveButton;

    public MappingDialogView(MappingDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(MappingDialogView.class.getResource("/css/tracedesk.css").toExternalForm());
        var state = viewModel.stateProperty();
        showOnlyWhen(mappingPane, state.isEqualTo(State.READY));
        showOnlyWhen(loadingPane, state.isEqualTo(State.LOADING));
        showOnlyWhen(errorPane, state.isEqualTo(State.FAILED));
        nameRow.disableProperty().bind(state.isNotEqualTo(State.READY));
        errorPane.descriptionProperty().bind(viewModel.loadErrorProperty());
        fileNameLabel.setText(viewModel.fileName());
        fileNameLabel.setTooltip(new Tooltip(viewModel.file().toString()));
        shapeLabel.textProperty().bind(viewModel.shapeTextProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        nameNoteLabel.textProperty().bind(viewModel.nameNoteProperty());
        savedMappingChoice.setItems(viewModel.savedMappingNames());
        savedMappingChoice.disableProperty().bind(Bindings.isEmpty(viewModel.savedMappingNames()));
        savedMappingChoice.setOnAction(event -> {
            if (savedMappingChoice.getValue() != null) {
                viewModel.startFrom(savedMappingChoice.getValue());
            }
        });
        viewModel.foundFields().addListener((ListChangeListener<FoundField>) change -> showFoundFields());
        showFoundFields();
        buildFieldRows();
        setUpPreview();
        viewModel.problems().addListener((ListChangeListener<String>) change -> showProblems());
        showProblems();
        saveErrorLabel.textProperty().bind(viewModel.saveErrorProperty());
        showOnlyWhen(saveErrorLabel, viewModel.saveErrorProperty().isNotEmpty());
        saveButton.disableProperty().bind(viewModel.canSaveBinding().not());
        saveButton.textProperty().bind(Bindings.when(viewModel.savingProperty())
                .then("Saving…").otherwise("Save and import"));
    }

    /** Shows the dialog over {@code owner}; it closes itself once the import has started, or on Cancel / Esc. */
    public void showIn(Window owner, Parent loadedRoot) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Import with field mapping — " + viewModel.fileName());
        stage.setScene(new Scene(loadedRoot));
        viewModel.finishedProperty().addListener((observable, was, finished) -> {
            if (finished) {
                stage.close();
            }
        });
        stage.show();
    }

    private void buildFieldRows() {
        int row = 0;
        for (Field field : Field.values()) {
            Label label = new Label(field.key());
            label.setTooltip(new Tooltip(field.description()));
            label.setMinWidth(Label.USE_PREF_SIZE);
            ComboBox<String> source = new ComboBox<>(choices);
            source.setId("source-" + field.key());
            source.setEditable(true);
            source.setMaxWidth(Double.MAX_VALUE);
            source.setPromptText("not mapped");
            source.setTooltip(new Tooltip(field.description()));
            source.setCellFactory(list -> new FoundFieldCell());
            source.valueProperty().bindBidirectional(viewModel.sourceProperty(field));
            // The preview follows typing, not only a committed value.
            source.getEditor().textProperty().addListener((observable, before, typed) ->
                    viewModel.sourceProperty(field).set(typed));
            GridPane.setHgrow(source, Priority.ALWAYS);
            fieldsGrid.addRow(row++, label, source);
        }
    }

    private void showFoundFields() {
        examples.clear();
        viewModel.foundFields().forEach(found -> examples.put(found.source(), found.example()));
        choices.setAll(UNMAPPED);
        viewModel.foundFields().forEach(found -> choices.add(found.source()));
        boolean csv = viewModel.foundFields().stream().noneMatch(found -> found.source().startsWith("/"));
        fieldsHint.setText(viewModel.foundFields().isEmpty() ? ""
                : csv ? "Pick the column each field is read from, or type its name."
                : "Pick where each field is in a record, or type a JSON pointer such as /usage/prompt_tokens.");
    }

    private void setUpPreview() {
        lineColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().lineNumber()));
        ImportTableCells.textWithTooltip(nameColumn, row -> orEmpty(row.name()), row -> orEmpty(row.name()));
        ImportTableCells.textWithTooltip(modelColumn, PreviewRow::model, PreviewRow::model);
        ImportTableCells.textWithTooltip(inputColumn, row -> orEmpty(row.input()), row -> orEmpty(row.input()));
        ImportTableCells.textWithTooltip(outputColumn, row -> orEmpty(row.output()), row -> orEmpty(row.output()));
        ImportTableCells.text(tokensColumn, PreviewRow::tokens);
        ImportTableCells.text(costColumn, row -> row.costUsd() == null ? "" : plain(row.costUsd()));
        ImportTableCells.textWithTooltip(problemColumn, MappingDialogView::problemText, MappingDialogView::problemText);
        previewTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        previewTable.setItems(viewModel.previewRows());
        previewTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(PreviewRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("preview-rejected");
                if (!empty && item != null && item.rejected()) {
                    getStyleClass().add("preview-rejected");
                }
            }
        });
        previewNoteLabel.textProperty().bind(viewModel.previewNoteProperty());
    }

    private static String problemText(PreviewRow row) {
        if (row.rejected()) {
            return "Rejected: " + row.rejection();
        }
        return row.error() == null ? "" : "Failed call: " + row.error();
    }

    private static String plain(BigDecimal cost) {
        return "$" + cost.stripTrailingZeros().toPlainString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private void showProblems() {
        List<Node> lines = viewModel.problems().stream().<Node>map(problem -> {
            Label line = new Label(problem, new FontIcon("fth-alert-circle"));
            line.getStyleClass().add("status-warning");
            line.setWrapText(true);
            return line;
        }).toList();
        problemsBox.getChildren().setAll(lines);
    }

    private static void showOnlyWhen(Node node, ObservableBooleanValue condition) {
        node.managedProperty().bind(node.visibleProperty());
        node.visibleProperty().bind(condition);
    }

    @FXML
    private void saveAndImport() {
        viewModel.saveAndImport();
    }

    @FXML
    private void cancel() {
        root.getScene().getWindow().hide();
    }

    /** A found field in the list: where it is, and the first value seen there. */
    private final class FoundFieldCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(null);
            Label where = new Label(item.isEmpty() ? "— not mapped —" : item);
            Label example = new Label(examples.getOrDefault(item, ""));
            example.getStyleClass().add("text-muted");
            HBox box = new HBox(10, where, example);
            setGraphic(box);
        }
    }
}
