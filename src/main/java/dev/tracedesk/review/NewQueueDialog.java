package dev.tracedesk.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for a new queue: its name, the flag rules that fill it, labels per item and blind labeling. */
final class NewQueueDialog {

    record Choice(String name, QueueDefinition definition, int labelsPerItem, boolean blind, List<String> scores) {
    }

    private NewQueueDialog() {
    }

    static Optional<Choice> show(Window owner, List<String> ruleNames, List<String> viewNames) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New review queue");
        dialog.setHeaderText("A queue of what chosen flag rules flag, or of the LLM calls a saved Traces view shows");
        javafx.scene.control.ToggleGroup source = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioButton fromRules = new javafx.scene.control.RadioButton("Flag rules");
        javafx.scene.control.RadioButton fromView = new javafx.scene.control.RadioButton("Saved view");
        fromRules.setToggleGroup(source);
        fromView.setToggleGroup(source);
        fromRules.setSelected(true);
        javafx.scene.control.ChoiceBox<String> views = new javafx.scene.control.ChoiceBox<>(
                javafx.collections.FXCollections.observableArrayList(viewNames));
        if (!viewNames.isEmpty()) {
            views.setValue(viewNames.get(0));
        } else {
            fromView.setDisable(true);
            fromView.setText("Saved view (none saved yet in Traces)");
        }
        views.disableProperty().bind(fromView.selectedProperty().not());
        TextField name = new TextField();
        name.setPromptText("e.g. Slow calls");
        VBox rules = new VBox(4);
        List<CheckBox> boxes = new ArrayList<>();
        for (String rule : ruleNames) {
            CheckBox box = new CheckBox(rule);
            boxes.add(box);
            rules.getChildren().add(box);
        }
        if (ruleNames.isEmpty()) {
            rules.getChildren().add(new Label("There are no flag rules yet: add them with Flag rules…"));
        }
        Spinner<Integer> labels = new Spinner<>(1, 10, 1);
        TextField scores = new TextField();
        scores.setPromptText("optional, e.g. helpfulness, tone (each scored 1 to 5)");
        CheckBox blind = new CheckBox("Blind: reviewers see others' labels only after saving their own");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Filled by"), new javafx.scene.layout.HBox(12, fromRules, fromView));
        grid.addRow(2, new Label("Rules"), rules);
        grid.addRow(3, new Label("View"), views);
        rules.disableProperty().bind(fromRules.selectedProperty().not());
        grid.addRow(4, new Label("Labels per item"), labels);
        grid.add(blind, 1, 5);
        grid.addRow(6, new Label("Scores"), scores);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(name.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new Choice(name.getText().trim(), fromView.isSelected() ? QueueDefinition.ofSavedView(views.getValue())
                        : QueueDefinition.ofRules(boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList()),
                labels.getValue(), blind.isSelected(), List.of(scores.getText().split(",")))
                : null);
        dialog.setOnShown(event -> name.requestFocus()); // typing the name is the first thing to do
        return dialog.showAndWait();
    }
}
