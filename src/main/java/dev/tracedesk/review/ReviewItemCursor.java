package dev.tracedesk.review;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.store.Workspace;

/**
 * Walking through the items of the list in view, one at a time. The item shown is claimed for the
 * reviewer; its neighbours' evidence is read in the background while the reviewer reads it, so
 * moving on shows a prefetched item with no database round trip. Part of {@link ReviewViewModel}.
 */
final class ReviewItemCursor {

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final Clock clock;
    private final Supplier<String> reviewer;
    private final Supplier<Boolean> claiming;
    private final Consumer<String> status;
    private final Consumer<ReviewItemDetail> onShown;
    private final ObservableList<ReviewItemSummary> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ReviewItemDetail> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ReadOnlyStringWrapper claimNote = new ReadOnlyStringWrapper(this, "claimNote", "");
    private final Map<Long, ReviewItemDetail> prefetched = new HashMap<>();
    private int index = -1;

    /**
     * @param claiming whether showing an item claims it (not while adjudicating)
     * @param onShown  what to do once an item's evidence is on screen (fill the form)
     */
    ReviewItemCursor(TaskRunner tasks, Supplier<Optional<Workspace>> workspace, Clock clock, Supplier<String> reviewer,
                     Supplier<Boolean> claiming, Consumer<String> status, Consumer<ReviewItemDetail> onShown) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.clock = clock;
        this.reviewer = reviewer;
        this.claiming = claiming;
        this.status = status;
        this.onShown = onShown;
    }

    ObservableList<ReviewItemSummary> items() {
        return items;
    }

    ReadOnlyObjectProperty<ReviewItemDetail> currentProperty() {
        return current.getReadOnlyProperty();
    }

    ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    ReadOnlyStringProperty claimNoteProperty() {
        return claimNote.getReadOnlyProperty();
    }

    /** The item on screen, if any. */
    Optional<ReviewItemSummary> currentItem() {
        return index >= 0 && index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
    }

    /** A new list (another queue or mode): shows {@code keepItem} if it is in it, else the first item. */
    void reset(List<ReviewItemSummary> list, Long keepItem) {
        prefetched.clear();
        items.setAll(list);
        int at = keepItem == null ? 0 : Math.max(0, indexOf(keepItem));
        show(items.isEmpty() ? -1 : at);
    }

    void next() {
        if (index + 1 < items.size()) {
            show(index + 1);
        } else if (!items.isEmpty()) {
            status.accept("That was the last item in this list.");
        }
    }

    void previous() {
        if (index > 0) {
            show(index - 1);
        }
    }

    /** Shows the item with this id again, if it is in the list. */
    void showItem(long itemId) {
        int at = indexOf(itemId);
        if (at >= 0) {
            show(at);
        }
    }

    /** True when the item on screen is this one. */
    boolean isShowing(long itemId) {
        return currentItem().map(item -> item.itemId() == itemId).orElse(false);
    }

    /** A fresh read of one item (after a save): its row in the list and its cached evidence. */
    void refreshed(ReviewItemDetail detail) {
        prefetched.put(detail.item().itemId(), detail);
        int at = indexOf(detail.item().itemId());
        if (at >= 0) {
            items.set(at, detail.item());
        }
    }

    /** A fresh row of one item (after an assignment). */
    void refreshed(ReviewItemSummary item) {
        int at = indexOf(item.itemId());
        if (at >= 0) {
            items.set(at, item);
        }
    }

    /** Shows the item at {@code at}: at once when prefetched, else after a background read. */
    private void show(int at) {
        index = at;
        claimNote.set("");
        if (at < 0) {
            current.set(null);
            position.set("");
            onShown.accept(null);
            return;
        }
        position.set("Item " + (at + 1) + " of " + items.size());
        ReviewItemSummary item = items.get(at);
        ReviewItemDetail ready = prefetched.get(item.itemId());
        if (ready != null) {
            display(ready);
        } else {
            load(item.itemId(), detail -> {
                if (index == at) {
                    display(detail);
                }
            });
        }
        claim(item);
        prefetch(at + 1);
        prefetch(at - 1);
    }

    private void display(ReviewItemDetail detail) {
        current.set(detail);
        onShown.accept(detail);
    }

    private void prefetch(int at) {
        if (at >= 0 && at < items.size() && !prefetched.containsKey(items.get(at).itemId())) {
            load(items.get(at).itemId(), detail -> { });
        }
    }

    private void load(long itemId, Consumer<ReviewItemDetail> then) {
        workspace.get().ifPresent(open -> tasks.submit("Reading review item",
                context -> new ReviewItemDetails(open.dsl(), clock).load(itemId),
                found -> found.ifPresent(detail -> {
                    prefetched.put(itemId, detail);
                    then.accept(detail);
                }),
                failure -> status.accept("Could not read item " + itemId + ": " + failure.getMessage())));
    }

    private void claim(ReviewItemSummary item) {
        String me = reviewer.get();
        if (!claiming.get()) {
            return;
        }
        workspace.get().ifPresent(open -> tasks.submit("Claiming item",
                context -> new ReviewItems(open.dsl(), clock).claim(item.itemId(), me),
                claimed -> {
                    if (!claimed && isShowing(item.itemId())) {
                        claimNote.set("Someone else is reviewing this item right now.");
                    }
                },
                failure -> { }));
    }

    private int indexOf(long itemId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).itemId() == itemId) {
                return i;
            }
        }
        return -1;
    }
}
