package dev.tracedesk.traces;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.store.Workspace;

/**
 * The Traces list's rows, a page at a time as the table scrolls, and the facet counts beside them,
 * each a background task for one filter, sort and toggle. Every reload starts a new generation: a
 * page or counts that arrive for an older one are dropped, so the list never shows a mix of two
 * filters (decision 0010).
 */
final class TraceListLoader {

    private static final Logger LOG = LoggerFactory.getLogger(TraceListLoader.class);

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final ObservableList<TraceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TraceRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Map<Facet, List<FacetCount>>> facets = new ReadOnlyObjectWrapper<>(this, "facets", Map.of());
    private final ReadOnlyStringWrapper listNote = new ReadOnlyStringWrapper(this, "listNote", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<TracesViewModel.Emptiness> emptiness =
            new ReadOnlyObjectWrapper<>(this, "emptiness", TracesViewModel.Emptiness.NO_TRACES);
    private TraceFilter filter = TraceFilter.NONE;
    private TraceSort sort = TraceSort.NEWEST_FIRST;
    private boolean llmCalls;
    private long traceCount;
    private int generation;
    private boolean more;

    TraceListLoader(TaskRunner tasks, Supplier<Optional<Workspace>> workspace) {
        this.tasks = tasks;
        this.workspace = workspace;
    }

    ObservableList<TraceRow> rows() {
        return readOnlyRows;
    }

    ReadOnlyObjectProperty<Map<Facet, List<FacetCount>>> facetsProperty() {
        return facets.getReadOnlyProperty();
    }

    ReadOnlyStringProperty listNoteProperty() {
        return listNote.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<TracesViewModel.Emptiness> emptinessProperty() {
        return emptiness.getReadOnlyProperty();
    }

    /** How many traces the workspace holds: none means "import something", not "no matches". */
    void setTraceCount(long traces) {
        traceCount = traces;
    }

    /** Drops the rows and loads the first page and the facet counts for this filter, sort and toggle. */
    void reload(TraceFilter shownFilter, TraceSort shownSort, boolean calls) {
        filter = shownFilter;
        sort = shownSort;
        llmCalls = calls;
        rows.clear();
        more = false;
        generation++;
        load(0, true);
    }

    /** Asks for the next page when there is one and none is loading. */
    void loadMore() {
        if (more && !loading.get()) {
            load(rows.size(), false);
        }
    }

    private void load(int offset, boolean withFacets) {
        Optional<Workspace> target = workspace.get();
        if (target.isEmpty()) {
            updateEmptiness();
            return;
        }
        int asked = generation;
        TraceFilter shown = filter;
        TraceSort order = sort;
        boolean calls = llmCalls;
        loading.set(true);
        tasks.submit(calls ? "Loading LLM calls" : "Loading traces", context -> {
            TraceListQueries queries = new TraceListQueries(target.get().dsl());
            return calls ? queries.llmCalls(shown, order, offset) : queries.traces(shown, order, offset);
        }, page -> {
            if (asked == generation) {
                loading.set(false);
                showPage(page, calls);
            }
        }, failure -> {
            if (asked == generation) {
                loading.set(false);
                LOG.warn("Could not load the traces", failure);
                listNote.set("The list could not be loaded: " + failure.getMessage());
            }
        });
        if (withFacets) {
            tasks.submit("Counting facets", context -> new FacetQueries(target.get().dsl()).counts(shown, calls),
                    counts -> {
                        if (asked == generation) {
                            facets.set(counts);
                        }
                    }, failure -> LOG.warn("Could not count the facets", failure));
        }
    }

    private void showPage(TracePage page, boolean calls) {
        rows.addAll(page.rows());
        more = page.more();
        String noun = calls ? (rows.size() == 1 ? "LLM call" : "LLM calls") : (rows.size() == 1 ? "trace" : "traces");
        listNote.set(rows.size() + (more ? "+ " : " ") + noun + (more ? ", more as you scroll" : ""));
        updateEmptiness();
    }

    private void updateEmptiness() {
        emptiness.set(traceCount == 0 ? TracesViewModel.Emptiness.NO_TRACES
                : rows.isEmpty() && !loading.get() ? TracesViewModel.Emptiness.NO_MATCHES : TracesViewModel.Emptiness.NONE);
    }
}
