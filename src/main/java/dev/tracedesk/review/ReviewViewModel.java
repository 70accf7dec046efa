package dev.tracedesk.review;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.review.log.LabelAction;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.review.log.LabelEntry;
import dev.tracedesk.search.SpanSearch;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.ui.SectionSummary;

/**
 * The review desk: queues on the left, one item at a time with its evidence and the label form.
 * Keyboard first; the next item's evidence is loaded while the reviewer reads the current one, so
 * moving on takes no database round trip ({@link ReviewItemCursor}). Every save runs in the background
 * and says "Saved" only once the label is on disk.
 */
public final class ReviewViewModel {

    /** Which items of the queue the reviewer walks through. */
    public enum Mode {
        TO_DO("To do"), ALL("All"), ADJUDICATE("Adjudicate");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where "Open trace" goes: a trace and, when known, the span in it. */
    public record TraceLink(String traceId, String spanId) {
    }

    static final int MAX_ITEMS = 5_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final TaskRunner tasks;
    private final Function<Workspace, SpanSearch> searches;
    private final Supplier<Optional<Workspace>> workspace;
    private final ObservableValue<String> reviewer;
    private final Consumer<TraceLink> openTrace;
    private final Clock clock;
    private final SectionSummary summary;
    private final ReviewQueueList queueList;
    private final ObjectProperty<QueueSummary> selectedQueue;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.TO_DO);
    private final ReviewItemCursor cursor;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final LabelForm form = new LabelForm();
    private final Set<Long> labeledByMe = new HashSet<>();
    private int generation;
    private Long lastSavedItem;
    private Claim releaseFirst;
    private final GoldenSetKeys goldenSetKeys;

    /**
     * @param reviewer  who is labeling (the status bar shows and changes it)
     * @param openTrace opens a trace in the Traces section
     */
    public ReviewViewModel(TaskRunner tasks, ObservableValue<WorkspaceStats> stats,
                           Supplier<Optional<Workspace>> workspace, ObservableValue<String> reviewer,
                           Consumer<TraceLink> openTrace, Clock clock) {
        this(tasks, stats, workspace, reviewer, openTrace, clock, open -> null);
    }

    /** As above, with the full-text search that queues made from a searching saved view need. */
    public ReviewViewModel(TaskRunner tasks, ObservableValue<WorkspaceStats> stats,
                           Supplier<Optional<Workspace>> workspace, ObservableValue<String> reviewer,
                           Consumer<TraceLink> openTrace, Clock clock, Function<Workspace, SpanSearch> searches) {
        this.searches = searches;
        this.tasks = tasks;
        this.workspace = workspace;
        this.reviewer = reviewer;
        this.openTrace = openTrace;
        this.clock = clock;
        this.summary = new SectionSummary(stats, WorkspaceStats::reviewItems,
                "Nothing to review yet", "review item", "review items");
        this.queueList = new ReviewQueueList(tasks, workspace, clock, searches, status::set, this::reloadItems);
        this.cursor = new ReviewItemCursor(tasks, workspace, clock, this::reviewer, () -> mode.get() != Mode.ADJUDICATE,
                status::set, this::fillForm);
        this.selectedQueue = queueList.selectedQueueProperty();
        this.goldenSetKeys = new GoldenSetKeys(form, status::set, this::save, itemId -> {
            if (cursor.isShowing(itemId)) {
                cursor.next();
            }
        });
        selectedQueue.addListener((observable, before, after) -> {
            if (after != null && (before == null || before.id() != after.id())) {
                loadItems(null);
            }
        });
        mode.addListener((observable, before, after) -> loadItems(null));
        reviewer.addListener((observable, before, after) -> {
            // the item on screen was claimed under the old name; that claim must not hide it from the new one
            cursor.currentItem().filter(item -> before != null)
                    .ifPresent(item -> releaseFirst = new Claim(item.itemId(), before));
            loadItems(null);
        });
        stats.addListener((observable, before, after) -> queueList.refresh());
    }

    public SectionSummary summary() {
        return summary;
    }

    /** The queues on the left, and making and refreshing them. */
    public ReviewQueueList queueList() {
        return queueList;
    }

    /** Reads the queues again (and with them the items of the queue in view). */
    public void refresh() {
        queueList.refresh();
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObservableList<ReviewItemSummary> items() {
        return cursor.items();
    }

    public ReadOnlyObjectProperty<ReviewItemDetail> currentProperty() {
        return cursor.currentProperty();
    }

    /** "Item 3 of 41". */
    public ReadOnlyStringProperty positionProperty() {
        return cursor.positionProperty();
    }

    /** "Saved at 10:42:13", or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Set when someone else is reviewing the current item right now. */
    public ReadOnlyStringProperty claimNoteProperty() {
        return cursor.claimNoteProperty();
    }

    /** Puts a sentence on the status line (what a dialog of the desk came to). */
    public void report(String sentence) {
        status.set(sentence);
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public LabelForm form() {
        return form;
    }

    public String reviewer() {
        return reviewer.getValue();
    }

    public boolean labeledByMe(long itemId) {
        return labeledByMe.contains(itemId);
    }

    /** The current item's history as this reviewer may see it: in a blind queue, others' labels only after their own. */
    public List<LabelEntry> visibleHistory() {
        return ItemStates.visibleTo(cursor.currentProperty().get(), reviewer(), mode.get() == Mode.ADJUDICATE);
    }

    private void loadItems(Long keepItem) {
        QueueSummary queue = selectedQueue.get();
        Optional<Workspace> open = workspace.get();
        if (queue == null || open.isEmpty()) {
            return;
        }
        int ticket = ++generation;
        Mode chosen = mode.get();
        String me = reviewer();
        Claim release = releaseFirst;
        releaseFirst = null;
        tasks.submit("Reading " + queue.name(), context -> {
            if (release != null) {
                new ReviewItems(open.get().dsl(), clock).release(release.itemId(), release.reviewer());
            }
            List<ReviewItemSummary> all = new ReviewItems(open.get().dsl(), clock).ofQueue(queue.id(), MAX_ITEMS);
            Set<Long> mine = new ReviewQueues(open.get().dsl(), clock).labeledBy(queue.id(), me);
            return new QueueItems(ReviewQueueFilter.select(all, mine, me, chosen, keepItem), mine);
        }, read -> {
            if (ticket != generation) {
                return;
            }
            labeledByMe.clear();
            labeledByMe.addAll(read.labeledByMe());
            cursor.reset(read.items(), keepItem);
        }, failure -> status.set("Could not read the queue: " + failure.getMessage()));
    }

    private record Claim(long itemId, String reviewer) {
    }

    private record QueueItems(List<ReviewItemSummary> items, Set<Long> labeledByMe) {
    }

    public void next() {
        cursor.next();
    }

    public void previous() {
        cursor.previous();
    }

    /** An item is on screen: the form shows this reviewer's label of it, or starts empty. */
    private void fillForm(ReviewItemDetail detail) {
        LabelEntry mine = detail == null || mode.get() == Mode.ADJUDICATE ? null
                : ItemStates.currentLabels(detail.history()).get(reviewer());
        if (mine != null) {
            form.fill(mine);
        } else {
            form.clear();
        }
    }

    public void chooseVerdict(Verdict verdict) {
        form.verdictProperty().set(verdict);
    }

    /** Toggles the category bound to {@code key}, if the queue's schema has one. */
    public boolean toggleCategoryKey(char key) {
        ReviewItemDetail detail = cursor.currentProperty().get();
        LabelSchema schema = detail == null ? LabelSchema.DEFAULT : detail.schema();
        Optional<LabelSchema.Category> category = schema.categoryForKey(key);
        category.ifPresent(c -> form.toggleCategory(c.name()));
        return category.isPresent();
    }

    public void editCorrection() {
        ReviewItemDetail detail = cursor.currentProperty().get();
        if (detail != null) {
            form.startCorrection(detail.evidence().output());
        }
    }

    /** Saves the form as a label (or, in Adjudicate, as the final verdict), then moves to the next item. */
    public void saveAndNext() {
        save(itemId -> {
            if (cursor.isShowing(itemId)) {
                cursor.next();
            }
        });
    }

    private void save(Consumer<Long> afterSaved) {
        ReviewItemDetail detail = cursor.currentProperty().get();
        Optional<Workspace> open = workspace.get();
        if (detail == null || open.isEmpty() || saving.get()) {
            return;
        }
        LabelDraft draft;
        try {
            draft = form.draft(detail.evidence().output());
        } catch (IllegalStateException missing) {
            status.set(missing.getMessage());
            return;
        }
        long itemId = detail.item().itemId();
        String me = reviewer();
        boolean adjudicating = mode.get() == Mode.ADJUDICATE;
        saving.set(true);
        status.set("Saving…");
        tasks.submit("Saving label", context -> {
            ReviewLabels labels = new ReviewLabels(open.get().dsl(), clock);
            LabelEntry saved = adjudicating ? labels.adjudicate(itemId, me, draft) : labels.label(itemId, me, draft);
            return new Saved(saved, new ReviewItemDetails(open.get().dsl(), clock).load(itemId));
        }, saved -> {
            saving.set(false);
            lastSavedItem = itemId;
            labeledByMe.add(itemId);
            saved.detail().ifPresent(cursor::refreshed);
            status.set((saved.entry().action() == LabelAction.ADJUDICATE ? "Saved the final verdict" : "Saved")
                    + " at " + LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(TIME) + " — Ctrl+Z to undo");
            queueList.refreshNumbers();
            afterSaved.accept(itemId);
        }, failure -> {
            saving.set(false);
            status.set("Not saved: " + failure.getMessage());
        });
    }

    /** Where A puts items (the datasets feature provides them when the window is built). */
    public GoldenSetKeys goldenSetKeys() {
        return goldenSetKeys;
    }

    /** A: the item on screen goes into the golden set with its label; see {@link GoldenSetKeys}. */
    public void addToGoldenSet() {
        if (!saving.get()) {
            goldenSetKeys.addCurrent(cursor.currentProperty().get(), mode.get() == Mode.ADJUDICATE ? null : reviewer());
        }
    }

    private record Saved(LabelEntry entry, Optional<ReviewItemDetail> detail) {
    }

    /** Takes back the last label saved here (a RETRACT entry) and returns to that item, its values in the form. */
    public void undoLast() {
        Optional<Workspace> open = workspace.get();
        Long itemId = lastSavedItem;
        if (itemId == null || open.isEmpty()) {
            status.set("Nothing to undo.");
            return;
        }
        String me = reviewer();
        tasks.submit("Undoing label", context -> {
            ReviewLabels labels = new ReviewLabels(open.get().dsl(), clock);
            List<LabelEntry> before = labels.history(itemId);
            Optional<LabelEntry> retracted = labels.undoLast(itemId, me);
            LabelEntry undone = retracted.flatMap(r -> before.stream().filter(e -> e.id() == r.retractsLabelId()).findFirst())
                    .orElse(null);
            return new Undone(undone, new ReviewItemDetails(open.get().dsl(), clock).load(itemId));
        }, undone -> {
            lastSavedItem = null;
            if (undone.label() == null) {
                status.set("Nothing to undo.");
                return;
            }
            labeledByMe.remove(itemId);
            undone.detail().ifPresent(cursor::refreshed);
            cursor.showItem(itemId);
            if (undone.label().action() != LabelAction.RETRACT) {
                form.fill(undone.label());
            }
            status.set("Undid your label on item " + itemId + "; its values are back in the form.");
            queueList.refreshNumbers();
        }, failure -> status.set("Could not undo: " + failure.getMessage()));
    }

    private record Undone(LabelEntry label, Optional<ReviewItemDetail> detail) {
    }

    /** Assigns the item on screen to a reviewer (blank: to nobody); their To do shows it, others' does not. */
    public void assignCurrent(String assignee) {
        ReviewItemDetail detail = cursor.currentProperty().get();
        Optional<Workspace> open = workspace.get();
        if (detail == null || open.isEmpty()) {
            return;
        }
        long itemId = detail.item().itemId();
        tasks.submit("Assigning item", context -> {
            ReviewItems reviewItems = new ReviewItems(open.get().dsl(), clock);
            reviewItems.assign(itemId, assignee);
            return reviewItems.item(itemId);
        }, fresh -> fresh.ifPresent(item -> {
            cursor.refreshed(item);
            status.set(item.assignee() == null ? "Item " + itemId + " is assigned to nobody."
                    : "Item " + itemId + " is assigned to " + item.assignee() + ".");
        }), failure -> status.set("Could not assign the item: " + failure.getMessage()));
    }

    public void openCurrentTrace() {
        ReviewItemDetail detail = cursor.currentProperty().get();
        if (detail != null && detail.evidence().traceId() != null) {
            openTrace.accept(new TraceLink(detail.evidence().traceId(), detail.evidence().spanId()));
        } else if (detail != null) {
            status.set("This item has no trace to open: its source recorded none.");
        }
    }

    /** The reviewer's name changed or a queue was made: read everything again. */
    public void reloadItems() {
        loadItems(cursor.currentItem().map(ReviewItemSummary::itemId).orElse(null));
    }
}
