package dev.tracedesk.shell;

import java.io.File;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import org.kordamp.ikonli.javafx.FontIcon;

import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

import dev.tracedesk.ingest.ImportFileChooser;
import dev.tracedesk.ingest.MappingDialogOpener;
import dev.tracedesk.ingest.MappingFileChooser;
import dev.tracedesk.shell.WorkspaceSession.State;
import dev.tracedesk.ui.EmptyState;

/** Controller of {@code /fxml/shell/MainView.fxml}: navigation, section host, banners, status bar, menus. */
public final class MainView {

    /** Quick tasks finish before this; showing the indicator for them would only make it flicker. */
    private static final Duration INDICATOR_DELAY = Duration.millis(250);
    /** Another process (the CLI) may import into the same workspace, so the counts are refreshed now and then. */
    private static final Duration COUNTS_REFRESH_INTERVAL = Duration.seconds(30);

    private final MainViewModel viewModel;
    private final Function<Section, Parent> sectionViews;
    private final MappingDialogOpener mappingDialogs;
    private final Map<Section, Parent> loadedSections = new EnumMap<>(Section.class);
    private final Map<Section, ToggleButton> navButtons = new EnumMap<>(Section.class);
    private final PauseTransition indicatorDelay = new PauseTransition(INDICATOR_DELAY);
    private final Timeline countsRefresh;

    @FXML private BorderPane root;
    @FXML private Menu viewMenu;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private VBox sectionButtons;
    @FXML private Button themeToggle;
    @FXML private Node readyPane;
    @FXML private HBox noticeBar;
    @FXML private Label noticeLabel;
    @FXML private HBox sampleDataBanner;
    @FXML private Label sampleDataLabel;
    @FXML private Button loadSampleDataButton;
    @FXML private Button dismissSampleDataButton;
    @FXML private MenuItem importItem;
    @FXML private MenuItem importMappedItem;
    @FXML private MenuItem openWorkspaceItem;
    @FXML private StackPane content;
    @FXML private StackPane sectionHost;
    @FXML private Node openingPane;
    @FXML private Label openingLocationLabel;
    @FXML private EmptyState errorPane;
    @FXML private Label workspaceLabel;
    @FXML private Label countsLabel;
    @FXML private Hyperlink reviewerLink;
    @FXML private HBox taskIndicator;
    @FXML private Label taskLabel;
    @FXML private Label taskMessage;
    @FXML private ProgressBar taskProgress;

    /**
     * @param sectionViews   loads a section's view; called once per section, when first shown
     * @param mappingDialogs opens the field-mapping dialog (File ▸ Import with field mapping)
     */
    public MainView(MainViewModel viewModel, Function<Section, Parent> sectionViews, MappingDialogOpener mappingDialogs) {
        this.viewModel = viewModel;
        this.sectionViews = sectionViews;
        this.mappingDialogs = mappingDialogs;
        this.countsRefresh = new Timeline(new KeyFrame(COUNTS_REFRESH_INTERVAL, event -> viewModel.refreshCounts()));
        countsRefresh.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(MainView.class.getResource("/css/tracedesk.css").toExternalForm());
        buildNavigation();
        bindWorkspaceState();
        bindBanners();
        bindStatusBar();
        bindTheme();
        refreshCountsWhenTheWindowRegainsFocus();
        FileDropTarget.install(root, content,
                () -> viewModel.session().stateProperty().get() == State.READY, viewModel::importFiles);
        countsRefresh.play();
    }

    /** Stops the periodic refresh; the window is going away. */
    public void dispose() {
        countsRefresh.stop();
        indicatorDelay.stop();
    }

    private void buildNavigation() {
        int menuPosition = 0;
        for (Section section : Section.values()) {
            KeyCombination shortcut = new KeyCodeCombination(
                    KeyCode.getKeyCode(Integer.toString(section.shortcutDigit())), KeyCombination.SHORTCUT_DOWN);
            ToggleButton button = new ToggleButton(section.title(), new FontIcon(section.iconLiteral()));
            button.setId("nav-" + section.slug());
            button.getStyleClass().add("nav-item");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setFocusTraversable(true);
            button.setTooltip(new Tooltip(section.title() + " (" + shortcut.getDisplayText() + ")"));
            // A selected section stays selected when clicked again, so re-assert it on every click.
            button.setOnAction(event -> {
                button.setSelected(true);
                viewModel.select(section);
            });
            navButtons.put(section, button);
            sectionButtons.getChildren().add(button);

            MenuItem item = new MenuItem(section.title());
            item.setAccelerator(shortcut);
            item.setOnAction(event -> viewModel.select(section));
            viewMenu.getItems().add(menuPosition++, item);
        }
        viewModel.selectedSectionProperty().addListener((observable, before, after) -> show(after));
        show(viewModel.selectedSectionProperty().get());
    }

    private void show(Section section) {
        navButtons.forEach((candidate, button) -> button.setSelected(candidate == section));
        Parent view = loadedSections.computeIfAbsent(section, sectionViews);
        sectionHost.getChildren().setAll(view);
    }

    private void bindWorkspaceState() {
        var state = viewModel.session().stateProperty();
        showOnlyWhen(readyPane, state.isEqualTo(State.READY));
        showOnlyWhen(openingPane, state.isEqualTo(State.OPENING));
        showOnlyWhen(errorPane, state.isEqualTo(State.FAILED));
        openingLocationLabel.textProperty().bind(viewModel.session().displayNameProperty());
        errorPane.descriptionProperty().bind(viewModel.session().errorMessageProperty());
    }

    private void bindBanners() {
        showOnlyWhen(noticeBar, viewModel.noticeProperty().isNotEmpty());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        showOnlyWhen(sampleDataBanner, viewModel.sampleOfferVisible());
        sampleDataLabel.textProperty().bind(viewModel.sampleOfferText());
        showOnlyWhen(loadSampleDataButton, viewModel.sampleDataAvailable());
        dismissSampleDataButton.textProperty().bind(
                Bindings.when(viewModel.sampleDataAvailable()).then("No thanks").otherwise("Got it"));
        loadSampleDataButton.disableProperty().bind(viewModel.canLoadSampleData().not());
        importItem.disableProperty().bind(viewModel.canImport().not());
        importMappedItem.disableProperty().bind(viewModel.canImport().not());
        // Opening another workspace would close the one an import is writing to.
        openWorkspaceItem.disableProperty().bind(viewModel.imports().runningProperty());
    }

    @FXML
    private void changeReviewer() {
        ReviewerNameDialog.ask(root.getScene().getWindow(), viewModel.reviewer());
    }

    private void bindStatusBar() {
        workspaceLabel.textProperty().bind(viewModel.session().displayNameProperty());
        Tooltip fullPath = new Tooltip();
        fullPath.textProperty().bind(viewModel.session().displayNameProperty());
        workspaceLabel.setTooltip(fullPath);
        var state = viewModel.session().stateProperty();
        countsLabel.textProperty().bind(Bindings.createStringBinding(() -> switch (state.get()) {
            case OPENING -> "Opening…";
            case FAILED -> "Not open";
            case READY -> viewModel.countsText().get();
        }, state, viewModel.countsText()));

        reviewerLink.textProperty().bind(viewModel.reviewer().nameProperty());

        var activity = viewModel.activity();
        taskLabel.textProperty().bind(activity.titleProperty().concat("…"));
        taskProgress.progressProperty().bind(activity.progressProperty());
        taskMessage.textProperty().bind(activity.messageProperty());
        Tooltip taskDetail = new Tooltip();
        taskDetail.textProperty().bind(activity.messageProperty());
        taskLabel.setTooltip(taskDetail);
        taskIndicator.managedProperty().bind(taskIndicator.visibleProperty());
        taskIndicator.setVisible(false);
        indicatorDelay.setOnFinished(event -> taskIndicator.setVisible(activity.isBusy()));
        activity.busyBinding().addListener((observable, wasBusy, busy) -> showIndicatorSoonIf(busy));
        // Tasks submitted while the view was being built (the workspace opening) count too.
        showIndicatorSoonIf(activity.isBusy());
    }

    private void showIndicatorSoonIf(boolean busy) {
        if (busy) {
            indicatorDelay.playFromStart();
        } else {
            indicatorDelay.stop();
            taskIndicator.setVisible(false);
        }
    }

    private void bindTheme() {
        viewModel.themeProperty().addListener((observable, before, after) -> applyTheme(after));
        applyTheme(viewModel.themeProperty().get());
    }

    private void applyTheme(Theme theme) {
        ThemeStylesheets.apply(theme);
        darkThemeItem.setSelected(theme == Theme.DARK);
        boolean dark = theme == Theme.DARK;
        themeToggle.setText(dark ? "Light theme" : "Dark theme");
        themeToggle.setGraphic(new FontIcon(dark ? "fth-sun" : "fth-moon"));
    }

    private void refreshCountsWhenTheWindowRegainsFocus() {
        root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::focusedProperty)
                .addListener((observable, wasFocused, focused) -> {
                    if (Boolean.TRUE.equals(focused)) {
                        viewModel.refreshCounts();
                    }
                });
    }

    private static void showOnlyWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.managedProperty().bind(node.visibleProperty());
        node.visibleProperty().bind(condition);
    }

    @FXML
    private void importFiles() {
        viewModel.importFiles(ImportFileChooser.choose(root.getScene().getWindow(),
                viewModel.imports().chooserFolderProperty().get()));
    }

    @FXML
    private void importWithMapping() {
        Window owner = root.getScene().getWindow();
        MappingFileChooser.choose(owner, viewModel.imports().chooserFolderProperty().get())
                .ifPresent(file -> mappingDialogs.open(owner, file));
    }

    @FXML
    private void loadSampleData() {
        viewModel.loadSampleData();
    }

    @FXML
    private void chooseWorkspace() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open workspace");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tracedesk workspace (*.mv.db)", "*.mv.db"));
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            viewModel.openWorkspace(chosen.toPath());
        }
    }

    /** Hiding the only window ends the application, through the same path as closing it. */
    @FXML
    private void quit() {
        root.getScene().getWindow().hide();
    }

    @FXML
    private void toggleTheme() {
        viewModel.toggleTheme();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void dismissNotice() {
        viewModel.dismissNotice();
    }

    @FXML
    private void dismissSampleOffer() {
        viewModel.dismissSampleOffer();
    }

    @FXML
    private void cancelTask() {
        viewModel.activity().cancelCurrent();
    }

    @FXML
    private void showShortcuts() {
        HelpDialogs.showShortcuts(root.getScene().getWindow());
    }

    @FXML
    private void showAbout() {
        HelpDialogs.showAbout(root.getScene().getWindow(), viewModel.aboutTitle(),
                viewModel.session().displayNameProperty().get());
    }
}
