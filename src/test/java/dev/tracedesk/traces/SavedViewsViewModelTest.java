package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.SAVED_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.beans.property.SimpleObjectProperty;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.search.SearchHit;
import dev.tracedesk.search.SearchResult;
import dev.tracedesk.search.SpanSearch;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;
import dev.tracedesk.ui.StatsFixtures;

/** Saving, applying, replacing and deleting views of the Traces section over {@link TraceFixtures}, without a toolkit. */
class SavedViewsViewModelTest {

    private static final TraceFilter OLD_MODEL = TraceFilter.NONE.withServedModel("gpt-4o-2024-08-06");
    private static final List<TracesViewDefinition.ViewColumn> TWO_COLUMNS = List.of(
            new TracesViewDefinition.ViewColumn("cost", 90), new TracesViewDefinition.ViewColumn("time", 140));

    @TempDir
    Path tempDir;

    private Workspace workspace;
    private final SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(StatsFixtures.empty());
    private final List<String> searched = new java.util.ArrayList<>();

    @BeforeEach
    void open() {
        workspace = Workspace.open(WorkspaceLocation.h2(tempDir.resolve("ws")));
        TraceFixtures.seed(workspace.dsl());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    /** Finds the old trace's LLM call for any query, and notes that it was asked. */
    private TracesViewModel viewModel() {
        long oldCall = workspace.dsl().select(dev.tracedesk.store.generated.Tables.SPAN.ID)
                .from(dev.tracedesk.store.generated.Tables.SPAN)
                .where(dev.tracedesk.store.generated.Tables.SPAN.EXTERNAL_SPAN_ID.eq("llm-old")).fetchOne().value1();
        SpanSearch search = (query, limit) -> {
            searched.add(query);
            return new SearchResult(query, 1, List.of(new SearchHit(oldCall, "t-old", "llm-old", "output", 1f, List.of())));
        };
        TracesViewModel viewModel = new TracesViewModel(new ImmediateTaskRunner(), stats, () -> Optional.of(workspace),
                ws -> search);
        stats.set(StatsFixtures.withTracesAndReviewItems(4, 0));
        return viewModel;
    }

    private static void showOldModelCallsByCost(TracesViewModel viewModel) {
        viewModel.llmCallsProperty().set(true);
        viewModel.setSort(new TraceSort(TraceSort.Column.COST, true));
        viewModel.setFilter(OLD_MODEL);
        viewModel.columnsProperty().set(TWO_COLUMNS);
    }

    @Test
    void applyingASavedViewRestoresFiltersSearchToggleSortAndColumns() {
        TracesViewModel viewModel = viewModel();
        showOldModelCallsByCost(viewModel);
        viewModel.searchTextProperty().set("refund");
        viewModel.search();
        List<TraceRow> shown = List.copyOf(viewModel.rows());
        SavedViewsViewModel views = viewModel.savedViews();

        views.save("gpt-4o refunds");
        assertThat(views.names()).containsExactly("gpt-4o refunds");
        assertThat(views.titleProperty().get()).isEqualTo("View: gpt-4o refunds");

        viewModel.clearFilters();
        viewModel.llmCallsProperty().set(false);
        viewModel.setSort(TraceSort.NEWEST_FIRST);
        viewModel.columnsProperty().set(List.of());
        assertThat(views.titleProperty().get()).isEqualTo("View: gpt-4o refunds (modified)");
        assertThat(viewModel.rows()).hasSize(4);
        searched.clear();

        views.apply("gpt-4o refunds");

        assertThat(viewModel.filterProperty().get().withSpanRowIds(null)).isEqualTo(OLD_MODEL);
        assertThat(viewModel.filterProperty().get().spanRowIds()).as("the search ran again").hasSize(1);
        assertThat(searched).containsExactly("refund");
        assertThat(viewModel.searchTextProperty().get()).isEqualTo("refund");
        assertThat(viewModel.llmCallsProperty().get()).isTrue();
        assertThat(viewModel.sortProperty().get()).isEqualTo(new TraceSort(TraceSort.Column.COST, true));
        assertThat(viewModel.columnsProperty().get()).isEqualTo(TWO_COLUMNS);
        assertThat(viewModel.rows()).isEqualTo(shown).extracting(TraceRow::spanId).containsExactly("llm-old");
        assertThat(views.titleProperty().get()).isEqualTo("View: gpt-4o refunds");
        assertThat(views.modifiedProperty().get()).isFalse();
    }

    @Test
    void changingAFilterMarksTheViewModifiedAndChangingItBackDoesNot() {
        TracesViewModel viewModel = viewModel();
        showOldModelCallsByCost(viewModel);
        SavedViewsViewModel views = viewModel.savedViews();
        views.save("old model");

        viewModel.setFilter(OLD_MODEL.withHasError(true));
        assertThat(views.modifiedProperty().get()).isTrue();
        assertThat(views.titleProperty().get()).isEqualTo("View: old model (modified)");

        viewModel.setFilter(OLD_MODEL);
        assertThat(views.titleProperty().get()).isEqualTo("View: old model");
    }

    @Test
    void savingUnderAnExistingNameReplacesThatView() {
        TracesViewModel viewModel = viewModel();
        SavedViewsViewModel views = viewModel.savedViews();
        showOldModelCallsByCost(viewModel);
        views.save("mine");
        assertThat(views.exists(" mine ")).isTrue();

        viewModel.clearFilters();
        viewModel.llmCallsProperty().set(false);
        views.save("mine");
        assertThat(views.messageProperty().get()).isEqualTo("Replaced the view \u201cmine\u201d.");
        showOldModelCallsByCost(viewModel);
        views.apply("mine");

        assertThat(views.names()).containsExactly("mine");
        assertThat(viewModel.filterProperty().get()).isEqualTo(TraceFilter.NONE);
        assertThat(viewModel.llmCallsProperty().get()).isFalse();
        assertThat(viewModel.rows()).hasSize(4);
    }

    @Test
    void deletingTheAppliedViewForgetsIt() {
        TracesViewModel viewModel = viewModel();
        SavedViewsViewModel views = viewModel.savedViews();
        views.save("first");
        views.save("second");

        views.delete("second");

        assertThat(views.names()).containsExactly("first");
        assertThat(views.appliedNameProperty().get()).isNull();
        assertThat(views.titleProperty().get()).isEqualTo("Views");
    }

    @Test
    void renamingTheAppliedViewKeepsItAppliedAndATakenNameIsRefused() {
        TracesViewModel viewModel = viewModel();
        SavedViewsViewModel views = viewModel.savedViews();
        views.save("taken");
        views.save("draft");

        views.rename("draft", "final");
        assertThat(views.names()).containsExactly("final", "taken");
        assertThat(views.titleProperty().get()).isEqualTo("View: final");
        assertThat(views.messageProperty().get()).isEqualTo("Renamed the view \u201cdraft\u201d to \u201cfinal\u201d.");

        views.rename("gone", "other");
        assertThat(views.messageProperty().get()).isEqualTo("The view \u201cgone\u201d is no longer in this workspace.");

        views.rename("final", "taken");
        assertThat(views.messageProperty().get()).isEqualTo("A view named \u201ctaken\u201d already exists.");
        assertThat(views.names()).containsExactly("final", "taken");
    }

    @Test
    void anUnreadableDefinitionIsReportedAndTheSectionKeepsWhatItShows() {
        TracesViewModel viewModel = viewModel();
        viewModel.setFilter(OLD_MODEL);
        workspace.dsl().insertInto(SAVED_VIEW).set(SAVED_VIEW.SECTION, SavedViewsViewModel.SECTION)
                .set(SAVED_VIEW.NAME, "broken").set(SAVED_VIEW.DEFINITION_JSON, "{\"filter\": ")
                .set(SAVED_VIEW.CREATED_AT, java.time.OffsetDateTime.now()).execute();
        SavedViewsViewModel views = viewModel.savedViews();
        views.refresh();

        views.apply("broken");

        assertThat(views.names()).containsExactly("broken");
        assertThat(views.messageProperty().get()).startsWith("The view \u201cbroken\u201d could not be read: it is not JSON");
        assertThat(viewModel.filterProperty().get()).isEqualTo(OLD_MODEL);
        assertThat(views.appliedNameProperty().get()).isNull();
    }

    @Test
    void anInvalidNameIsNotSaved() {
        TracesViewModel viewModel = viewModel();
        SavedViewsViewModel views = viewModel.savedViews();

        views.save("  ");
        assertThat(views.messageProperty().get()).isEqualTo("Give the view a name.");
        views.save("x".repeat(201));
        assertThat(views.messageProperty().get()).isEqualTo("A name has at most 200 characters.");
        assertThat(views.names()).isEmpty();
    }
}
