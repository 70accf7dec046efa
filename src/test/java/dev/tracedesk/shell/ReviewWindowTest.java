package dev.tracedesk.shell;

import static dev.tracedesk.store.generated.Tables.REVIEW_LABEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.review.QueueSummary;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.review.log.LogVerifier;

/**
 * A reviewer labels a whole queue from the keyboard in the real window: verdicts, a category, a
 * note and a corrected output, moving with J/K, undoing with Ctrl+Z; every label lands in the log.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewWindowTest {

    private MainWindow window;

    @Start
    void start(Stage stage) {
        Path folder = Path.of("target", "review-window-test", UUID.randomUUID().toString());
        stage.setWidth(1600);
        stage.setHeight(960);
        window = RealReadersWindow.open(stage, folder);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    private void waitUntilIdle() throws Exception {
        RealReadersWindow.waitUntilIdle(window);
    }

    private DSLContext dsl() {
        return window.viewModel().session().workspace().orElseThrow().dsl();
    }

    private void press(FxRobot robot, KeyCode... keys) throws Exception {
        robot.press(keys).release(keys);
        waitUntilIdle();
    }

    private String status(FxRobot robot) {
        return robot.lookup(".review-status").queryAs(Label.class).getText();
    }

    private String position(FxRobot robot) {
        return robot.lookup(".review-position").queryAs(Label.class).getText();
    }

    private void snapshot(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                SceneSnapshot.write(window.stage().getScene(), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aReviewerLabelsAQueueWithTheKeyboardAlone(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        robot.interact(() -> window.viewModel().importFiles(List.of(ReviewTestData.PROMPTFOO_RUN,
                ReviewTestData.RAG_TRACE, Path.of("src/test/resources/fixtures/openinference/traces.jsonl"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        waitUntilIdle();
        // the flag rules filled the Flagged queue on import: the failed eval cases and flagged calls
        int items = new ReviewQueues(dsl(), java.time.Clock.systemUTC()).byName(ReviewQueues.FLAGGED)
                .orElseThrow().total();
        assertThat(items).isGreaterThanOrEqualTo(3);

        robot.clickOn("#nav-review");
        waitUntilIdle();

        // first start: the desk asks who is reviewing
        TextField name = robot.lookup("#reviewerField").queryAs(TextField.class);
        robot.clickOn(name);
        robot.interact(name::selectAll);
        robot.write("Dana Expert");
        press(robot, KeyCode.ENTER);
        assertThat(robot.lookup("#reviewerBanner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#reviewerLink").queryAs(javafx.scene.control.Hyperlink.class).getText())
                .as("the status bar shows who labels").isEqualTo("Dana Expert");
        assertThat(position(robot)).as(status(robot)).isEqualTo("Item 1 of " + items);

        // item 1: fail, unsupported claim, a note, a corrected output — then Ctrl+Enter
        press(robot, KeyCode.DIGIT2);
        press(robot, KeyCode.U);
        press(robot, KeyCode.N);
        robot.write("Answered Sydney, the largest city; the capital is Canberra.");
        press(robot, KeyCode.ESCAPE);
        press(robot, KeyCode.E);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("Canberra");
        assertThat(robot.lookup(".correction-diff .diff-added").tryQuery()).isPresent();
        snapshot(robot, "review-desk");
        press(robot, KeyCode.CONTROL, KeyCode.ENTER);
        assertThat(status(robot)).startsWith("Saved at");
        assertThat(position(robot)).isEqualTo("Item 2 of " + items);

        // item 2: pass; then K goes back to item 1, J forward again
        press(robot, KeyCode.DIGIT1);
        press(robot, KeyCode.CONTROL, KeyCode.ENTER);
        press(robot, KeyCode.K);
        press(robot, KeyCode.K);
        assertThat(position(robot)).isEqualTo("Item 1 of " + items);
        assertThat(robot.lookup("#verdict-fail").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .as("the form shows my saved label").isTrue();
        press(robot, KeyCode.J);
        press(robot, KeyCode.J);
        assertThat(position(robot)).isEqualTo("Item 3 of " + items);

        // the rest: unsure, and an undo of the last one, relabeled as pass
        for (int i = 3; i <= items; i++) {
            press(robot, KeyCode.DIGIT3);
            press(robot, KeyCode.CONTROL, KeyCode.ENTER);
        }
        press(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(status(robot)).startsWith("Undid your label");
        assertThat(position(robot)).isEqualTo("Item " + items + " of " + items);
        press(robot, KeyCode.DIGIT1);
        press(robot, KeyCode.CONTROL, KeyCode.ENTER);

        press(robot, KeyCode.SHIFT, KeyCode.SLASH);
        assertThat(robot.lookup(".shortcuts-overlay").query().isVisible()).isTrue();
        snapshot(robot, "review-shortcuts");
        press(robot, KeyCode.ESCAPE);
        assertThat(robot.lookup(".shortcuts-overlay").query().isVisible()).isFalse();

        List<String> verdicts = dsl().select(REVIEW_LABEL.VERDICT).from(REVIEW_LABEL)
                .where(REVIEW_LABEL.ACTION.eq("LABEL")).orderBy(REVIEW_LABEL.ID).fetch(REVIEW_LABEL.VERDICT);
        assertThat(verdicts).hasSize(items + 1).startsWith("FAIL", "PASS").endsWith("UNSURE", "PASS");
        var first = dsl().selectFrom(REVIEW_LABEL).orderBy(REVIEW_LABEL.ID).limit(1).fetchOne();
        assertThat(first.getReviewer()).isEqualTo("Dana Expert");
        assertThat(first.getFailureCategoriesJson()).isEqualTo("[\"unsupported claim\"]");
        assertThat(first.getNote()).isEqualTo("Answered Sydney, the largest city; the capital is Canberra.");
        assertThat(first.getCorrectedOutput()).isEqualTo("Canberra");
        assertThat(dsl().fetchCount(REVIEW_LABEL, REVIEW_LABEL.ACTION.eq("RETRACT"))).isEqualTo(1);
        assertThat(new LogVerifier(dsl()).verify().intact()).isTrue();
        assertThat(robot.lookup(".queue-counts").queryAllAs(Label.class))
                .anySatisfy(counts -> assertThat(counts.getText()).startsWith(items + " of " + items + " done"));
        assertThat(window.guard().violations()).isEmpty();
    }

    @Test
    void aQueueIsMadeFromASavedTracesViewInTheNewQueueDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        robot.interact(() -> window.viewModel().importFiles(List.of(ReviewTestData.PROMPTFOO_RUN,
                Path.of("src/test/resources/fixtures/openinference/traces.jsonl"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        waitUntilIdle();
        new dev.tracedesk.traces.SavedViews(dsl()).save("traces", "every call",
                dev.tracedesk.traces.TracesViewJson.write(dev.tracedesk.traces.TracesViewDefinition.DEFAULT));
        int calls = dsl().fetchCount(dev.tracedesk.store.generated.Tables.SPAN,
                dev.tracedesk.store.generated.Tables.SPAN.KIND.eq("LLM"));
        robot.clickOn("#nav-review");
        waitUntilIdle();

        robot.clickOn("New queue…");
        waitUntilIdle();
        robot.clickOn(robot.lookup(".dialog-pane .text-field").queryAs(javafx.scene.control.TextField.class));
        robot.write("Every call");
        robot.clickOn("Saved view");
        snapshot(robot, robot.lookup(".dialog-pane").query().getScene(), "review-new-queue");
        robot.clickOn("OK");
        waitUntilIdle();

        QueueSummary made = new ReviewQueues(dsl(), java.time.Clock.systemUTC()).byName("Every call").orElseThrow();
        assertThat(made.definition().describe()).isEqualTo("Saved view: every call");
        assertThat(made.total()).isEqualTo(calls);
        assertThat(robot.lookup(".queue-name").queryAllAs(Label.class)).extracting(Label::getText).contains("Every call");
        assertThat(position(robot)).isEqualTo("Item 1 of " + calls);
        assertThat(window.guard().violations()).isEmpty();
    }

    private static void snapshot(FxRobot robot, javafx.scene.Scene scene, String name) {
        robot.interact(() -> {
            try {
                SceneSnapshot.write(scene, name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
