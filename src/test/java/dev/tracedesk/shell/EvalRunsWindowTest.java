package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.evals.EvalCaseRow;
import dev.tracedesk.evals.EvalRunFixtures;
import dev.tracedesk.evals.EvalRunRow;

/**
 * The Eval runs section in the real window: the two promptfoo runs imported, Ctrl+3 shows them,
 * the older run is picked, its failures filtered, a case opened with Enter and searched with Ctrl+F.
 */
@ExtendWith(ApplicationExtension.class)
class EvalRunsWindowTest {

    private static final Path V1 = Path.of("src/test/resources/fixtures/promptfoo/run-prompt-v1.json");
    private static final Path V2 = Path.of("src/test/resources/fixtures/promptfoo/run-prompt-v2.json");

    private MainWindow window;
    private final Path folder = Path.of("target", "eval-runs-window-test", UUID.randomUUID().toString());

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

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    @Test
    void aRunsFailuresAreFilteredAndACaseOpensWithTheKeyboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        robot.interact(() -> window.viewModel().importFiles(List.of(V1, V2)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null
                        && window.viewModel().session().statsProperty().get().evalRuns() == 2);
        RealReadersWindow.waitUntilIdle(window);

        press(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
        TableView<EvalRunRow> runs = table(robot, "#runTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        RealReadersWindow.waitUntilIdle(window);
        assertThat(runs.getItems()).extracting(EvalRunRow::name)
                .containsExactly("Capital cities (prompt v2)", "Capital cities (prompt v1)");
        assertThat(runs.isFocused()).as("the section's keys work without a click").isTrue();

        // ↓ picks the older run; Enter moves into its cases
        press(robot, KeyCode.DOWN);
        assertThat(robot.lookup("#runTitle").queryAs(Label.class).getText()).isEqualTo("Capital cities (prompt v1)");
        assertThat(robot.lookup("#runFacts").queryAs(Label.class).getText())
                .contains("18 cases: 13 passed, 3 failed, 2 errors").contains("no dataset linked");
        TableView<EvalCaseRow> cases = table(robot, "#caseTable");
        assertThat(cases.getItems()).hasSize(18);
        press(robot, KeyCode.ENTER);
        assertThat(cases.isFocused()).isTrue();

        robot.clickOn("#failuresToggle");
        RealReadersWindow.waitUntilIdle(window);
        assertThat(robot.lookup("#failuresToggle").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(cases.getItems()).hasSize(3).allMatch(EvalCaseRow::failed);
        assertThat(robot.lookup("#caseCountLabel").queryAs(Label.class).getText()).isEqualTo("3 of 18 cases");

        // the second failure, opened with Enter: its detail holds the keys and shows why it failed
        robot.clickOn((Node) cases);
        press(robot, KeyCode.HOME);
        press(robot, KeyCode.DOWN);
        press(robot, KeyCode.ENTER);
        EvalCaseRow opened = cases.getSelectionModel().getSelectedItem();
        assertThat(opened.detail().description()).isEqualTo("Brazil");
        ScrollPane detail = robot.lookup("#detailScroll").queryAs(ScrollPane.class);
        assertThat(detail.isFocused()).as("promptfoo linked no trace, so the detail itself takes the keys").isTrue();
        assertThat(robot.lookup("#caseTitle").queryAs(Label.class).getText()).isEqualTo("Brazil");
        assertThat(robot.lookup("#assertionTable").tryQuery()).isPresent();
        assertThat(texts(robot.lookup("#caseExpected").query())).contains("Brasília");
        assertThat(texts(robot.lookup("#caseOutput").query())).contains(opened.detail().output());
        robot.interact(() -> { });
        snapshot(robot, cases, "eval-runs");

        // T on a case without a trace says so instead of leaving the section
        press(robot, KeyCode.T);
        assertThat(robot.lookup(".eval-runs-status").queryAs(Label.class).getText())
                .startsWith("This case has no linked trace");
        assertThat(window.viewModel().selectedSectionProperty().get()).isEqualTo(Section.EVAL_RUNS);

        // Ctrl+F: the search field; the text narrows the failures further
        press(robot, KeyCode.ESCAPE);
        press(robot, KeyCode.CONTROL, KeyCode.F);
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        assertThat(search.isFocused()).isTrue();
        robot.write("nigeria");
        RealReadersWindow.waitUntilIdle(window);
        assertThat(cases.getItems()).extracting(row -> row.detail().description()).containsExactly("Nigeria");
        assertThat(window.guard().violations()).isEmpty();
    }

    @Test
    void tOnACaseWithATraceOpensItInTheTracesSection(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        EvalRunFixtures.seed(window.viewModel().session().workspace().orElseThrow().dsl());

        press(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
        TableView<EvalCaseRow> cases = table(robot, "#caseTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cases.getItems().isEmpty());
        RealReadersWindow.waitUntilIdle(window);
        // Generous: on a loaded CI machine the runs can arrive (and take the focus) seconds after the cases.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table(robot, "#runTable").isFocused());
        press(robot, KeyCode.ENTER);
        press(robot, KeyCode.ENTER);
        assertThat(cases.getSelectionModel().getSelectedItem().detail().traceId()).isEqualTo("t-linked");
        assertThat(robot.lookup("#openTraceButton").queryAs(javafx.scene.control.Button.class).isFocused())
                .as("a case with a trace offers it first").isTrue();

        press(robot, KeyCode.T);
        assertThat(window.viewModel().selectedSectionProperty().get()).isEqualTo(Section.TRACES);
        assertThat(window.guard().violations()).isEmpty();
    }

    /** Every label's text under a node, joined: what a reader sees in that part of the pane. */
    private static String texts(Node node) {
        StringBuilder all = new StringBuilder();
        if (node instanceof Label label) {
            all.append(label.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> all.append(texts(child)));
        }
        return all.toString();
    }

    @Test
    void ctrlKComparesTheChosenRunWithThePreviousOneAndShowsTheBlameOfARegression(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        robot.interact(() -> window.viewModel().importFiles(List.of(V1, V2)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        RealReadersWindow.waitUntilIdle(window);
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot, "#runTable").getItems().size() == 2);

        // the newest run (v2) is chosen; Ctrl+K offers the run before it as the baseline, Enter compares
        press(robot, KeyCode.CONTROL, KeyCode.K);
        javafx.scene.control.DialogPane ask = (javafx.scene.control.DialogPane) javafx.stage.Window.getWindows().stream()
                .map(w -> w.getScene().getRoot()).filter(javafx.scene.control.DialogPane.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(ask.getHeaderText()).contains("Capital cities (prompt v2)");
        robot.targetWindow(ask.getScene().getWindow());
        press(robot, KeyCode.ENTER);
        robot.targetWindow(window.stage());
        javafx.stage.Window compare = javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene().lookup("#compareMatrix") != null).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> compare.getScene().lookup("#blameGrid") != null);
        assertThat(((Label) compare.getScene().lookup("#compareCounts")).getText()).startsWith("6 regressed");
        assertThat(((javafx.stage.Stage) compare).getScene().getRoot().lookupAll(".blame-changed"))
                .extracting(node -> ((Label) node).getText()).contains("prompt  ●");
        robot.interact(((javafx.stage.Stage) compare)::close);

        // both runs chosen in the table: Ctrl+K compares them with the oldest, no question asked
        robot.interact(() -> {
            table(robot, "#runTable").requestFocus();
            table(robot, "#runTable").getSelectionModel().selectAll();
        });
        press(robot, KeyCode.CONTROL, KeyCode.K);
        javafx.stage.Window both = javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene().lookup("#compareMatrix") != null).findFirst().orElseThrow();
        assertThat(javafx.stage.Window.getWindows()).noneMatch(w -> w.getScene().getRoot() instanceof javafx.scene.control.DialogPane);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ((Label) both.getScene().lookup("#compareCounts")).getText()
                .startsWith("6 regressed"));
        robot.interact(((javafx.stage.Stage) both)::close);

        // Ctrl+G: the charts window; a bar of failures per assertion type opens those cases
        press(robot, KeyCode.CONTROL, KeyCode.G);
        javafx.stage.Window charts = javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene().lookup("#runCharts") != null).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !charts.getScene().getRoot().lookupAll(".chart-bar").isEmpty());
        snapshot(robot, charts.getScene().getRoot(), "eval-runs-charts");
        assertThat(window.guard().violations()).isEmpty();
        robot.interact(((javafx.stage.Stage) charts)::close);
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
