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

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.insights.GroupStats;
import dev.tracedesk.traces.TraceRow;

/**
 * The Insights section in the real window: OTel GenAI and OpenInference traces imported, Ctrl+5
 * shows each served model's figures, and Enter on a model's row lists its calls in Traces.
 */
@ExtendWith(ApplicationExtension.class)
class InsightsWindowTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private MainWindow window;
    private final Path folder = Path.of("target", "insights-window-test", UUID.randomUUID().toString());

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
    void enterOnAModelsRowListsItsCallsInTraces(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        robot.interact(() -> window.viewModel().importFiles(List.of(FIXTURES.resolve("otel-genai/traces.jsonl"),
                FIXTURES.resolve("openinference/traces.jsonl"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        RealReadersWindow.waitUntilIdle(window);
        robot.interact(() -> {
            window.stage().setWidth(1600);
            window.stage().setHeight(960);
        });

        press(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        TableView<GroupStats> groups = table(robot, "#groupTable");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !groups.getItems().isEmpty());
        RealReadersWindow.waitUntilIdle(window);
        assertThat(groups.getItems().size()).as("several served models").isGreaterThan(1);
        assertThat(groups.isFocused()).as("the section's keys work without a click").isTrue();
        assertThat(robot.lookup("#rangeLabel").queryAs(Label.class).getText()).contains("LLM calls");
        assertThat(robot.lookup("#latencyChart").tryQuery()).isPresent();
        snapshot(robot, "insights");
        robot.interact(() -> robot.lookup("#chartTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(3));
        RealReadersWindow.waitUntilIdle(window);
        snapshot(robot, "insights-load");
        robot.interact(() -> robot.lookup("#chartTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(2));
        RealReadersWindow.waitUntilIdle(window);
        snapshot(robot, "insights-cost");
        robot.interact(groups::requestFocus);

        GroupStats first = groups.getItems().get(0);
        assertThat(groups.getSelectionModel().getSelectedItem()).isEqualTo(first);
        press(robot, KeyCode.ENTER);

        assertThat(window.viewModel().selectedSectionProperty().get()).isEqualTo(Section.TRACES);
        TableView<TraceRow> calls = table(robot, "#tracesTable");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !calls.getItems().isEmpty());
        RealReadersWindow.waitUntilIdle(window);
        assertThat(calls.getItems()).as("one row per LLM call of the model")
                .hasSize((int) first.requests())
                .allSatisfy(row -> assertThat(row.servedModels()).containsExactly(first.key()));
        assertThat(window.guard().violations()).isEmpty();
    }

    private static void snapshot(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                SceneSnapshot.write(robot.lookup("#section-insights").query().getScene(), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
