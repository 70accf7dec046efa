package dev.tracedesk.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;
import dev.tracedesk.ui.StatsFixtures;

/**
 * The Views menu's "Rename view…" and "Delete view…", headless, with their dialogs, over a real
 * workspace: what the dialogs are answered with is what the workspace keeps.
 */
@ExtendWith(ApplicationExtension.class)
class SavedViewsMenuTest {

    private Workspace workspace;
    private SavedViewsViewModel views;
    private MenuButton menu;

    @Start
    void start(Stage stage) {
        workspace = Workspace.open(WorkspaceLocation.h2(Path.of("target", "saved-views-menu-test", UUID.randomUUID().toString(), "ws")));
        TraceFixtures.seed(workspace.dsl());
        SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(StatsFixtures.withTracesAndReviewItems(4, 0));
        // Queries at once on the calling thread: this tests the menu and its dialogs, not the threading.
        views = new TracesViewModel(new ImmediateTaskRunner(), stats, () -> Optional.of(workspace), ws -> null).savedViews();
        menu = new MenuButton();
        menu.setId("viewsMenu");
        new SavedViewsMenu(menu, views);
        stage.setScene(new Scene(new StackPane(menu), 600, 400));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        // A dialog a failed test left open would block the next one.
        robot.listTargetWindows().stream().filter(window -> window != menu.getScene().getWindow())
                .forEach(window -> robot.interact(window::hide));
        workspace.close();
    }

    private MenuItem item(String id) {
        return menu.getItems().stream().filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    /** Chooses the menu item; its dialog waits for an answer, so nothing waits for the item's action to end. */
    private void choose(FxRobot robot, String id) {
        Platform.runLater(() -> item(id).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T extends Node> T inDialog(FxRobot robot, String query, Class<T> type) {
        T node = robot.lookup(query).queryAs(type);
        // Keys go to the target window: the dialog's.
        robot.targetWindow(node.getScene().getWindow());
        return node;
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(".dialog-pane .button").match(node -> node instanceof Button b && b.getText().equals(text))
                .queryAs(Button.class);
    }

    private void answer(FxRobot robot, Button button) {
        Window dialog = button.getScene().getWindow();
        robot.interact(button::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).isFalse();
        robot.targetWindow(menu.getScene().getWindow());
    }

    @Test
    void renameAndDeleteAreOfferedOnlyOnceThereAreViews() {
        assertThat(item("renameViewItem").isDisable()).isTrue();
        assertThat(item("deleteViewItem").isDisable()).isTrue();
        assertThat(menu.getItems()).extracting(MenuItem::getText)
                .containsSubsequence("Save view as\u2026", "Rename view\u2026", "Delete view\u2026");
    }

    @Test
    void renamingTheAppliedViewKeepsItAppliedAndATakenNameCannotBeChosen(FxRobot robot) {
        robot.interact(() -> {
            views.save("all traces");
            views.save("draft");
        });
        assertThat(item("renameViewItem").isDisable()).isFalse();

        choose(robot, "renameViewItem");
        ComboBox<?> choice = inDialog(robot, "#renameViewChoice", ComboBox.class);
        TextField name = inDialog(robot, "#renameViewNameField", TextField.class);
        assertThat(choice.getValue()).as("the applied view first").isEqualTo("draft");
        assertThat(name.getText()).isEqualTo("draft");
        Button rename = button(robot, "Rename");
        assertThat(rename.isDisable()).as("nothing to rename yet").isTrue();

        robot.interact(name::selectAll);
        robot.write("all traces");
        assertThat(robot.lookup("#renameViewProblem").queryAs(Label.class).getText()).isEqualTo("Another view has that name.");
        assertThat(rename.isDisable()).isTrue();

        robot.interact(name::selectAll);
        robot.write("gpt-4o refunds");
        assertThat(rename.isDisable()).isFalse();
        answer(robot, rename);

        assertThat(views.names()).containsExactly("all traces", "gpt-4o refunds");
        assertThat(views.titleProperty().get()).isEqualTo("View: gpt-4o refunds");
        assertThat(views.messageProperty().get()).isEqualTo("Renamed the view \u201cdraft\u201d to \u201cgpt-4o refunds\u201d.");
        assertThat(menu.getItems()).extracting(MenuItem::getText).startsWith("all traces", "gpt-4o refunds");
        assertThat(new SavedViews(workspace.dsl()).names(SavedViewsViewModel.SECTION))
                .containsExactly("all traces", "gpt-4o refunds");
    }

    @Test
    void deletingAsksFirstAndCancellingKeepsTheView(FxRobot robot) {
        robot.interact(() -> {
            views.save("keep me");
            views.save("old refunds");
        });

        choose(robot, "deleteViewItem");
        assertThat(inDialog(robot, ".choice-dialog .combo-box", ComboBox.class).getValue()).as("the applied view first")
                .isEqualTo("old refunds");
        answer(robot, button(robot, "OK"));
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Delete the view \u201cold refunds\u201d?");
        Button cancel = button(robot, "Cancel");
        assertThat(cancel.isDefaultButton()).as("Enter alone does not delete").isTrue();
        answer(robot, cancel);
        assertThat(views.names()).containsExactly("keep me", "old refunds");

        choose(robot, "deleteViewItem");
        inDialog(robot, ".choice-dialog", Node.class);
        answer(robot, button(robot, "OK"));
        answer(robot, button(robot, "Delete"));

        assertThat(views.names()).containsExactly("keep me");
        assertThat(views.titleProperty().get()).as("the applied view is gone").isEqualTo("Views");
        assertThat(new SavedViews(workspace.dsl()).names(SavedViewsViewModel.SECTION)).containsExactly("keep me");
    }
}
