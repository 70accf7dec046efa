package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.SPAN;
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
import dev.tracedesk.search.SearchQueryException;
import dev.tracedesk.search.SearchResult;
import dev.tracedesk.search.SpanSearch;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;
import dev.tracedesk.ui.StatsFixtures;

/** The Traces section's state over {@link TraceFixtures}, without a toolkit: list, facets, search, trace view. */
class TracesViewModelTest {

    @TempDir
    Path tempDir;

    private Workspace workspace;
    private final SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(StatsFixtures.empty());

    @BeforeEach
    void open() {
        workspace = Workspace.open(WorkspaceLocation.h2(tempDir.resolve("ws")));
        TraceFixtures.seed(workspace.dsl());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private TracesViewModel viewModel(SpanSearch search) {
        TracesViewModel viewModel = new TracesViewModel(new ImmediateTaskRunner(), stats, () -> Optional.of(workspace),
                ws -> search);
        stats.set(StatsFixtures.withTracesAndReviewItems(4, 0));
        return viewModel;
    }

    @Test
    void anEmptyWorkspacePointsToImport() {
        TracesViewModel viewModel = new TracesViewModel(new ImmediateTaskRunner(), stats, Optional::empty, ws -> null);

        assertThat(viewModel.emptinessProperty().get()).isEqualTo(TracesViewModel.Emptiness.NO_TRACES);
    }

    @Test
    void theListLoadsNewestFirstWithFacetCounts() {
        TracesViewModel viewModel = viewModel(null);

        assertThat(viewModel.rows()).extracting(TraceRow::traceId).containsExactly("t-new", "t-mid", "t-old", "t-nostart");
        assertThat(viewModel.listNoteProperty().get()).isEqualTo("4 traces");
        assertThat(viewModel.facetsProperty().get().get(Facet.PROVIDER)).extracting(FacetCount::value)
                .containsExactly("openai", "anthropic");
        assertThat(viewModel.emptinessProperty().get()).isEqualTo(TracesViewModel.Emptiness.NONE);
        assertThat(viewModel.searchAvailableProperty().get()).isFalse();
    }

    @Test
    void aFilterWithNoMatchesSaysSoAndClearingBringsTheRowsBack() {
        TracesViewModel viewModel = viewModel(null);

        viewModel.setFilter(TraceFilter.NONE.withServedModel("no-such-model"));
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.emptinessProperty().get()).isEqualTo(TracesViewModel.Emptiness.NO_MATCHES);

        viewModel.clearFilters();
        assertThat(viewModel.rows()).hasSize(4);
        assertThat(viewModel.emptinessProperty().get()).isEqualTo(TracesViewModel.Emptiness.NONE);
    }

    @Test
    void sortingAndTheLlmCallsToggleReload() {
        TracesViewModel viewModel = viewModel(null);

        viewModel.setSort(new TraceSort(TraceSort.Column.LATENCY, true));
        assertThat(viewModel.rows()).extracting(TraceRow::traceId).startsWith("t-old", "t-new");
        viewModel.llmCallsProperty().set(true);
        assertThat(viewModel.rows()).extracting(TraceRow::spanId).containsExactly("llm-old", "llm");
        assertThat(viewModel.listNoteProperty().get()).isEqualTo("2 LLM calls");
    }

    @Test
    void aSearchRestrictsTheListToTheHitsTracesAndKeepsTheFragments() {
        long oldCall = workspace.dsl().select(SPAN.ID).from(SPAN).where(SPAN.EXTERNAL_SPAN_ID.eq("llm-old")).fetchOne().value1();
        SpanSearch search = (query, limit) -> new SearchResult(query, 1, List.of(new SearchHit(oldCall, "t-old", "llm-old",
                "output", 1f, List.of("the " + SearchResult.MARK_START + "refund" + SearchResult.MARK_END + " policy"))));
        TracesViewModel viewModel = viewModel(search);
        assertThat(viewModel.searchAvailableProperty().get()).isTrue();

        viewModel.searchTextProperty().set("refund");
        viewModel.search();

        assertThat(viewModel.rows()).extracting(TraceRow::traceId).containsExactly("t-old");
        assertThat(viewModel.hits()).extracting(SearchHit::externalSpanId).containsExactly("llm-old");
        assertThat(viewModel.searchNoteProperty().get()).isEqualTo("1 matching span");

        viewModel.searchTextProperty().set("");
        viewModel.search();
        assertThat(viewModel.rows()).hasSize(4);
    }

    @Test
    void anUnreadableQuerySaysWhyAndKeepsTheList() {
        TracesViewModel viewModel = viewModel((query, limit) -> {
            throw new SearchQueryException("A quote is not closed", null);
        });

        viewModel.searchTextProperty().set("\"refund");
        viewModel.search();

        assertThat(viewModel.searchNoteProperty().get()).isEqualTo("A quote is not closed");
        assertThat(viewModel.rows()).hasSize(4);
    }

    @Test
    void openingATraceSelectsItsFirstLlmCallAndBackAndForwardMoveBetweenTraces() {
        TracesViewModel viewModel = viewModel(null);
        TraceViewModel trace = viewModel.trace();

        trace.open("t-new", null);
        assertThat(trace.traceProperty().get().spans()).hasSize(5);
        assertThat(trace.selectedSpanProperty().get().spanId()).isEqualTo("llm");
        trace.open("t-old", null);
        assertThat(trace.canGoBackProperty().get()).isTrue();

        trace.goBack();
        assertThat(trace.traceProperty().get().traceId()).isEqualTo("t-new");
        assertThat(trace.canGoForwardProperty().get()).isTrue();
        trace.goForward();
        assertThat(trace.traceProperty().get().traceId()).isEqualTo("t-old");

        trace.open("missing", null);
        assertThat(trace.messageProperty().get()).contains("not in this workspace");
    }

    @Test
    void otherCallsWithThisPromptVersionListsThoseCalls() {
        TracesViewModel viewModel = viewModel(null);
        viewModel.trace().open("t-new", "llm");

        viewModel.showCallsWithPrompt(viewModel.trace().selectedSpanProperty().get());

        assertThat(viewModel.llmCallsProperty().get()).isTrue();
        assertThat(viewModel.filterProperty().get().promptVersion()).isEqualTo("3");
        assertThat(viewModel.rows()).extracting(TraceRow::spanId).containsExactly("llm");

        viewModel.trace().open("t-old", null);
        viewModel.showCallsWithModel(viewModel.trace().selectedSpanProperty().get());
        assertThat(viewModel.rows()).extracting(TraceRow::spanId).containsExactly("llm-old");
    }
}
