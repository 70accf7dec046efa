package dev.tracedesk.review.rules;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.review.rules.RulesDialogViewModel.RuleRow;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.ui.ViewLoader;

/** Controller of {@code /fxml/review/rules/RulesDialogView.fxml}: the flag rules dialog. */
public final class RulesDialogView {

    private final RulesDialogViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private TableView<RuleRow> rulesTable;
    @FXML private TableColumn<RuleRow, Boolean> enabledColumn;
    @FXML private TableColumn<RuleRow, String> nameColumn;
    @FXML private TableColumn<RuleRow, String> typeColumn;
    @FXML private TableColumn<RuleRow, String> summaryColumn;
    @FXML private Button editButton;
    @FXML private Button deleteButton;
    @FXML private VBox editorPane;
    @FXML private Label editorTitle;
    @FXML private GridPane editorGrid;
    @FXML private Label validationLabel;
    @FXML private Button saveButton;
    @FXML private Label noEditorLabel;
    @FXML private Label errorLabel;
    @FXML private Button reapplyButton;
    @FXML private ProgressIndicator applyingIndicator;
    @FXML private Label applyResultLabel;

    private final TextField nameField = new TextField();
    private final ComboBox<RuleType> typeChoice = new ComboBox<>();
    private final CheckBox enabledBox = new CheckBox("Enabled");

    public RulesDialogView(RulesDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /**
     * Opens the dialog over {@code owner} (the Review screen's "Flag rules…" button calls this) and
     * loads the rules in the background.
     *
     * @param workspace the open workspace, or empty while none is
     * @return the dialog's window
     */
    public static Stage open(Window owner, TaskRunner tasks, Supplier<Optional<Workspace>> workspace) {
        RulesDialogViewModel viewModel = new RulesDialogViewModel(tasks, workspace);
        ViewLoader.Loaded<RulesDialogView> loaded = new ViewLoader(viewClass -> new RulesDialogView(viewModel))
                .load(RulesDialogView.class);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Flag rules");
        stage.setScene(new Scene(loaded.root()));
        stage.show();
        viewModel.load();
        return stage;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(RulesDialogView.class.getResource("/css/tracedesk.css").toExternalForm());
        setUpTable();
        setUpEditor();
        errorLabel.textProperty().bind(viewModel.errorProperty());
        showOnlyWhen(errorLabel, viewModel.errorProperty().isNotEmpty());
        reapplyButton.disableProperty().bind(viewModel.applyingProperty());
        showOnlyWhen(applyingIndicator, viewModel.applyingProperty());
        applyResultLabel.textProperty().bind(viewModel.applyResultProperty());
    }

    private void setUpTable() {
        rulesTable.setItems(viewModel.rules());
        enabledColumn.setCellValueFactory(cell -> cell.getValue().enabledProperty());
        enabledColumn.setCellFactory(CheckBoxTableCell.forTableColumn(enabledColumn));
        nameColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        typeColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().typeLabel()));
        summaryColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().summary()));
        summaryColumn.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        rulesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        var nothingSelected = rulesTable.getSelectionModel().selectedItemProperty().isNull();
        editButton.disableProperty().bind(nothingSelected);
        deleteButton.disableProperty().bind(nothingSelected);
        rulesTable.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && rulesTable.getSelectionModel().getSelectedItem() != null) {
                edit();
            }
        });
    }

    private void setUpEditor() {
        showOnlyWhen(editorPane, viewModel.editingProperty());
        showOnlyWhen(noEditorLabel, viewModel.editingProperty().not());
        nameField.setId("ruleNameField");
        nameField.setPromptText("e.g. Slow checkout calls");
        nameField.textProperty().bindBidirectional(viewModel.draftNameProperty());
        typeChoice.setId("ruleTypeChoice");
        typeChoice.getItems().setAll(RuleType.values());
        typeChoice.setButtonCell(new TypeCell());
        typeChoice.setCellFactory(list -> new TypeCell());
        typeChoice.setMaxWidth(Double.MAX_VALUE);
        typeChoice.valueProperty().bindBidirectional(viewModel.draftTypeProperty());
        enabledBox.setId("ruleEnabledBox");
        enabledBox.selectedProperty().bindBidirectional(viewModel.draftEnabledProperty());
        viewModel.draftTypeProperty().addListener((observable, before, type) -> buildFields(type));
        buildFields(viewModel.draftTypeProperty().get());
        validationLabel.textProperty().bind(viewModel.validationProperty());
        showOnlyWhen(validationLabel, viewModel.validationProperty().isNotEmpty());
        saveButton.disableProperty().bind(viewModel.validationProperty().isNotEmpty());
    }

    private void buildFields(RuleType type) {
        editorGrid.getChildren().clear();
        int row = 0;
        editorGrid.addRow(row++, new Label("Name"), nameField);
        editorGrid.addRow(row++, new Label("Type"), typeChoice);
        editorGrid.addRow(row++, new Label(""), enabledBox);
        if (type == null) {
            return;
        }
        for (RuleField field : type.fields()) {
            Label label = new Label(field.label());
            label.setMinWidth(Label.USE_PREF_SIZE);
            Node control = control(field);
            Tooltip.install(label, new Tooltip(field.help()));
            GridPane.setHgrow(control, Priority.ALWAYS);
            editorGrid.addRow(row++, label, control);
        }
    }

    private Node control(RuleField field) {
        var value = viewModel.draftFieldProperty(field);
        if (field == RuleField.INCLUDE_ERRORED) {
            CheckBox box = new CheckBox(field.help());
            box.setId("field-" + field.jsonKey());
            box.setSelected(Boolean.parseBoolean(value.get()));
            box.selectedProperty().addListener((observable, was, selected) -> value.set(Boolean.toString(selected)));
            value.addListener((observable, was, text) -> box.setSelected(Boolean.parseBoolean(text)));
            return box;
        }
        if (field == RuleField.GROUP_BY) {
            // a fixed list: a grouping is one of CallGrouping's names, so there is nothing to mistype
            ComboBox<String> choice = new ComboBox<>();
            Arrays.stream(CallGrouping.values()).map(CallGrouping::cliName).forEach(choice.getItems()::add);
            choice.setId("field-" + field.jsonKey());
            choice.setTooltip(new Tooltip(field.help()));
            choice.valueProperty().bindBidirectional(value);
            return choice;
        }
        TextInputControl input;
        if (field == RuleField.SCHEMA) {
            TextArea area = new TextArea();
            area.setPrefRowCount(12);
            area.setStyle("-fx-font-family: monospace;");
            input = area;
        } else {
            input = new TextField();
        }
        input.setId("field-" + field.jsonKey());
        input.setPromptText(field.help());
        input.setTooltip(new Tooltip(field.help()));
        input.textProperty().bindBidirectional(value);
        return input;
    }

    private static void showOnlyWhen(Node node, ObservableBooleanValue condition) {
        node.managedProperty().bind(node.visibleProperty());
        node.visibleProperty().bind(condition);
    }

    @FXML
    private void add() {
        viewModel.newRule();
        editorTitle.setText("New rule");
        nameField.requestFocus();
    }

    @FXML
    private void edit() {
        RuleRow selected = rulesTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.edit(selected);
            editorTitle.setText("Edit rule");
        }
    }

    @FXML
    private void delete() {
        RuleRow selected = rulesTable.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Items it already put into review stay there, with their reasons.", ButtonType.CANCEL, ButtonType.OK);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle("Delete flag rule");
        confirm.setHeaderText("Delete the rule \u201c" + selected.name() + "\u201d?");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> viewModel.delete(selected));
    }

    @FXML
    private void save() {
        viewModel.saveDraft();
    }

    @FXML
    private void cancelEdit() {
        viewModel.cancelEdit();
    }

    @FXML
    private void reapply() {
        viewModel.reapply();
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }

    private static final class TypeCell extends ListCell<RuleType> {
        @Override
        protected void updateItem(RuleType item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }
}
