package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.datasets.DatasetItem;
import dev.tracedesk.datasets.DatasetVersion;
import dev.tracedesk.datasets.Datasets;
import dev.tracedesk.review.ReviewTestData;

/**
 * The "done when": a reviewer builds and publishes a golden set from the review desk with
 * the keyboard alone, then finds it in the Datasets section and exports it from there.
 */
@ExtendWith(ApplicationExtension.class)
class GoldenSetWindowTest {

    private MainWindow window;
    private final Path folder = Path.of("target", "golden-set-window-test", UUID.randomUUID().toString());

    @Start
    void start(Stage stage) {
        stage.setWidth(1600);
        stage.setHeight(960);
        window = RealReadersWindow.open(stage, folder);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    private void press(FxRobot robot, KeyCode... keys) throws Exception {
        robot.press(keys).release(keys);
        RealReadersWindow.waitUntilIdle(window);
    }

    private DSLContext dsl() {
        return window.viewModel().session().workspace().orElseThrow().dsl();
    }

    private String status(FxRobot robot, String styleClass) {
        return robot.lookup(styleClass).queryAs(Label.class).getText();
    }

    /** Fail, a corrected output typed after E, Esc to leave the field, then A. */
    private void correctAndAdd(FxRobot robot, String correction) throws Exception {
        press(robot, KeyCode.DIGIT2);
        press(robot, KeyCode.E);
        press(robot, KeyCode.CONTROL, KeyCode.A);
        robot.write(correction);
        press(robot, KeyCode.ESCAPE);
        press(robot, KeyCode.A);
    }

    @Test
    void aReviewerBuildsAndPublishesAGoldenSetWithoutTheMouse(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        robot.interact(() -> window.viewModel().reviewer().confirm("Dana Expert"));
        robot.interact(() -> window.viewModel().importFiles(List.of(ReviewTestData.PROMPTFOO_RUN)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        RealReadersWindow.waitUntilIdle(window);

        press(robot, KeyCode.CONTROL, KeyCode.DIGIT1); // the Review section
        assertThat(status(robot, ".review-position")).startsWith("Item 1 of ");

        // the first A asks which golden set: a new one is named in the chooser, Enter makes it
        String firstItem = status(robot, ".evidence-title");
        correctAndAdd(robot, "Canberra");
        TextField name = robot.lookup("#goldenSetName").queryAs(TextField.class);
        assertThat(name.isFocused()).as("the chooser takes the keys").isTrue();
        inDialog(robot, name, () -> {
            robot.write("capitals-golden");
            press(robot, KeyCode.ENTER);
        });
        awaitStatus(robot, ".review-status", "Added item ");
        assertThat(status(robot, ".review-status")).contains("to capitals-golden (draft: 1 items)");
        assertThat(status(robot, ".evidence-title")).as("the desk moved on").isNotEqualTo(firstItem);

        String secondItem = status(robot, ".evidence-title");
        correctAndAdd(robot, "Paris");
        awaitStatus(robot, ".review-status", "Added item ");
        String thirdItem = status(robot, ".evidence-title");
        assertThat(thirdItem).isNotIn(firstItem, secondItem);
        assertThat(status(robot, ".review-status")).contains("to capitals-golden (draft: 2 items)");

        // a fail without a correction is refused, and the desk stays on it
        press(robot, KeyCode.DIGIT2);
        press(robot, KeyCode.A);
        awaitStatus(robot, ".review-status", "Not added");
        assertThat(status(robot, ".review-status")).startsWith("Not added to capitals-golden: ");
        assertThat(status(robot, ".evidence-title")).as("the desk stays on it").isEqualTo(thirdItem);

        // Ctrl+Shift+P: the publish dialog says what the version holds; a tag, Enter publishes
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        assertThat(robot.lookup("#publishSummary").queryAs(Label.class).getText())
                .isEqualTo("2 items; the first version of capitals-golden.");
        inDialog(robot, robot.lookup("#publishTags").query(), () -> {
            robot.write("prod");
            snapshot(robot, robot.lookup("#publishSummary").query(), "golden-set-publish");
            press(robot, KeyCode.ENTER);
        });
        awaitStatus(robot, ".review-status", "Published");
        assertThat(status(robot, ".review-status")).startsWith("Published capitals-golden@1: 2 items, content hash ")
                .endsWith("tagged prod.");

        Datasets datasets = new Datasets(dsl(), Clock.systemUTC());
        DatasetVersion published = datasets.resolve("capitals-golden@prod");
        assertThat(published.number()).isEqualTo(1);
        assertThat(published.publishedBy()).isEqualTo("Dana Expert");
        assertThat(datasets.items(published)).extracting(DatasetItem::expectedOutput)
                .containsExactlyInAnyOrder("Canberra", "Paris");

        // Ctrl+4: the Datasets section shows it, its version and its items
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#itemTable").queryAs(TableView.class).getItems().size() == 2);
        assertThat(robot.lookup("#datasetList").queryAs(ListView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#versionList").queryAs(ListView.class).getItems()).hasSize(2);
        assertThat(robot.lookup("#versionTitle").queryAs(Label.class).getText()).isEqualTo("capitals-golden@1");
        robot.interact(() -> robot.lookup("#itemTable").queryAs(TableView.class).getSelectionModel().select(0));
        snapshot(robot, robot.lookup("#itemTable").query(), "datasets");

        // Ctrl+E: the export dialog, promptfoo by default; the file goes where the field says
        press(robot, KeyCode.CONTROL, KeyCode.E);
        Path out = folder.toAbsolutePath().resolve("golden.promptfoo.yaml");
        Node file = inAnyWindow("#exportFile");
        robot.interact(() -> ((TextField) file).setText(out.toString()));
        snapshot(robot, file, "datasets-export");
        inDialog(robot, file, () -> press(robot, KeyCode.ENTER));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(out));
        RealReadersWindow.waitUntilIdle(window);
        assertThat(Files.readString(out)).contains("Canberra").contains("Paris");
        assertThat(out.resolveSibling("golden.promptfoo.yaml.manifest.json")).exists();
        assertThat(status(robot, ".datasets-status")).isEqualTo("Wrote 2 items to " + out + ".");
        assertThat(window.guard().violations()).isEmpty();
    }

    @Test
    void llmCallsChosenInTheTracesTableGoToAGoldenSetWithCtrlShiftA(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        robot.interact(() -> window.viewModel().importFiles(List.of(ReviewTestData.OTEL_TRACES,
                Path.of("src/test/resources/fixtures/otel-genai/logs.jsonl"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        RealReadersWindow.waitUntilIdle(window);

        press(robot, KeyCode.CONTROL, KeyCode.DIGIT2); // the Traces section
        robot.interact(() -> robot.lookup("#llmCallsToggle").queryAs(javafx.scene.control.ToggleButton.class).setSelected(true));
        RealReadersWindow.waitUntilIdle(window);
        TableView<?> table = robot.lookup("#tracesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        int calls = table.getItems().size();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().selectAll();
        });
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        Node name = inAnyWindow("#goldenSetName");
        inDialog(robot, name, () -> {
            robot.write("support-golden");
            press(robot, KeyCode.ENTER);
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#datasetNote").queryAs(Label.class).getText().startsWith("Added "));
        String note = robot.lookup("#datasetNote").queryAs(Label.class).getText();
        int items = new Datasets(dsl(), Clock.systemUTC()).summary("support-golden").orElseThrow().draftItems();
        assertThat(items).as(note).isPositive().isLessThanOrEqualTo(calls);
        assertThat(note).startsWith("Added " + items + " call").contains("to support-golden (draft: " + items + " items)");
        if (items < calls) {
            assertThat(note).as("calls without a text answer are refused, with the reason").contains("refused: ");
        }
        assertThat(window.guard().violations()).isEmpty();
    }

    /** A key may start a chain of background steps (make the dataset, save the label, add the item). */
    private void awaitStatus(FxRobot robot, String styleClass, String prefix) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status(robot, styleClass).startsWith(prefix));
        RealReadersWindow.waitUntilIdle(window);
    }

    private static Node inAnyWindow(String selector) {
        return javafx.stage.Window.getWindows().stream().map(w -> w.getScene().lookup(selector))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow(() -> new AssertionError("no " + selector));
    }

    /** TestFX sends keys to its target window; a dialog is a window of its own, so the keys go there meanwhile. */
    private void inDialog(FxRobot robot, Node inDialog, KeyboardSteps steps) throws Exception {
        robot.targetWindow(inDialog.getScene().getWindow());
        try {
            steps.run();
        } finally {
            robot.targetWindow(window.stage());
        }
    }

    @FunctionalInterface
    private interface KeyboardSteps {
        void run() throws Exception;
    }

    private static void snapshot(FxRobot robot, Node inScene, String name) {
        robot.interact(() -> {
            try {
                SceneSnapshot.write(inScene.getScene(), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
