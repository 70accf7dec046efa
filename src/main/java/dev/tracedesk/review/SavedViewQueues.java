package dev.tracedesk.review;

import static dev.tracedesk.store.generated.Tables.REVIEW_QUEUE;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;

import dev.tracedesk.search.SearchHit;
import dev.tracedesk.search.SpanSearch;
import dev.tracedesk.traces.SavedViews;
import dev.tracedesk.traces.TraceFilter;
import dev.tracedesk.traces.TraceListQueries;
import dev.tracedesk.traces.TracePage;
import dev.tracedesk.traces.TraceRow;
import dev.tracedesk.traces.TraceSort;
import dev.tracedesk.traces.TracesViewDefinition;
import dev.tracedesk.traces.TracesViewJson;

/**
 * Queues made from a saved Traces view: the LLM calls the view shows (its filters and its search,
 * newest first, at most {@link #MAX_ITEMS}), put in when the queue is made and again on refresh.
 * A refresh adds calls that have come to match since; items already in review stay.
 */
public final class SavedViewQueues {

    public static final String SECTION = "traces";
    static final int MAX_ITEMS = 5_000;

    private final DSLContext dsl;
    private final Clock clock;
    private final SpanSearch search;

    /** @param search the workspace's full-text search, or null when there is none (views that search then fail clearly) */
    public SavedViewQueues(DSLContext dsl, Clock clock, SpanSearch search) {
        this.dsl = dsl;
        this.clock = clock;
        this.search = search;
    }

    public List<String> viewNames() {
        return new SavedViews(dsl).names(SECTION);
    }

    /** Makes the queue and fills it; returns its id. */
    public long create(String queueName, String viewName, int labelsPerItem, boolean blind, LabelSchema schema) {
        List<Long> calls = callsOf(viewName);
        ReviewQueues queues = new ReviewQueues(dsl, clock);
        long id = queues.create(queueName, null, QueueDefinition.ofSavedView(viewName), labelsPerItem, blind, schema);
        queues.addTargets(id, TargetKind.SPAN, calls, "Saved view: " + viewName);
        return id;
    }

    /** Adds the calls the queue's view shows now and the queue lacks; returns how many. */
    public int refresh(long queueId) {
        QueueDefinition definition = QueueDefinition.parse(dsl.select(REVIEW_QUEUE.DEFINITION_JSON).from(REVIEW_QUEUE)
                .where(REVIEW_QUEUE.ID.eq(queueId)).fetchOne(REVIEW_QUEUE.DEFINITION_JSON));
        if (definition.kind() != QueueDefinition.Kind.SAVED_VIEW) {
            throw new IllegalArgumentException("This queue is not made from a saved view.");
        }
        return new ReviewQueues(dsl, clock).addTargets(queueId, TargetKind.SPAN, callsOf(definition.savedView()),
                "Saved view: " + definition.savedView());
    }

    private List<Long> callsOf(String viewName) {
        String json = new SavedViews(dsl).definition(SECTION, viewName).orElseThrow(() ->
                new IllegalArgumentException("There is no saved Traces view named \"" + viewName + "\"."));
        TracesViewDefinition view = TracesViewJson.read(json);
        TraceFilter filter = view.filter();
        if (view.searchText() != null && !view.searchText().isBlank()) {
            if (search == null) {
                throw new IllegalArgumentException("The view \"" + viewName + "\" searches for text, and this workspace "
                        + "has no search index to answer it.");
            }
            Set<Long> matches = search.search(view.searchText(), MAX_ITEMS * 4).hits().stream()
                    .map(SearchHit::spanRowId).collect(Collectors.toSet());
            filter = filter.withSpanRowIds(matches);
        }
        TraceListQueries list = new TraceListQueries(dsl);
        List<Long> calls = new ArrayList<>();
        int offset = 0;
        while (calls.size() < MAX_ITEMS) {
            TracePage page = list.llmCalls(filter, TraceSort.NEWEST_FIRST, offset);
            page.rows().stream().map(TraceRow::spanRowId).filter(id -> id != null).forEach(calls::add);
            if (!page.more()) {
                break;
            }
            offset += page.rows().size();
        }
        return calls.size() > MAX_ITEMS ? calls.subList(0, MAX_ITEMS) : calls;
    }
}
