package dev.tracedesk.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;
import dev.tracedesk.ui.StatsFixtures;

/**
 * The filter sidebar, headless, over {@link TraceFixtures}: its fields apply on Enter, and show the
 * filter that was applied elsewhere — a saved view, Clear filters — without losing what is being typed.
 */
@ExtendWith(ApplicationExtension.class)
class FilterSidebarTest {

    private static final String VIEW = "slow claude calls";

    private Workspace workspace;
    private TracesViewModel viewModel;

    @Start
    void start(Stage stage) {
        workspace = Workspace.open(WorkspaceLocation.h2(Path.of("target", "filter-sidebar-test", UUID.randomUUID().toString(), "ws")));
        TraceFixtures.seed(workspace.dsl());
        SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(StatsFixtures.withTracesAndReviewItems(4, 0));
        // Queries at once on the calling thread: this tests what the sidebar shows, not the threading.
        viewModel = new TracesViewModel(new ImmediateTaskRunner(), stats, () -> Optional.of(workspace), ws -> null);
        stage.setScene(new Scene(new ScrollPane(new FilterSidebar(viewModel)), 320, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TextField.class).getText();
    }

    private static DatePicker datePicker(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(DatePicker.class);
    }

    /** Keys go to the focused field, wherever the sidebar has scrolled it. */
    private static FxRobot focus(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup("#" + id).query().requestFocus());
        return robot;
    }

    private static void enter(FxRobot robot, String id, String text) {
        focus(robot, id).write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TraceFilter filter() {
        return viewModel.filterProperty().get();
    }

    @Test
    void applyingASavedViewShowsItsFiltersInTheSidebarFields(FxRobot robot) {
        enter(robot, "requestedModelField", "claude-3-5-sonnet");
        enter(robot, "minLatencyField", "1000");
        enter(robot, "maxLatencyField", "2500.5");
        enter(robot, "minCostField", "0.001");
        enter(robot, "maxCostField", "0.25");
        enter(robot, "importIdField", "7");
        robot.interact(() -> robot.lookup("#errorsOnlyCheck").queryAs(CheckBox.class).fire());
        robot.interact(() -> {
            datePicker(robot, "fromDatePicker").setValue(LocalDate.of(2024, 3, 1));
            datePicker(robot, "toDatePicker").setValue(LocalDate.of(2024, 5, 1));
        });
        TraceFilter typed = filter();
        assertThat(typed.requestedModel()).isEqualTo("claude-3-5-sonnet");
        assertThat(typed.minLatencyNs()).isEqualTo(1_000_000_000L);
        assertThat(typed.maxLatencyNs()).isEqualTo(2_500_500_000L);
        assertThat(typed.minCostUsd()).isEqualByComparingTo("0.001");
        assertThat(typed.maxCostUsd()).isEqualByComparingTo("0.25");
        assertThat(typed.importId()).isEqualTo(7L);
        assertThat(typed.hasError()).isTrue();
        assertThat(typed.fromNs()).isNotNull();
        robot.interact(() -> viewModel.savedViews().save(VIEW));

        robot.interact(viewModel::clearFilters);
        assertThat(filter()).isEqualTo(TraceFilter.NONE);
        for (String id : new String[] {"requestedModelField", "minLatencyField", "maxLatencyField", "minCostField",
                "maxCostField", "importIdField"}) {
            assertThat(text(robot, id)).as(id + " after Clear filters").isEmpty();
        }
        assertThat(datePicker(robot, "fromDatePicker").getValue()).isNull();
        assertThat(datePicker(robot, "toDatePicker").getValue()).isNull();

        robot.interact(() -> viewModel.savedViews().apply(VIEW));

        assertThat(filter()).isEqualTo(typed);
        assertThat(text(robot, "requestedModelField")).isEqualTo("claude-3-5-sonnet");
        assertThat(text(robot, "minLatencyField")).isEqualTo("1000");
        assertThat(text(robot, "maxLatencyField")).isEqualTo("2500.5");
        assertThat(text(robot, "minCostField")).isEqualTo("0.001");
        assertThat(text(robot, "maxCostField")).isEqualTo("0.25");
        assertThat(text(robot, "importIdField")).isEqualTo("7");
        assertThat(robot.lookup("#errorsOnlyCheck").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(datePicker(robot, "fromDatePicker").getValue()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(datePicker(robot, "toDatePicker").getValue()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(viewModel.savedViews().titleProperty().get()).as("showing the view is not changing it")
                .isEqualTo("View: " + VIEW);

        // What the fields show reads back as the same filter: Enter in one changes nothing.
        focus(robot, "maxCostField").type(KeyCode.ENTER);
        focus(robot, "maxLatencyField").type(KeyCode.ENTER);
        assertThat(filter()).isEqualTo(typed);
    }

    @Test
    void aFieldBeingTypedKeepsItsTextWhenAnotherPartOfTheFilterChanges(FxRobot robot) {
        enter(robot, "maxCostField", "0.5");
        focus(robot, "minLatencyField").write("200");

        robot.interact(() -> viewModel.setFilter(filter().withServedModel("gpt-4o-2024-08-06")));

        assertThat(text(robot, "minLatencyField")).as("typed, not applied yet").isEqualTo("200");
        assertThat(text(robot, "maxCostField")).isEqualTo("0.5");
        assertThat(filter().minLatencyNs()).isNull();
        assertThat(filter().maxCostUsd()).isEqualByComparingTo(new BigDecimal("0.5"));

        robot.interact(() -> viewModel.setFilter(filter().withCostRange(null, null)));

        assertThat(text(robot, "maxCostField")).as("dropped elsewhere").isEmpty();
        assertThat(text(robot, "minLatencyField")).isEqualTo("200");
    }
}
