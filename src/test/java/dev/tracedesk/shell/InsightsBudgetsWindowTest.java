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

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.insights.GroupStats;

/**
 * The Insights tabs in the real window: Alt+B opens Budgets with the budget field focused, a
 * p95 budget of 1 ms for the chosen model typed and added with Enter marks that model's row over
 * budget, Alt+L flags the calls already over it; Alt+N shows the cost projection; Alt+P opens the price table and Escape closes it;
 * Enter on a breach lists its calls in Traces.
 */
@ExtendWith(ApplicationExtension.class)
class InsightsBudgetsWindowTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final PseudoClass OVER_BUDGET = PseudoClass.getPseudoClass("over-budget");

    private MainWindow window;
    private final Path folder = Path.of("target", "insights-budgets-window-test", UUID.randomUUID().toString());

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

    @Test
    @SuppressWarnings("unchecked")
    void aBudgetAddedFromTheKeyboardMarksItsGroupAndThePricesOpenWithAltP(FxRobot robot) throws Exception {
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
        TableView<GroupStats> groups = robot.lookup("#groupTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !groups.getItems().isEmpty());
        RealReadersWindow.waitUntilIdle(window);
        GroupStats chosen = groups.getSelectionModel().getSelectedItem();
        assertThat(chosen).as("the first row is chosen, and prefills the budget's group").isNotNull();

        press(robot, KeyCode.ALT, KeyCode.B);
        TabPane tabs = robot.lookup("#chartTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Budgets");
        Node amount = robot.lookup("#budgetAmountField").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, amount::isFocused);
        press(robot, KeyCode.DIGIT1);
        press(robot, KeyCode.ENTER);

        TableView<?> rules = robot.lookup("#budgetRulesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rules.getItems().stream()
                .anyMatch(rule -> rule.toString().contains("daily p95 latency over 1 ms")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup(".table-cell")
                .match(node -> node.getPseudoClassStates().contains(OVER_BUDGET)).queryAll().isEmpty());
        RealReadersWindow.waitUntilIdle(window);
        TableCell<?, ?> marked = robot.lookup(".table-cell").match(node -> node.getPseudoClassStates().contains(OVER_BUDGET))
                .queryAs(TableCell.class);
        assertThat(marked.getTooltip().getText()).as("the marked cell says why").contains("Over budget: p95");
        TableView<?> breaches = robot.lookup("#breachesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !breaches.getItems().isEmpty());
        assertThat(robot.lookup("#flagExistingButton").query().isVisible()).as("offered after adding").isTrue();
        snapshot(robot, robot.lookup("#section-insights").query().getScene(), "insights-budgets");

        // Alt+L: the calls already imported that are over the new budget become review items, and the counts follow
        press(robot, KeyCode.ALT, KeyCode.L);
        Label outcome = robot.lookup("#budgetOutcome").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> outcome.getText().startsWith("Flagged existing calls: "));
        assertThat(outcome.getText()).doesNotContain(": 0 new review items");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> window.viewModel().session().statsProperty().get().reviewItems() > 0);

        press(robot, KeyCode.ALT, KeyCode.N);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Cost projection");
        TableView<?> projection = robot.lookup("#projectionTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !projection.getItems().isEmpty());
        RealReadersWindow.waitUntilIdle(window);
        assertThat(robot.lookup("#projectionTotal").queryAs(Label.class).getText()).startsWith("A month (30 days) at ");
        snapshot(robot, robot.lookup("#section-insights").query().getScene(), "insights-projection");

        press(robot, KeyCode.ALT, KeyCode.P);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#pricesTable").tryQuery().isPresent());
        TableView<?> prices = robot.lookup("#pricesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !prices.getItems().isEmpty());
        RealReadersWindow.waitUntilIdle(window);
        Scene dialog = prices.getScene();
        snapshot(robot, dialog, "insights-prices");
        press(robot, KeyCode.ESCAPE);
        Window dialogWindow = dialog.getWindow();
        assertThat(dialogWindow == null || !dialogWindow.isShowing()).as("Escape closes the prices").isTrue();

        // Enter on a breach lists the calls behind it in Traces
        press(robot, KeyCode.ALT, KeyCode.B);
        robot.interact(() -> {
            breaches.requestFocus();
            breaches.getSelectionModel().select(0);
        });
        press(robot, KeyCode.ENTER);
        assertThat(window.viewModel().selectedSectionProperty().get()).isEqualTo(Section.TRACES);
        assertThat(window.guard().violations()).isEmpty();
    }

    private static void snapshot(FxRobot robot, Scene scene, String name) {
        robot.interact(() -> {
            try {
                SceneSnapshot.write(scene, name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
