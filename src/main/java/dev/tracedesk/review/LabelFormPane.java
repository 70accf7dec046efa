package dev.tracedesk.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

import dev.tracedesk.review.log.LabelAction;
import dev.tracedesk.review.log.LabelEntry;

/**
 * The right half of the review screen: verdict (1 2 3), failure categories (a key each), the note,
 * the corrected output with its diff against the original (E), save and undo, and the item's history.
 */
final class LabelFormPane extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final ReviewViewModel viewModel;
    private final LabelForm form;
    private final ToggleGroup verdicts = new ToggleGroup();
    private final List<ToggleButton> verdictButtons = new ArrayList<>();
    private final List<CheckBox> categoryBoxes = new ArrayList<>();
    private final FlowPane categoryPane = new FlowPane(10, 6);
    private final VBox scorePane = new VBox(6);
    private final Label scoreHeading = heading("Scores");
    private LabelSchema shownSchema;
    private final TextArea note = new TextArea();
    private final TextArea correction = new TextArea();
    private final TextFlow diff = new TextFlow();
    private final VBox history = new VBox(6);
    private String original = "";

    LabelFormPane(ReviewViewModel viewModel) {
        this.viewModel = viewModel;
        this.form = viewModel.form();
        getStyleClass().add("label-form");
        setSpacing(10);
        setPadding(new Insets(14, 16, 16, 16));
        scoreHeading.managedProperty().bind(scoreHeading.visibleProperty());
        getChildren().addAll(heading("Verdict"), verdictRow(), heading("Failure categories"), categories(),
                scoreHeading, scorePane, heading("Note"), noteArea(), correctionSection(), actions(), heading("History"), history);
    }

    private HBox verdictRow() {
        HBox row = new HBox(6);
        for (Verdict verdict : Verdict.values()) {
            ToggleButton button = new ToggleButton(verdict.key() + "  " + verdict.label());
            button.setUserData(verdict);
            button.setToggleGroup(verdicts);
            button.setFocusTraversable(false);
            button.getStyleClass().addAll("verdict-button", "verdict-" + verdict.name().toLowerCase(Locale.ROOT));
            button.setId("verdict-" + verdict.name().toLowerCase(Locale.ROOT));
            button.setOnAction(event -> viewModel.chooseVerdict(button.isSelected() ? verdict : null));
            verdictButtons.add(button);
            row.getChildren().add(button);
        }
        form.verdictProperty().addListener((observable, before, after) -> syncVerdict());
        return row;
    }

    private void syncVerdict() {
        for (ToggleButton button : verdictButtons) {
            button.setSelected(button.getUserData() == form.verdictProperty().get());
        }
    }

    private FlowPane categories() {
        categoryPane.setPrefWrapLength(300);
        form.categories().addListener((SetChangeListener<String>) change -> syncCategories());
        return categoryPane;
    }

    /** Builds the category boxes and score fields for a queue's schema, when it differs from the one shown. */
    private void useSchema(LabelSchema schema) {
        if (schema.equals(shownSchema)) {
            return;
        }
        shownSchema = schema;
        categoryBoxes.clear();
        categoryPane.getChildren().clear();
        for (LabelSchema.Category category : schema.categories()) {
            CheckBox box = new CheckBox(category.key() + "  " + category.name());
            box.setUserData(category.name());
            box.setFocusTraversable(false);
            box.getStyleClass().add("category-box");
            box.setOnAction(event -> form.toggleCategory(category.name()));
            categoryBoxes.add(box);
            categoryPane.getChildren().add(box);
        }
        scorePane.getChildren().clear();
        for (LabelSchema.Score score : schema.scores()) {
            scorePane.getChildren().add(new ScoreField(score, form.scores()));
        }
        scoreHeading.setVisible(!schema.scores().isEmpty());
    }

    private void syncCategories() {
        categoryBoxes.forEach(box -> box.setSelected(form.categories().contains((String) box.getUserData())));
    }

    private TextArea noteArea() {
        note.setWrapText(true);
        note.setPrefRowCount(3);
        note.setPromptText("What was wrong, or what a reader of this label should know");
        note.textProperty().bindBidirectional(form.noteProperty());
        note.getStyleClass().add("label-note");
        return note;
    }

    private VBox correctionSection() {
        Button edit = new Button("E  Correct the output…");
        edit.setFocusTraversable(false);
        edit.setOnAction(event -> startCorrection());
        edit.visibleProperty().bind(form.editingCorrectionProperty().not());
        edit.managedProperty().bind(edit.visibleProperty());
        correction.setWrapText(true);
        correction.setPrefRowCount(6);
        correction.getStyleClass().add("label-correction");
        correction.textProperty().bindBidirectional(form.correctionProperty());
        correction.textProperty().addListener((observable, before, after) -> renderDiff());
        diff.getStyleClass().add("correction-diff");
        Label diffHeading = heading("Changes against the output");
        VBox editor = new VBox(6, heading("Corrected output"), correction, diffHeading, diff);
        editor.visibleProperty().bind(form.editingCorrectionProperty()
                .or(Bindings.createBooleanBinding(() -> !form.correctionProperty().get().isEmpty(), form.correctionProperty())));
        editor.managedProperty().bind(editor.visibleProperty());
        return new VBox(6, edit, editor);
    }

    void startCorrection() {
        viewModel.editCorrection();
        correction.requestFocus();
    }

    void focusNote() {
        note.requestFocus();
    }

    private void renderDiff() {
        WordDiff.fill(diff, TextDiff.of(original, correction.getText()));
    }

    private FlowPane actions() {
        Button save = new Button("Save and next");
        save.setId("save-label");
        save.getStyleClass().add("accent");
        save.setFocusTraversable(false);
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.setTooltip(new javafx.scene.control.Tooltip("Ctrl+Enter, also while typing"));
        save.setOnAction(event -> viewModel.saveAndNext());
        save.disableProperty().bind(viewModel.savingProperty().or(form.verdictProperty().isNull()));
        Button undo = new Button("Undo last label");
        undo.setFocusTraversable(false);
        undo.setMinWidth(Region.USE_PREF_SIZE);
        undo.setTooltip(new javafx.scene.control.Tooltip("Ctrl+Z"));
        undo.setOnAction(event -> viewModel.undoLast());
        // wraps in a narrow form rather than cutting the buttons' words
        return new FlowPane(8, 6, save, undo);
    }

    /** Shows the item's state in the form: its output for the diff, and its history as this reviewer may see it. */
    void show(ReviewItemDetail detail) {
        original = detail == null || detail.evidence().output() == null ? "" : detail.evidence().output();
        useSchema(detail == null ? LabelSchema.DEFAULT : detail.schema());
        syncVerdict();
        syncCategories();
        renderDiff();
        history.getChildren().clear();
        List<LabelEntry> entries = viewModel.visibleHistory();
        if (detail != null && entries.isEmpty()) {
            Label none = new Label(detail.blind() && !detail.history().isEmpty()
                    ? "Other reviewers' labels show after you save yours (blind queue)." : "No labels yet.");
            none.getStyleClass().add("text-muted");
            none.setWrapText(true);
            history.getChildren().add(none);
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            history.getChildren().add(historyLine(entries.get(i)));
        }
    }

    private static Label historyLine(LabelEntry entry) {
        StringBuilder text = new StringBuilder(WHEN.format(entry.createdAt())).append("  ").append(entry.reviewer())
                .append("  ");
        if (entry.action() == LabelAction.RETRACT) {
            text.append("took back label ").append(entry.retractsLabelId());
        } else {
            text.append(entry.action() == LabelAction.ADJUDICATE ? "final verdict: " : "")
                    .append(entry.verdict().label().toLowerCase(Locale.ROOT));
            if (!entry.categories().isEmpty()) {
                text.append(" — ").append(String.join(", ", entry.categories()));
            }
            if (entry.correctedOutput() != null) {
                text.append(" · corrected");
            }
            if (entry.note() != null) {
                text.append("\n“").append(entry.note()).append('”');
            }
        }
        Label line = new Label(text.toString());
        line.setWrapText(true);
        line.getStyleClass().addAll("history-line", "history-" + entry.action().name().toLowerCase(Locale.ROOT));
        return line;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("evidence-heading");
        return label;
    }
}
