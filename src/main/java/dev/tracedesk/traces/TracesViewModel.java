package dev.tracedesk.traces;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.search.SearchHit;
import dev.tracedesk.search.SearchQueryException;
import dev.tracedesk.search.SearchResult;
import dev.tracedesk.search.SpanSearch;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.Workspace;

/**
 * The Traces section: a page-at-a-time list of traces (or LLM calls) under a filter and a sort
 * with facet counts for the sidebar ({@link TraceListLoader}), full-text search that narrows the
 * list to the matching spans' traces, saved views, and the opened trace ({@link TraceViewModel}).
 * All queries run as background tasks.
 */
public final class TracesViewModel {

    /** Search hits asked of the index; the list is restricted to their traces. */
    static final int SEARCH_LIMIT = 1000;

    /** What the section shows instead of the table. */
    public enum Emptiness { NONE, NO_TRACES, NO_MATCHES }

    private static final Logger LOG = LoggerFactory.getLogger(TracesViewModel.class);

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final Function<Workspace, SpanSearch> searches;
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TraceFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", TraceFilter.NONE);
    private final ReadOnlyObjectWrapper<TraceSort> sort = new ReadOnlyObjectWrapper<>(this, "sort", TraceSort.NEWEST_FIRST);
    private final BooleanProperty llmCalls = new SimpleBooleanProperty(this, "llmCalls");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyStringWrapper searchNote = new ReadOnlyStringWrapper(this, "searchNote", "");
    private final ReadOnlyBooleanWrapper searchAvailable = new ReadOnlyBooleanWrapper(this, "searchAvailable");
    private final ObjectProperty<List<TracesViewDefinition.ViewColumn>> columns = new SimpleObjectProperty<>(this, "columns", List.of());
    private final ObjectBinding<TracesViewDefinition> definition;
    private final TraceListLoader list;
    private final TraceViewModel trace;
    private final SavedViewsViewModel savedViews;
    private boolean applying;

    /**
     * @param workspace the open workspace, asked each time work starts
     * @param searches  the full-text search of a workspace, or null when this build has none
     */
    public TracesViewModel(TaskRunner tasks, ObservableValue<WorkspaceStats> stats,
                           Supplier<Optional<Workspace>> workspace, Function<Workspace, SpanSearch> searches) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.searches = searches;
        this.list = new TraceListLoader(tasks, workspace);
        this.trace = new TraceViewModel(tasks, workspace);
        this.definition = Bindings.createObjectBinding(() -> new TracesViewDefinition(filter.get(), searchText.get(),
                llmCalls.get(), sort.get(), columns.get()), filter, searchText, llmCalls, sort, columns);
        this.savedViews = new SavedViewsViewModel(tasks, workspace, definition, this::apply);
        llmCalls.addListener((observable, before, after) -> {
            if (!applying) {
                reload();
            }
        });
        stats.addListener((observable, before, after) -> workspaceChanged(after));
        workspaceChanged(stats.getValue());
    }

    public ObservableList<TraceRow> rows() {
        return list.rows();
    }

    /** The hits of the last search, best first, with their highlighted fragments. */
    public ObservableList<SearchHit> hits() {
        return FXCollections.unmodifiableObservableList(hits);
    }

    public ReadOnlyObjectProperty<TraceFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TraceSort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<Facet, List<FacetCount>>> facetsProperty() {
        return list.facetsProperty();
    }

    /** On: one row per LLM call instead of per trace. */
    public BooleanProperty llmCallsProperty() {
        return llmCalls;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** "12 matching spans", or why the query could not be read. */
    public ReadOnlyStringProperty searchNoteProperty() {
        return searchNote.getReadOnlyProperty();
    }

    /** "200 traces, more as you scroll", "3 LLM calls". */
    public ReadOnlyStringProperty listNoteProperty() {
        return list.listNoteProperty();
    }

    public ReadOnlyBooleanProperty searchAvailableProperty() {
        return searchAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return list.loadingProperty();
    }

    public ReadOnlyObjectProperty<Emptiness> emptinessProperty() {
        return list.emptinessProperty();
    }

    public TraceViewModel trace() {
        return trace;
    }

    /** The saved views: the Views menu's names, applying, saving, deleting. */
    public SavedViewsViewModel savedViews() {
        return savedViews;
    }

    /** The table's visible columns in order, with widths: the view keeps this in step with the table. */
    public ObjectProperty<List<TracesViewDefinition.ViewColumn>> columnsProperty() {
        return columns;
    }

    /** What the section shows now, as a saved view would keep it. */
    public ObservableValue<TracesViewDefinition> definitionProperty() {
        return definition;
    }

    /**
     * Shows a saved view: filter, toggle, sort and columns at once, then one reload — through the
     * search when the view has a query, so its hits are found again in today's index.
     */
    void apply(TracesViewDefinition view) {
        applying = true;
        try {
            filter.set(view.filter());
            sort.set(view.sort());
            llmCalls.set(view.llmCalls());
            columns.set(view.columns());
            searchText.set(view.searchText());
        } finally {
            applying = false;
        }
        search();
    }

    public void setFilter(TraceFilter replacement) {
        filter.set(replacement);
        reload();
    }

    /** Drops every filter and the search. */
    public void clearFilters() {
        searchText.set("");
        hits.clear();
        searchNote.set("");
        setFilter(TraceFilter.NONE);
    }

    public void setSort(TraceSort replacement) {
        if (!replacement.equals(sort.get())) {
            sort.set(replacement);
            reload();
        }
    }

    /** "Other calls with this prompt version": lists the LLM calls rendered from the span's template version. */
    public void showCallsWithPrompt(SpanDetail span) {
        if (span.promptTemplate() != null && span.promptTemplate().name() != null) {
            filter.set(TraceFilter.NONE.withPrompt(span.promptTemplate().name(), span.promptTemplate().version()));
            showCalls();
        }
    }

    /** "This model version": lists the LLM calls the span's served model answered. */
    public void showCallsWithModel(SpanDetail span) {
        if (span.responseModel() != null) {
            filter.set(TraceFilter.NONE.withServedModel(span.responseModel()));
            showCalls();
        }
    }

    /**
     * Lists the LLM calls under {@code callFilter}, search dropped: how another section (Insights)
     * shows the calls behind one of its figures.
     */
    public void showCalls(TraceFilter callFilter) {
        filter.set(callFilter);
        showCalls();
    }

    private void showCalls() {
        searchText.set("");
        hits.clear();
        if (llmCalls.get()) {
            reload();
        } else {
            llmCalls.set(true);
        }
    }

    /** Runs the search box's query; an empty query drops the search restriction. */
    public void search() {
        String query = searchText.get() == null ? "" : searchText.get().trim();
        Optional<Workspace> target = workspace.get();
        SpanSearch search = target.map(searches).orElse(null);
        if (query.isEmpty() || search == null) {
            hits.clear();
            searchNote.set("");
            setFilter(filter.get().withSpanRowIds(null));
            return;
        }
        tasks.submit("Searching", context -> search.search(query, SEARCH_LIMIT, context), this::showSearch, failure -> {
            hits.clear();
            if (failure instanceof SearchQueryException) {
                searchNote.set(failure.getMessage());
            } else {
                LOG.warn("Search failed", failure);
                searchNote.set("The search failed: " + failure.getMessage());
            }
        });
    }

    private void showSearch(SearchResult result) {
        hits.setAll(result.hits());
        long total = result.totalMatches();
        searchNote.set(total == 1 ? "1 matching span" : total + " matching spans"
                + (total > result.hits().size() ? " (the best " + result.hits().size() + " listed)" : ""));
        Set<Long> ids = result.hits().stream().map(SearchHit::spanRowId).collect(Collectors.toSet());
        setFilter(filter.get().withSpanRowIds(ids));
    }

    /** Asks for the next page when there is one and none is loading; the table calls this near its end. */
    public void loadMore() {
        list.loadMore();
    }

    /** Reloads the first page and the facet counts. */
    public void reload() {
        list.reload(filter.get(), sort.get(), llmCalls.get());
    }

    private void workspaceChanged(WorkspaceStats stats) {
        list.setTraceCount(stats == null ? 0 : stats.traces());
        searchAvailable.set(workspace.get().map(searches).isPresent());
        savedViews.refresh();
        reload();
    }
}
