package dev.tracedesk.traces;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
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

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.store.Workspace;

/**
 * The opened trace: its spans, the selected span, and back / forward between the traces opened,
 * as a browser does (opening a new trace clears forward). The trace is read in the background.
 */
public final class TraceViewModel {

    /** Where the view stands: which trace and which of its spans. */
    public record Place(String traceId, String spanId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TraceViewModel.class);

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final Deque<Place> back = new ArrayDeque<>();
    private final Deque<Place> forward = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<TraceDetail> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<SpanDetail> selectedSpan = new ReadOnlyObjectWrapper<>(this, "selectedSpan");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(this, "canGoForward");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Map<Long, SpanHint> hints = Map.of();
    private Place current;
    private int generation;

    TraceViewModel(TaskRunner tasks, Supplier<Optional<Workspace>> workspace) {
        this.tasks = tasks;
        this.workspace = workspace;
    }

    public ReadOnlyObjectProperty<TraceDetail> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SpanDetail> selectedSpanProperty() {
        return selectedSpan.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    /** Why no trace is shown ("not found", a failure), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Opens a trace, at {@code spanId} when given, else at its first LLM call (the span a reviewer
     * most often wants), else its first span.
     */
    public void open(String traceId, String spanId) {
        Place place = new Place(traceId, spanId);
        if (place.equals(current)) {
            return;
        }
        if (current != null) {
            back.push(current);
        }
        forward.clear();
        show(place);
    }

    public void goBack() {
        if (!back.isEmpty()) {
            forward.push(current);
            show(back.pop());
        }
    }

    public void goForward() {
        if (!forward.isEmpty()) {
            back.push(current);
            show(forward.pop());
        }
    }

    /**
     * The groundedness hint of a span of the shown trace: present for an LLM call with output and
     * retrieved context. Computed with the trace in the background, so selecting a span costs nothing.
     */
    public Optional<SpanHint> hintOf(SpanDetail span) {
        return span == null ? Optional.empty() : Optional.ofNullable(hints.get(span.id()));
    }

    /** Selects a span of the shown trace; the history remembers it for back / forward. */
    public void selectSpan(SpanDetail span) {
        selectedSpan.set(span);
        if (current != null && span != null) {
            current = new Place(current.traceId(), span.spanId());
        }
    }

    private void show(Place place) {
        current = place;
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
        Optional<Workspace> target = workspace.get();
        if (target.isEmpty()) {
            return;
        }
        int asked = ++generation;
        tasks.submit("Opening trace", context -> new TraceQueries(target.get().dsl()).trace(place.traceId())
                        .map(detail -> new OpenedTrace(detail, hintsOf(detail))),
                opened -> {
                    if (asked != generation) {
                        return;
                    }
                    Optional<TraceDetail> found = opened.map(OpenedTrace::detail);
                    // Before the trace and span are set: their listeners ask for the selected span's hint.
                    hints = opened.map(OpenedTrace::hints).orElse(Map.of());
                    trace.set(found.orElse(null));
                    message.set(found.isPresent() ? "" : "Trace " + place.traceId() + " is not in this workspace.");
                    selectedSpan.set(found.map(detail -> startingSpan(detail, place.spanId())).orElse(null));
                }, failure -> {
                    LOG.warn("Could not open trace {}", place.traceId(), failure);
                    message.set("The trace could not be opened: " + failure.getMessage());
                });
    }

    private static Map<Long, SpanHint> hintsOf(TraceDetail detail) {
        Map<Long, SpanHint> byRowId = new HashMap<>();
        for (SpanDetail span : detail.spans()) {
            SpanHint.of(detail, span).ifPresent(hint -> byRowId.put(span.id(), hint));
        }
        return Map.copyOf(byRowId);
    }

    private record OpenedTrace(TraceDetail detail, Map<Long, SpanHint> hints) {
    }

    private static SpanDetail startingSpan(TraceDetail detail, String spanId) {
        return detail.spans().stream().filter(span -> span.spanId().equals(spanId)).findFirst()
                .or(() -> detail.spans().stream().filter(span -> SpanConditions.LLM.equals(span.kind())).findFirst())
                .or(() -> detail.spans().stream().findFirst())
                .orElse(null);
    }
}
