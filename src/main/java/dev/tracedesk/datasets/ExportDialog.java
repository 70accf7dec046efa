package dev.tracedesk.datasets;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import dev.tracedesk.datasets.export.AssertionStyle;
import dev.tracedesk.datasets.export.ExportFormat;

/**
 * Export a version: the format, for promptfoo the assertion each expected output becomes, the
 * redaction to apply, and the file. A manifest is written beside the file.
 */
final class ExportDialog {

    private ExportDialog() {
    }

    static Optional<ExportRequest> show(Window owner, DatasetVersion version, List<RedactionChoice> redactions,
                                        Path folder) {
        Dialog<ExportRequest> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export " + version.label());
        dialog.setHeaderText("Export " + version.label() + " (" + version.items() + " items). A manifest with the "
                + "counts, the redaction report and the file's SHA-256 is written beside it.");
        ButtonType export = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);

        ComboBox<ExportFormat> format = new ComboBox<>(FXCollections.observableArrayList(ExportFormat.values()));
        format.setId("exportFormat");
        format.setCellFactory(list -> new FormatCell());
        format.setButtonCell(new FormatCell());
        format.getSelectionModel().select(ExportFormat.PROMPTFOO);
        Label about = new Label();
        about.setWrapText(true);
        about.getStyleClass().add("text-muted");
        ChoiceBox<AssertionStyle> assertions = new ChoiceBox<>(FXCollections.observableArrayList(AssertionStyle.values()));
        assertions.setId("exportAssertions");
        assertions.getSelectionModel().select(AssertionStyle.EQUALS);
        assertions.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(AssertionStyle style) {
                return style == null ? "" : switch (style) {
                    case EQUALS -> "equals: the output must be the expected output";
                    case CONTAINS -> "contains: the output must contain it";
                    case RUBRIC -> "llm-rubric: a grader model judges against it";
                };
            }

            @Override
            public AssertionStyle fromString(String text) {
                return null;
            }
        });
        ChoiceBox<RedactionChoice> redaction = new ChoiceBox<>(FXCollections.observableArrayList(redactions));
        redaction.setId("exportRedaction");
        redaction.getSelectionModel().select(0);
        TextField file = new TextField();
        file.setId("exportFile");
        file.setPrefColumnCount(34);
        Button browse = new Button("Choose…");
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        browse.setOnAction(event -> choose(owner, file, format.getValue()));
        HBox.setHgrow(file, Priority.ALWAYS);

        String[] suggested = {folder.resolve(ExportRequest.fileName(version, format.getValue())).toString()};
        file.setText(suggested[0]);
        Runnable formatChanged = () -> {
            ExportFormat chosen = format.getValue();
            about.setText(describe(chosen));
            assertions.setDisable(chosen != ExportFormat.PROMPTFOO && chosen != ExportFormat.PROMPTFOO_CSV);
            if (file.getText().equals(suggested[0])) { // the user did not type a name of their own
                Path parent = Path.of(file.getText()).getParent();
                suggested[0] = (parent == null ? folder : parent).resolve(ExportRequest.fileName(version, chosen)).toString();
                file.setText(suggested[0]);
            }
        };
        format.valueProperty().addListener((observable, before, after) -> formatChanged.run());
        formatChanged.run();

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, fieldName("Format"), format);
        grid.add(about, 1, 1);
        grid.addRow(2, fieldName("Assertions"), assertions);
        grid.addRow(3, fieldName("Redaction"), redaction);
        grid.addRow(4, fieldName("File"), new HBox(6, file, browse));
        grid.setPrefWidth(620);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(export).disableProperty().bind(file.textProperty().isEmpty());
        dialog.setResultConverter(button -> button != export ? null : new ExportRequest(version, format.getValue(),
                assertions.getValue(), redaction.getValue().choice(), Path.of(file.getText().trim())));
        Platform.runLater(format::requestFocus);
        return dialog.showAndWait();
    }

    private static Label fieldName(String text) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static void choose(Window owner, TextField file, ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export to");
        Path current = Path.of(file.getText().isBlank() ? "." : file.getText()).toAbsolutePath();
        if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        chooser.setInitialFileName(current.getFileName() == null ? "" : current.getFileName().toString());
        File picked = chooser.showSaveDialog(owner);
        if (picked != null) {
            file.setText(picked.getPath());
        }
    }

    /** What each format is for, in a sentence. */
    static String describe(ExportFormat format) {
        return switch (format) {
            case OPENAI_CHAT -> "OpenAI fine-tuning JSONL: {\"messages\": [...]} with the expected output as the assistant turn.";
            case OPENAI_EVALS -> "OpenAI Evals samples: one {\"input\", \"ideal\"} per line.";
            case PROMPTFOO -> "A promptfoo tests file (YAML): vars and an assertion from the expected output; run it with promptfoo eval.";
            case PROMPTFOO_CSV -> "A promptfoo tests CSV: one column per variable and __expected with the assertion.";
            case INSPECT -> "An Inspect AI dataset: input, target, id and metadata per line.";
            case HF_JSONL -> "One record per line for Hugging Face datasets, with split and provenance.";
            case DPO -> "Preference pairs: prompt, chosen (the correction) and rejected (the model's output). Items without a correction are skipped.";
            case CSV -> "A plain CSV for spreadsheets: key, split, input, expected output and provenance.";
        };
    }

    private static final class FormatCell extends ListCell<ExportFormat> {
        @Override
        protected void updateItem(ExportFormat format, boolean empty) {
            super.updateItem(format, empty);
            setText(empty || format == null ? null : format.id());
        }
    }
}
