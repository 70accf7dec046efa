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

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.traces.FacetCount;
import dev.tracedesk.traces.TraceFilter;
import dev.tracedesk.traces.TraceListQueries;
import dev.tracedesk.traces.TraceRow;
import dev.tracedesk.traces.TraceSort;

/**
 * Saved views in the real window, headless, over imported fixture files: a view saved with a facet
 * filter, a sort and a hidden column comes back whole after the filters were cleared.
 */
@ExtendWith(ApplicationExtension.class)
class SavedViewsWindowTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final String VIEW = "one model by latency";

    private Path folder;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        folder = Path.of("target", "saved-views-window-test", UUID.randomUUID().toString());
        stage.setWidth(1280);
        stage.setHeight(800);
        window = RealReadersWindow.open(stage, folder);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    private void waitUntilIdle() throws Exception {
        RealReadersWindow.waitUntilIdle(window);
    }

    private void importFixtures(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        robot.interact(() -> window.viewModel().importFiles(List.of(FIXTURES.resolve("openinference/rag-trace.json"),
                FIXTURES.resolve("otel-genai/traces.jsonl"), FIXTURES.resolve("langfuse-otel/traces.jsonl"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        waitUntilIdle();
        robot.clickOn("#nav-traces");
        waitUntilIdle();
    }

    @SuppressWarnings("unchecked")
    private static TableView<TraceRow> table(FxRobot robot) {
        return robot.lookup("#tracesTable").queryAs(TableView.class);
    }

    private static TableColumn<TraceRow, ?> column(FxRobot robot, String title) {
        return table(robot).getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }

    private static String viewsMenuText(FxRobot robot) {
        return robot.lookup("#viewsMenu").queryAs(MenuButton.class).getText();
    }

    private List<String> expectedTraces(TraceFilter filter, TraceSort sort) {
        return new TraceListQueries(window.viewModel().session().workspace().orElseThrow().dsl())
                .traces(filter, sort, 0).rows().stream().map(TraceRow::traceId).toList();
    }

    @Test
    void aSavedViewBringsBackItsFacetFilterSortAndColumnsAfterTheyWereCleared(FxRobot robot) throws Exception {
        importFixtures(robot);
        List<String> everything = expectedTraces(TraceFilter.NONE, TraceSort.NEWEST_FIRST);
        Button modelValue = robot.lookup("#facet-served-model .facet-value").queryAs(Button.class);
        FacetCount model = (FacetCount) modelValue.getUserData();
        robot.clickOn(modelValue);
        waitUntilIdle();
        // What a click on the header does, without depending on where the header lands on the headless screen.
        robot.interact(() -> {
            column(robot, "Latency").setSortType(TableColumn.SortType.ASCENDING);
            table(robot).getSortOrder().setAll(List.of(column(robot, "Latency")));
        });
        waitUntilIdle();
        robot.interact(() -> column(robot, "Spans").setVisible(false));
        TraceSort byLatency = new TraceSort(TraceSort.Column.LATENCY, true);
        List<String> saved = expectedTraces(TraceFilter.NONE.withServedModel(model.value()), byLatency);
        assertThat(saved).isNotEmpty().hasSizeLessThan(everything.size());
        assertThat(table(robot).getItems()).extracting(TraceRow::traceId).containsExactlyElementsOf(saved);

        robot.interact(() -> table(robot).requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField name = robot.lookup("#viewNameField").queryAs(TextField.class);
        // Key events go to the target window: the dialog's, where the name field has the focus.
        robot.targetWindow(name.getScene().getWindow()).write(VIEW).press(KeyCode.ENTER).release(KeyCode.ENTER);
        robot.targetWindow(window.stage());
        waitUntilIdle();
        assertThat(viewsMenuText(robot)).isEqualTo("View: " + VIEW);
        assertThat(robot.lookup("#viewNote").queryAs(Label.class).getText()).isEqualTo("Saved the view \u201c" + VIEW + "\u201d.");

        robot.clickOn("#clearFiltersButton");
        robot.interact(() -> column(robot, "Spans").setVisible(true));
        waitUntilIdle();
        assertThat(table(robot).getItems()).extracting(TraceRow::traceId).containsExactlyElementsOf(everything);
        assertThat(robot.lookup("#facet-served-model .facet-chosen").tryQuery()).isEmpty();
        assertThat(viewsMenuText(robot)).isEqualTo("View: " + VIEW + " (modified)");

        MenuButton views = robot.lookup("#viewsMenu").queryAs(MenuButton.class);
        assertThat(views.getItems()).extracting(MenuItem::getText).startsWith(VIEW);
        // Fired rather than clicked in the popup: what is checked is what choosing the item does.
        robot.interact(() -> views.getItems().stream().filter(item -> VIEW.equals(item.getText())).findFirst()
                .orElseThrow().fire());
        waitUntilIdle();

        assertThat(table(robot).getItems()).extracting(TraceRow::traceId).containsExactlyElementsOf(saved);
        assertThat(table(robot).getSortOrder()).containsExactly(column(robot, "Latency"));
        assertThat(column(robot, "Latency").getSortType()).isEqualTo(TableColumn.SortType.ASCENDING);
        assertThat(column(robot, "Spans").isVisible()).isFalse();
        Button chosen = robot.lookup("#facet-served-model .facet-chosen").queryAs(Button.class);
        assertThat(((FacetCount) chosen.getUserData()).value()).isEqualTo(model.value());
        assertThat(viewsMenuText(robot)).isEqualTo("View: " + VIEW);
        assertThat(window.guard().violations()).isEmpty();
    }
}
