package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import dev.tracedesk.core.task.FxTaskRunner;
import dev.tracedesk.evals.compare.CompareView;
import dev.tracedesk.evals.compare.CompareViewModel;
import dev.tracedesk.evals.compare.PromptVersionRuns;
import dev.tracedesk.store.EngineWorkspace;

/** The compare window over the two real promptfoo runs: the matrix, a regression's blame, only differences. */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {

    private EngineWorkspace workspace;
    private PromptVersionRuns.Imported runs;
    private Stage window;

    @Start
    void start(Stage stage) {
        ThemeStylesheets.apply(Theme.LIGHT);
        workspace = EngineWorkspace.open("h2", Path.of("target", "compare-window-test", UUID.randomUUID().toString()));
        runs = PromptVersionRuns.importBoth(workspace.dsl());
        CompareViewModel viewModel = new CompareViewModel(new FxTaskRunner(), () -> Optional.of(workspace.workspace()),
                Clock.systemUTC());
        window = CompareView.open(stage, viewModel, runs.v1(), runs.v2());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
        workspace.close();
    }

    @Test
    void aRegressionShowsTheAssertionThatFlippedAndThePromptChangeBehindIt(FxRobot robot) throws Exception {
        TableView<?> matrix = robot.lookup("#compareMatrix").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !matrix.getItems().isEmpty());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#blameGrid").tryQuery().isPresent());
        int differences = matrix.getItems().size();

        assertThat(robot.lookup("#compareCounts").queryAs(Label.class).getText()).contains(" regressed");
        GridPane blame = robot.lookup("#blameGrid").queryAs(GridPane.class);
        assertThat(blame.getChildren()).filteredOn(Label.class::isInstance).map(node -> ((Label) node).getText())
                .anySatisfy(text -> assertThat(text).isEqualTo("prompt  ●"))
                .anySatisfy(text -> assertThat(text).isEqualTo("capital-v1  →  capital-v2"));
        assertThat(robot.lookup(".compare-pair .diff-added").tryQuery()).as("the output's word diff").isPresent();
        robot.interact(() -> {
            try {
                SceneSnapshot.write(window.getScene(), "compare");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        robot.clickOn(robot.lookup(".check-box").queryAs(CheckBox.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(matrix.getItems().size()).as("unchanged cases come back").isGreaterThan(differences);
    }
}
