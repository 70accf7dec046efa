package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.store.WorkspaceLocation;
import dev.tracedesk.ui.EmptyState;

@ExtendWith(ApplicationExtension.class)
class NewerWorkspaceWindowTest {

    @TempDir
    static Path folder;

    private WorkspaceLocation newer;
    private long historyRows;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        newer = TestWorkspaces.newerSchema(folder);
        historyRows = TestWorkspaces.schemaHistoryRows(newer);
        window = MainWindow.open(stage, newer, UiPreferences.load(folder.resolve(UiPreferences.FILE_NAME)),
                new SampleDataCatalog(), "test");
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void aWorkspaceFromANewerVersionShowsWhyInTheWindowAndIsNotChanged(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.FAILED);
        WaitForAsyncUtils.waitForFxEvents();

        EmptyState error = robot.lookup("#errorPane").queryAs(EmptyState.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getTitle()).isEqualTo("This workspace can't be opened");
        assertThat(error.getDescription()).contains("newer Tracedesk").doesNotContain("at dev.tracedesk");
        assertThat(robot.lookup("#readyPane").query().isVisible()).isFalse();
        assertThat(robot.lookup("#workspaceLabel").queryAs(Label.class).getText()).isEqualTo(newer.displayName());
        assertThat(robot.lookup("#countsLabel").queryAs(Label.class).getText()).isEqualTo("Not open");
        assertThat(window.guard().violations()).isEmpty();
        assertThat(TestWorkspaces.schemaHistoryRows(newer)).isEqualTo(historyRows);
    }
}
