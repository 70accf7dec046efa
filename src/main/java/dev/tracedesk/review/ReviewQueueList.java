package dev.tracedesk.review;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.search.SpanSearch;
import dev.tracedesk.store.Workspace;

/**
 * The queue list of the review desk: reading the queues with their progress, choosing which one is
 * in view, and making and refreshing queues. Part of {@link ReviewViewModel}; all work in the background.
 */
public final class ReviewQueueList {

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final Clock clock;
    private final Function<Workspace, SpanSearch> searches;
    private final Consumer<String> status;
    private final Runnable reloadItems;
    private final ObservableList<QueueSummary> queues = FXCollections.observableArrayList();
    private final ObjectProperty<QueueSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    /**
     * @param status      where outcomes and failures are told
     * @param reloadItems reads the items of the queue in view again, keeping the reviewer's place
     */
    ReviewQueueList(TaskRunner tasks, Supplier<Optional<Workspace>> workspace, Clock clock,
                    Function<Workspace, SpanSearch> searches, Consumer<String> status, Runnable reloadItems) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.clock = clock;
        this.searches = searches;
        this.status = status;
        this.reloadItems = reloadItems;
    }

    public ObservableList<QueueSummary> queues() {
        return queues;
    }

    public ObjectProperty<QueueSummary> selectedQueueProperty() {
        return selected;
    }

    /** True once the queues have been read at least once. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Reads the queues again, keeping the one in view unless it is empty and another has work. */
    public void refresh() {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        Long keep = selected.get() == null ? null : selected.get().id();
        tasks.submit("Reading review queues", context -> new ReviewQueues(open.get().dsl(), clock).list(),
                read -> {
                    queues.setAll(read);
                    loaded.set(true);
                    Optional<QueueSummary> withWork = read.stream().filter(q -> q.total() > 0).findFirst();
                    QueueSummary choice = read.stream().filter(q -> keep != null && q.id() == keep)
                            .filter(q -> q.total() > 0 || withWork.isEmpty()).findFirst()
                            .orElse(withWork.orElse(read.isEmpty() ? null : read.get(0)));
                    boolean sameQueue = choice != null && keep != null && choice.id() == keep;
                    selected.set(choice);
                    if (sameQueue) {
                        reloadItems.run(); // new data may have arrived (an import): keep the reviewer's place
                    }
                },
                failure -> status.accept("Could not read the review queues: " + failure.getMessage()));
    }

    /** New numbers for the list (after a save or an undo) without moving the reviewer. */
    void refreshNumbers() {
        workspace.get().ifPresent(open -> tasks.submit("Reading review queues",
                context -> new ReviewQueues(open.dsl(), clock).list(), read -> {
                    for (QueueSummary queue : read) {
                        for (int i = 0; i < queues.size(); i++) {
                            if (queues.get(i).id() == queue.id()) {
                                queues.set(i, queue);
                            }
                        }
                        if (selected.get() != null && queue.id() == selected.get().id()) {
                            selected.set(queue); // same id: the view model keeps the reviewer's place
                        }
                    }
                }, failure -> { }));
    }

    /** The names of the flag rules, for the New queue dialog. */
    public void loadRuleNames(Consumer<List<String>> then) {
        workspace.get().ifPresent(open -> tasks.submit("Reading flag rules",
                context -> new ReviewQueues(open.dsl(), clock).ruleNames(), then,
                failure -> status.accept("Could not read the flag rules: " + failure.getMessage())));
    }

    /** The names of the saved Traces views, for the New queue dialog. */
    public void loadViewNames(Consumer<List<String>> then) {
        workspace.get().ifPresent(open -> tasks.submit("Reading saved views",
                context -> new SavedViewQueues(open.dsl(), clock, null).viewNames(), then,
                failure -> status.accept("Could not read the saved views: " + failure.getMessage())));
    }

    /** Makes a queue of what the chosen rules flag, or of the calls a saved view shows, and shows it. */
    public void create(String name, QueueDefinition definition, int labelsPerItem, boolean blind, List<String> scores) {
        workspace.get().ifPresent(open -> tasks.submit("Making queue " + name, context -> {
            ReviewQueues made = new ReviewQueues(open.dsl(), clock);
            LabelSchema schema = LabelSchema.withScores(scores);
            long id = definition.kind() == QueueDefinition.Kind.SAVED_VIEW
                    ? new SavedViewQueues(open.dsl(), clock, searches.apply(open))
                            .create(name, definition.savedView(), labelsPerItem, blind, schema)
                    : made.create(name, null, definition, labelsPerItem, blind, schema);
            return made.list().stream().filter(queue -> queue.id() == id).findFirst().orElseThrow();
        }, queue -> {
            queues.add(queue);
            selected.set(queue);
            status.accept("Made queue " + queue.name() + " with " + queue.total() + " items.");
        }, failure -> status.accept("Could not make the queue: " + failure.getMessage())));
    }

    /** Adds to a saved-view queue the calls its view shows now. */
    public void refreshFromView(QueueSummary queue) {
        workspace.get().ifPresent(open -> tasks.submit("Refreshing " + queue.name(),
                context -> new SavedViewQueues(open.dsl(), clock, searches.apply(open)).refresh(queue.id()),
                added -> {
                    status.accept(added == 0 ? queue.name() + " already holds every call its view shows."
                            : "Added " + added + " call" + (added == 1 ? "" : "s") + " to " + queue.name() + ".");
                    refresh();
                },
                failure -> status.accept("Could not refresh " + queue.name() + ": " + failure.getMessage())));
    }
}
