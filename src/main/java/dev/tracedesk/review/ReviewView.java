package dev.tracedesk.review;

import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/review/ReviewView.fxml}: the review desk, keyboard first. */
public final class ReviewView {

    private static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+Enter");
    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination PUBLISH = KeyCombination.keyCombination("Shortcut+Shift+P");

    private final ReviewViewModel viewModel;
    private final ReviewerPrompt reviewer;
    private final Consumer<Window> openRules;
    private final EvidencePane evidence;
    private final LabelFormPane formPane;
    private boolean swallowTyped;

    private StackPane root;
    @FXML
    private EmptyState emptyState;
    @FXML
    private BorderPane desk;
    @FXML
    private HBox reviewerBanner;
    @FXML
    private TextField reviewerField;
    @FXML
    private Label reviewerError;
    @FXML
    private ListView<QueueSummary> queueList;
    @FXML
    private Label agreementLabel;
    @FXML
    private ToggleButton toDoToggle;
    @FXML
    private ToggleButton allToggle;
    @FXML
    private ToggleButton adjudicateToggle;
    @FXML
    private Label positionLabel;
    @FXML
    private Label claimLabel;
    @FXML
    private Button openTraceButton;
    @FXML
    private Button assignButton;
    @FXML
    private Button goldenSetButton;
    @FXML
    private SplitPane itemSplit;
    @FXML
    private ScrollPane evidenceScroll;
    @FXML
    private ScrollPane formScroll;
    @FXML
    private EmptyState queueEmpty;
    @FXML
    private Label statusLabel;
    @FXML
    private VBox shortcutsOverlay;

    /** @param openRules opens the flag-rules dialog over the given window */
    public ReviewView(ReviewViewModel viewModel, ReviewerPrompt reviewer, Consumer<Window> openRules) {
        this.viewModel = viewModel;
        this.reviewer = reviewer;
        this.openRules = openRules;
        this.evidence = new EvidencePane(viewModel.form());
        this.formPane = new LabelFormPane(viewModel);
    }

    @FXML
    private void initialize() {
        root = (StackPane) desk.getParent();
        emptyState.titleProperty().bind(viewModel.summary().titleProperty());
        var nothingQueued = Bindings.createBooleanBinding(
                () -> viewModel.queueList().queues().stream().allMatch(queue -> queue.total() == 0),
                viewModel.queueList().queues());
        emptyState.visibleProperty().bind(nothingQueued);
        desk.visibleProperty().bind(nothingQueued.not());
        setUpReviewer();
        setUpQueues();
        setUpModes();
        setUpItem();
        ShortcutsOverlay.fill(shortcutsOverlay);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // E and N move the focus into a text area on key press; the letter's own KEY_TYPED must not land there
        root.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (swallowTyped) {
                swallowTyped = false;
                event.consume();
            }
        });
        var css = ReviewView.class.getResource("/css/review.css");
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
        root.sceneProperty().addListener((observable, before, scene) -> {
            if (scene != null) {
                viewModel.refresh();
                root.requestFocus();
            }
        });
        // a click anywhere that is not a text field gives the keys back to the desk
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, event -> {
            if (!(event.getTarget() instanceof TextInputControl)) {
                root.requestFocus();
            }
        });
    }

    private void setUpReviewer() {
        reviewerField.setText(reviewer.name().get());
        reviewerBanner.visibleProperty().bind(Bindings.not(reviewer.confirmed()));
        reviewerBanner.managedProperty().bind(reviewerBanner.visibleProperty());
    }

    @FXML
    private void confirmReviewer() {
        try {
            reviewer.confirm().accept(reviewerField.getText());
            reviewerError.setText("");
            root.requestFocus();
        } catch (IllegalArgumentException refused) {
            reviewerError.setText(refused.getMessage());
        }
    }

    private void setUpQueues() {
        ReviewQueueList queues = viewModel.queueList();
        queueList.setItems(queues.queues());
        queueList.setCellFactory(list -> new QueueCell(queues::refreshFromView));
        queueList.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                queues.selectedQueueProperty().set(after);
            }
        });
        queues.selectedQueueProperty().addListener((observable, before, after) -> {
            if (after != null && queueList.getSelectionModel().getSelectedItem() != after) {
                queueList.getSelectionModel().select(after);
            }
            agreementLabel.setText(AgreementText.of(after));
        });
    }

    private void setUpModes() {
        ToggleGroup modes = new ToggleGroup();
        toDoToggle.setToggleGroup(modes);
        allToggle.setToggleGroup(modes);
        adjudicateToggle.setToggleGroup(modes);
        toDoToggle.setUserData(ReviewViewModel.Mode.TO_DO);
        allToggle.setUserData(ReviewViewModel.Mode.ALL);
        adjudicateToggle.setUserData(ReviewViewModel.Mode.ADJUDICATE);
        toDoToggle.setSelected(true);
        modes.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after == null) {
                before.setSelected(true); // one mode is always chosen
            } else {
                viewModel.modeProperty().set((ReviewViewModel.Mode) after.getUserData());
            }
        });
    }

    private void setUpItem() {
        evidenceScroll.setContent(evidence);
        formScroll.setContent(formPane);
        positionLabel.textProperty().bind(viewModel.positionProperty());
        claimLabel.textProperty().bind(viewModel.claimNoteProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        var goldenTarget = viewModel.goldenSetKeys().goldenSet().targetProperty();
        goldenSetButton.textProperty().bind(Bindings.createStringBinding(() -> goldenTarget.get().isEmpty()
                ? "Choose… (Shift+A)" : goldenTarget.get(), goldenTarget));
        openTraceButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.currentProperty().get() == null
                || viewModel.currentProperty().get().evidence().traceId() == null, viewModel.currentProperty()));
        viewModel.currentProperty().addListener((observable, before, after) -> {
            evidence.show(after);
            formPane.show(after);
            if (before == null || after == null || before.item().itemId() != after.item().itemId()) {
                evidenceScroll.setVvalue(0);
            }
            if (before == null && after != null && root.getScene() != null
                    && !(root.getScene().getFocusOwner() instanceof TextInputControl)) {
                root.requestFocus(); // the first item is there: the keys go to the desk, no click needed
            }
        });
        var noItem = viewModel.currentProperty().isNull();
        assignButton.disableProperty().bind(noItem);
        itemSplit.visibleProperty().bind(noItem.not());
        queueEmpty.visibleProperty().bind(noItem);
        queueEmpty.descriptionProperty().bind(Bindings.createStringBinding(() -> QueueEmptyText.of(
                viewModel.queueList().selectedQueueProperty().get(), viewModel.modeProperty().get()),
                viewModel.queueList().selectedQueueProperty(), viewModel.modeProperty()));
    }

    private void onKey(KeyEvent event) {
        if (!desk.isVisible()) {
            return;
        }
        boolean typing = event.getTarget() instanceof TextInputControl;
        if (SAVE.match(event)) {
            viewModel.saveAndNext();
            root.requestFocus();
            event.consume();
            return;
        }
        if (event.getCode() == KeyCode.ESCAPE) {
            shortcutsOverlay.setVisible(false);
            shortcutsOverlay.setManaged(false);
            root.requestFocus();
            event.consume();
            return;
        }
        if (typing || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        if (UNDO.match(event)) {
            viewModel.undoLast();
            event.consume();
            return;
        }
        if (PUBLISH.match(event)) {
            publishGoldenSet();
            event.consume();
            return;
        }
        if (event.isShortcutDown()) {
            return;
        }
        if (handle(event)) {
            event.consume();
        }
    }

    private boolean handle(KeyEvent event) {
        KeyCode code = event.getCode();
        if ("?".equals(event.getText()) || (code == KeyCode.SLASH && event.isShiftDown())) {
            toggleShortcuts();
            return true;
        }
        if (code == KeyCode.A) {
            if (event.isShiftDown()) {
                chooseGoldenSet();
            } else {
                addToGoldenSet();
            }
            return true;
        }
        if (event.isShiftDown()) {
            return false;
        }
        switch (code) {
            case J, DOWN -> viewModel.next();
            case K, UP -> viewModel.previous();
            case DIGIT1, NUMPAD1 -> viewModel.chooseVerdict(Verdict.PASS);
            case DIGIT2, NUMPAD2 -> viewModel.chooseVerdict(Verdict.FAIL);
            case DIGIT3, NUMPAD3 -> viewModel.chooseVerdict(Verdict.UNSURE);
            case E -> {
                swallowTyped = true;
                formPane.startCorrection();
            }
            case N -> {
                swallowTyped = true;
                formPane.focusNote();
            }
            case T -> viewModel.openCurrentTrace();
            default -> {
                return code.isLetterKey() && viewModel.toggleCategoryKey(code.getName().charAt(0));
            }
        }
        return true;
    }

    @FXML
    private void toggleShortcuts() {
        boolean show = !shortcutsOverlay.isVisible();
        shortcutsOverlay.setVisible(show);
        shortcutsOverlay.setManaged(show);
    }

    @FXML
    private void assign() {
        ReviewItemDetail detail = viewModel.currentProperty().get();
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(
                detail == null || detail.item().assignee() == null ? "" : detail.item().assignee());
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Assign item");
        dialog.setHeaderText("Who should review this item? Leave empty to assign it to nobody.");
        dialog.setContentText("Reviewer");
        dialog.showAndWait().ifPresent(viewModel::assignCurrent);
        root.requestFocus();
    }

    /** A: into the golden set; the first time, the desk asks which one. */
    @FXML
    private void addToGoldenSet() {
        GoldenSet golden = viewModel.goldenSetKeys().goldenSet();
        if (golden.targetProperty().get().isEmpty()) {
            golden.choose(root.getScene().getWindow(), viewModel::addToGoldenSet);
        } else {
            viewModel.addToGoldenSet();
        }
        root.requestFocus();
    }

    @FXML
    private void chooseGoldenSet() {
        viewModel.goldenSetKeys().goldenSet().choose(root.getScene().getWindow(), () -> { });
        root.requestFocus();
    }

    @FXML
    private void publishGoldenSet() {
        viewModel.goldenSetKeys().goldenSet().publish(root.getScene().getWindow(), viewModel::report);
        root.requestFocus();
    }

    @FXML
    private void openTrace() {
        viewModel.openCurrentTrace();
    }

    @FXML
    private void openRules() {
        openRules.accept(root.getScene().getWindow());
    }

    @FXML
    private void newQueue() {
        ReviewQueueList queues = viewModel.queueList();
        queues.loadRuleNames(rules -> queues.loadViewNames(views -> NewQueueDialog.show(
                root.getScene().getWindow(), rules, views).ifPresent(choice -> queues.create(choice.name(),
                choice.definition(), choice.labelsPerItem(), choice.blind(), choice.scores()))));
    }

    /** For tests and the screenshot: the node that takes the keys. */
    Node keyTarget() {
        return root;
    }
}
