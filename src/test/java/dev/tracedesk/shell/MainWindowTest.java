package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.store.WorkspaceLocation;
import dev.tracedesk.ui.EmptyState;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final Map<Section, String> EMPTY_TITLES = Map.of(
            Section.REVIEW, "Nothing to review yet",
            Section.TRACES, "No traces yet",
            Section.EVAL_RUNS, "No eval runs yet",
            Section.DATASETS, "No datasets yet",
            Section.INSIGHTS, "Nothing to measure yet",
            Section.IMPORTS, "No imports yet");

    /** Static, so it exists before {@code @Start} runs; each test takes its own folder inside. */
    @TempDir
    static Path sharedFolder;

    private Path folder;
    private WorkspaceLocation location;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        folder = sharedFolder.resolve(UUID.randomUUID().toString());
        location = WorkspaceLocation.h2(folder.resolve("ws"));
        window = MainWindow.open(stage, location, UiPreferences.load(folder.resolve(UiPreferences.FILE_NAME)),
                new SampleDataCatalog("/no-sample-data-here/"), "test");
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    private void waitUntilOpen() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.viewModel().activity().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertShowsEmptyState(FxRobot robot, Section section) {
        Node view = robot.lookup("#section-" + section.slug()).query();
        assertThat(view.isVisible() && view.getScene() != null).as(section + " view shown").isTrue();
        EmptyState emptyState = robot.from(view).lookup(".empty-state").queryAs(EmptyState.class);
        assertThat(emptyState.getTitle()).isEqualTo(EMPTY_TITLES.get(section));
        assertThat(emptyState.getDescription()).isNotBlank();
        assertThat(emptyState.getHint()).contains("File ▸ Import");
        ToggleButton navButton = robot.lookup("#nav-" + section.slug()).queryAs(ToggleButton.class);
        assertThat(navButton.isSelected()).as(section + " selected in the navigation").isTrue();
    }

    @Test
    void theStatusBarShowsTheWorkspacePathAndItsCounts(FxRobot robot) throws Exception {
        waitUntilOpen();

        assertThat(robot.lookup("#workspaceLabel").queryAs(Label.class).getText()).isEqualTo(location.displayName());
        assertThat(robot.lookup("#countsLabel").queryAs(Label.class).getText())
                .isEqualTo("0 traces · 0 spans · 0 eval runs · 0 review items · 0 datasets");
        assertThat(window.stage().getTitle()).isEqualTo("Tracedesk — " + location.displayName());
    }

    @Test
    void everySectionShowsItsEmptyStateWhenSelectedByShortcut(FxRobot robot) throws Exception {
        waitUntilOpen();

        for (Section section : Section.values()) {
            KeyCode digit = KeyCode.getKeyCode(Integer.toString(section.shortcutDigit()));
            robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();

            assertShowsEmptyState(robot, section);
        }
    }

    @Test
    void everySectionShowsItsEmptyStateWhenClicked(FxRobot robot) throws Exception {
        waitUntilOpen();

        for (Section section : Section.values()) {
            robot.clickOn("#nav-" + section.slug());

            assertShowsEmptyState(robot, section);
        }
    }

    @Test
    void theThemeToggleSwitchesTheStylesheetBothWays(FxRobot robot) throws Exception {
        waitUntilOpen();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(ThemeStylesheets.userAgentStylesheet(Theme.LIGHT));

        robot.clickOn("#themeToggle");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(ThemeStylesheets.userAgentStylesheet(Theme.DARK));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(ThemeStylesheets.userAgentStylesheet(Theme.LIGHT));
    }

    @Test
    void noQueryRunsOnTheFxThreadWhileNavigatingEverySection(FxRobot robot) throws Exception {
        waitUntilOpen();

        for (Section section : Section.values()) {
            robot.clickOn("#nav-" + section.slug());
            robot.press(KeyCode.F5).release(KeyCode.F5);
            waitUntilIdle();
        }
        robot.interact(() -> window.viewModel().refreshCounts());
        waitUntilIdle();

        assertThat(window.guard().violations()).isEmpty();
        assertThat(robot.lookup("#countsLabel").queryAs(Label.class).getText()).startsWith("0 traces");
    }

    @Test
    void anEmptyWorkspaceOffersSampleDataUntilDismissed(FxRobot robot) throws Exception {
        waitUntilOpen();
        Node banner = robot.lookup("#sampleDataBanner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("#sampleDataLabel").queryAs(Label.class).getText()).contains("no sample data yet");

        robot.clickOn("#dismissSampleDataButton");

        assertThat(banner.isVisible()).isFalse();
    }

    @Test
    void aLongTaskShowsInTheStatusBarAndItsCancelButtonStopsIt(FxRobot robot) throws Exception {
        waitUntilOpen();
        Node indicator = robot.lookup("#taskIndicator").query();
        assertThat(indicator.isVisible()).isFalse();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();

        robot.interact(() -> window.tasks().submit("Reindexing", context -> {
            while (true) {
                context.progress(1, 3, "step 1 of 3");
                context.stopIfCancelled();
                Thread.sleep(10);
            }
        }, value -> outcome.complete(null), outcome::complete));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, indicator::isVisible);
        assertThat(robot.lookup("#taskLabel").queryAs(Label.class).getText()).isEqualTo("Reindexing…");

        robot.clickOn("#cancelTaskButton");

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(indicator.isVisible()).isFalse();
    }

    @Test
    void theWindowsPlaceIsRememberedWhenItCloses(FxRobot robot) throws Exception {
        waitUntilOpen();
        robot.interact(() -> {
            window.stage().setX(40);
            window.stage().setY(30);
            window.stage().setWidth(1000);
            window.stage().setHeight(650);
        });

        robot.interact(window::close);

        UiPreferences saved = UiPreferences.load(folder.resolve(UiPreferences.FILE_NAME));
        assertThat(saved.windowGeometry()).contains(new WindowGeometry(40, 30, 1000, 650, false));
    }
}
