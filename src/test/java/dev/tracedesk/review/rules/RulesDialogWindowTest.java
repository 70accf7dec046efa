package dev.tracedesk.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import dev.tracedesk.core.task.FxTaskRunner;
import dev.tracedesk.review.rules.RulesDialogViewModel.RuleRow;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** The rules dialog, headless: add a rule, switch one on in the list, re-apply, see the result. */
@ExtendWith(ApplicationExtension.class)
class RulesDialogWindowTest {

    @TempDir
    static Path folder;

    private Workspace workspace;
    private FxTaskRunner tasks;
    private Stage dialog;

    @Start
    void start(Stage owner) {
        workspace = Workspace.open(WorkspaceLocation.h2(folder.resolve("ws-" + System.nanoTime())));
        RuleRows rows = new RuleRows(workspace.dsl());
        long run = rows.run();
        rows.evalCase(run, "PASS", 45_000L, null);
        rows.evalCase(run, "FAIL", 100L, null);
        tasks = new FxTaskRunner();
        owner.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        owner.show();
        dialog = RulesDialogView.open(owner, tasks, () -> Optional.of(workspace));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(dialog::close);
        tasks.close();
        workspace.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<RuleRow> table(FxRobot robot) {
        return robot.lookup("#rulesTable").queryAs(TableView.class);
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void addARuleSwitchOneOnAndReapplyToExistingData(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 7);

        robot.clickOn("Add…");
        robot.clickOn("#ruleNameField").write("Very slow");
        ComboBox<RuleType> type = robot.lookup("#ruleTypeChoice").queryComboBox();
        robot.interact(() -> type.setValue(RuleType.LATENCY_ABOVE));
        TextField budget = robot.lookup("#field-budgetMs").queryAs(TextField.class);
        robot.interact(budget::clear);
        robot.clickOn(budget).write("4x");
        assertThat(robot.lookup(".status-danger").queryAll()).anySatisfy(node ->
                assertThat(((Label) node).getText()).isEqualTo("Budget (ms) must be a number, not \"4x\"."));
        robot.interact(budget::clear);
        robot.clickOn(budget).write("40000");
        robot.clickOn("Save rule");
        waitFor(() -> table(robot).getItems().size() == 8);
        RuleRow added = table(robot).getItems().stream().filter(row -> row.name().equals("Very slow")).findFirst().orElseThrow();
        assertThat(added.summary()).isEqualTo("latency over 40 s");
        assertThat(added.enabledProperty().get()).isTrue();

        TableRow<?> spotCheck = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() instanceof RuleRow rule && rule.name().equals("Spot check")).findFirst().orElseThrow();
        robot.clickOn(robot.from(spotCheck).lookup(".check-box").queryAs(CheckBox.class));
        waitFor(() -> new FlagRules(workspace.dsl()).findByName("Spot check").orElseThrow().enabled());

        robot.clickOn("Re-apply to existing data");
        Label result = robot.lookup("#applyResultLabel").queryAs(Label.class);
        waitFor(() -> result.getText().startsWith("2 new review items"));
        assertThat(result.getText()).contains("Very slow: 1 matched", "Eval case failed or errored: 1 matched", "Spot check: 0 matched");
        robot.interact(() -> {
            try {
                dev.tracedesk.shell.SceneSnapshot.write(dialog.getScene(), "rules-dialog");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
