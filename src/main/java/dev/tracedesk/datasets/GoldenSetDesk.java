package dev.tracedesk.datasets;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.stage.Window;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.review.GoldenSet;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.traces.AddToDataset;

/**
 * The review desk's golden set: which dataset A adds to, adding one labeled item to its draft, and
 * publishing that draft — every database step in the background, every question in a small
 * keyboard-first dialog ({@link GoldenSetChooser}, {@link PublishDialog}).
 */
public final class GoldenSetDesk implements GoldenSet, AddToDataset {

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final ObservableValue<String> reviewer;
    private final Clock clock;
    private final Runnable changed;
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper(this, "target", "");

    /** @param changed runs after the datasets changed here, so the Datasets section can read them again */
    public GoldenSetDesk(TaskRunner tasks, Supplier<Optional<Workspace>> workspace, ObservableValue<String> reviewer,
                         Clock clock, Runnable changed) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.reviewer = reviewer;
        this.clock = clock;
        this.changed = changed;
    }

    @Override
    public ObservableStringValue targetProperty() {
        return target.getReadOnlyProperty();
    }

    @Override
    public void add(long reviewItemId, Consumer<Added> report) {
        String name = target.get();
        Optional<Workspace> open = workspace.get();
        if (name.isEmpty() || open.isEmpty()) {
            report.accept(new Added(false, "Choose a golden set first: Shift+A."));
            return;
        }
        tasks.submit("Adding to " + name, context -> {
            Datasets datasets = new Datasets(open.get().dsl(), clock);
            AddResult result = datasets.add(name, List.of(ItemSource.reviewItem(reviewItemId))).get(0);
            int draftItems = datasets.summary(name).map(DatasetSummary::draftItems).orElse(0);
            return new Outcome(result, draftItems);
        }, outcome -> {
            report.accept(outcome.toAdded(name, reviewItemId));
            changed.run();
        }, failure -> report.accept(new Added(false, "Not added to " + name + ": " + failure.getMessage())));
    }

    private record Outcome(AddResult result, int draftItems) {
        Added toAdded(String name, long itemId) {
            return switch (result.outcome()) {
                case ADDED -> new Added(true, "Added item " + itemId + " to " + name + " (draft: " + draftItems
                        + " items) — Ctrl+Shift+P publishes it.");
                case REPLACED -> new Added(true, "Updated item " + itemId + " in " + name + " with its label (draft: "
                        + draftItems + " items).");
                case REFUSED -> new Added(false, "Not added to " + name + ": " + result.reason());
            };
        }
    }

    @Override
    public void addCalls(Window owner, List<Long> spanRowIds, Consumer<String> report) {
        Optional<Workspace> open = workspace.get();
        if (spanRowIds.isEmpty() || open.isEmpty()) {
            report.accept("Choose LLM calls first: the table's \"LLM calls\" view lists them.");
            return;
        }
        if (target.get().isEmpty()) {
            choose(owner, () -> addCalls(owner, spanRowIds, report));
            return;
        }
        String name = target.get();
        tasks.submit("Adding " + spanRowIds.size() + " calls to " + name, context -> {
            Datasets datasets = new Datasets(open.get().dsl(), clock);
            List<AddResult> results = datasets.add(name, spanRowIds.stream().map(ItemSource::span).toList());
            int draftItems = datasets.summary(name).map(DatasetSummary::draftItems).orElse(0);
            return AddedCalls.describe(name, results, draftItems);
        }, sentence -> {
            report.accept(sentence);
            changed.run();
        }, failure -> report.accept("Not added to " + name + ": " + failure.getMessage()));
    }

    /** Sets the target without the dialog (tests of the desk's flow). */
    void chooseForTest(String dataset) {
        target.set(dataset);
    }

    @Override
    public void choose(Window owner, Runnable onChosen) {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        tasks.submit("Reading datasets", context -> new Datasets(open.get().dsl(), clock).list(),
                existing -> GoldenSetChooser.show(owner, existing, target.get()).ifPresent(choice -> {
                    if (choice.isNew()) {
                        create(open.get(), choice.name(), owner, onChosen);
                    } else {
                        target.set(choice.name());
                        onChosen.run();
                    }
                }), failure -> { });
    }

    private void create(Workspace open, String name, Window owner, Runnable onChosen) {
        tasks.submit("Creating " + name, context -> new Datasets(open.dsl(), clock)
                .create(name, "Golden set grown from review", null), made -> {
                    target.set(made.name());
                    changed.run();
                    onChosen.run();
                }, failure -> GoldenSetChooser.refused(owner, failure.getMessage()));
    }

    @Override
    public void publish(Window owner, Consumer<String> report) {
        String name = target.get();
        Optional<Workspace> open = workspace.get();
        if (name.isEmpty() || open.isEmpty()) {
            report.accept("Choose a golden set first (Shift+A), then add items with A.");
            return;
        }
        tasks.submit("Reading the draft of " + name, context -> PublishPreview.of(
                new Datasets(open.get().dsl(), clock), name), preview -> {
                    if (preview.draftItems() == 0) {
                        report.accept("Nothing to publish: the draft of " + name + " has no items yet (A adds one).");
                        return;
                    }
                    PublishDialog.show(owner, preview).ifPresent(tags -> publish(open.get(), name, tags, report));
                }, failure -> report.accept("Could not read " + name + ": " + failure.getMessage()));
    }

    private void publish(Workspace open, String name, List<String> tags, Consumer<String> report) {
        tasks.submit("Publishing " + name, context -> new Datasets(open.dsl(), clock)
                .publish(name, reviewer.getValue(), tags.toArray(String[]::new)), version -> {
                    report.accept(PublishPreview.published(version));
                    changed.run();
                }, failure -> report.accept("Not published: " + failure.getMessage()));
    }
}
