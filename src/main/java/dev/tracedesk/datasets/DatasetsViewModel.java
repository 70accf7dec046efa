package dev.tracedesk.datasets;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.datasets.export.ExportResult;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.Workspace;

/**
 * The Datasets section: datasets on the left with their versions, the chosen version's items with
 * what changed since the version before it, and the actions on them — new dataset, publish, tag,
 * export, split and remove in the draft. Every read and write runs in the background.
 */
public final class DatasetsViewModel {

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final ObservableValue<String> reviewer;
    private final Clock clock;
    private final String toolVersion;
    private final ObservableList<DatasetSummary> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<DatasetSummary> selectedDataset = new SimpleObjectProperty<>(this, "selectedDataset");
    private final ObservableList<DatasetVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<DatasetVersion> selectedVersion = new SimpleObjectProperty<>(this, "selectedVersion");
    private final ObservableList<ItemRow> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper(this, "comparison", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private int generation;
    private Path lastExportFolder;

    public DatasetsViewModel(TaskRunner tasks, ObservableValue<WorkspaceStats> stats,
                             Supplier<Optional<Workspace>> workspace, ObservableValue<String> reviewer, Clock clock,
                             String toolVersion) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.reviewer = reviewer;
        this.clock = clock;
        this.toolVersion = toolVersion;
        selectedDataset.addListener((observable, before, after) -> {
            if (after == null || before == null || before.id() != after.id()) {
                loadVersions(null);
            }
        });
        selectedVersion.addListener((observable, before, after) -> loadItems());
        stats.addListener((observable, before, after) -> refresh());
    }

    public ObservableList<DatasetSummary> datasets() {
        return datasets;
    }

    public ObjectProperty<DatasetSummary> selectedDatasetProperty() {
        return selectedDataset;
    }

    public ObservableList<DatasetVersion> versions() {
        return versions;
    }

    public ObjectProperty<DatasetVersion> selectedVersionProperty() {
        return selectedVersion;
    }

    /** The chosen version's items, each with how it differs from the version before. */
    public ObservableList<ItemRow> items() {
        return items;
    }

    /** "Compared with v1: 2 added, 1 changed, 0 removed", or empty for a first version. */
    public ReadOnlyStringProperty comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String toolVersion() {
        return toolVersion;
    }

    /** Reads the datasets again, keeping the chosen dataset and version when they still exist. */
    public void refresh() {
        refresh(selectedDataset.get() == null ? null : selectedDataset.get().name(),
                selectedVersion.get() == null ? null : selectedVersion.get().number());
    }

    private void refresh(String keepName, Integer keepVersion) {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        tasks.submit("Reading datasets", context -> new Datasets(open.get().dsl(), clock).list(), read -> {
            datasets.setAll(read);
            DatasetSummary again = read.stream().filter(d -> d.name().equals(keepName)).findFirst()
                    .orElse(read.isEmpty() ? null : read.get(0));
            if (again != null && selectedDataset.get() != null && again.id() == selectedDataset.get().id()) {
                selectedDataset.set(again);
                loadVersions(keepVersion);
            } else {
                selectedDataset.set(again);
            }
        }, failure -> status.set("Could not read the datasets: " + failure.getMessage()));
    }

    private void loadVersions(Integer keepNumber) {
        DatasetSummary dataset = selectedDataset.get();
        Optional<Workspace> open = workspace.get();
        if (dataset == null || open.isEmpty()) {
            versions.clear();
            selectedVersion.set(null);
            return;
        }
        tasks.submit("Reading " + dataset.name(), context -> new Datasets(open.get().dsl(), clock).versions(dataset.name()),
                read -> {
                    List<DatasetVersion> newestFirst = new ArrayList<>(read);
                    java.util.Collections.reverse(newestFirst); // the draft, then the newest published
                    versions.setAll(newestFirst);
                    DatasetVersion chosen = newestFirst.stream()
                            .filter(v -> keepNumber != null && v.number() == keepNumber).findFirst()
                            .orElse(newestFirst.stream().filter(v -> !v.isDraft()).findFirst()
                                    .orElse(newestFirst.isEmpty() ? null : newestFirst.get(0)));
                    if (chosen != null && chosen.equals(selectedVersion.get())) {
                        loadItems(); // same version, maybe new items (a draft that grew)
                    }
                    selectedVersion.set(chosen);
                }, failure -> status.set("Could not read " + dataset.name() + ": " + failure.getMessage()));
    }

    private void loadItems() {
        DatasetVersion version = selectedVersion.get();
        Optional<Workspace> open = workspace.get();
        int ticket = ++generation;
        if (version == null || open.isEmpty()) {
            items.clear();
            comparison.set("");
            return;
        }
        List<DatasetVersion> all = List.copyOf(versions);
        tasks.submit("Reading " + version.label(), context -> VersionItems.read(new Datasets(open.get().dsl(), clock),
                version, all), read -> {
                    if (ticket == generation) {
                        items.setAll(read.rows());
                        comparison.set(read.comparison());
                    }
                }, failure -> status.set("Could not read " + version.label() + ": " + failure.getMessage()));
    }

    /** Makes a dataset and selects it. */
    public void create(String name, String description) {
        write("Creating " + name, datasets -> datasets.create(name, description, null), made -> {
            status.set("Made " + made.name() + ". Add items from the review desk (A) or: tracedesk dataset add "
                    + made.name() + " --item ID.");
            refresh(made.name(), null);
        });
    }

    /** Reads what publishing the chosen dataset's draft would make, for the publish dialog. */
    public void previewPublish(Consumer<PublishPreview> show) {
        DatasetSummary dataset = selectedDataset.get();
        Optional<Workspace> open = workspace.get();
        if (dataset == null || open.isEmpty()) {
            return;
        }
        tasks.submit("Reading the draft of " + dataset.name(),
                context -> PublishPreview.of(new Datasets(open.get().dsl(), clock), dataset.name()), preview -> {
                    if (preview.draftItems() == 0) {
                        status.set("Nothing to publish: the draft of " + dataset.name() + " has no items yet.");
                    } else {
                        show.accept(preview);
                    }
                }, failure -> status.set("Could not read " + dataset.name() + ": " + failure.getMessage()));
    }

    public void publish(List<String> tags) {
        DatasetSummary dataset = selectedDataset.get();
        if (dataset != null) {
            write("Publishing " + dataset.name(), datasets -> datasets.publish(dataset.name(), reviewer.getValue(),
                    tags.toArray(String[]::new)), version -> {
                        status.set(PublishPreview.published(version));
                        refresh(dataset.name(), version.number());
                    });
        }
    }

    /** Points a tag at the chosen published version. */
    public void tag(String tag) {
        DatasetVersion version = selectedVersion.get();
        if (version != null) {
            write("Tagging " + version.label(), datasets -> datasets.tag(version.label(), tag.trim()), tagged -> {
                status.set("Tagged " + tagged.label() + " " + tag.trim() + ".");
                refresh(version.dataset(), tagged.number());
            });
        }
    }

    /** Moves a draft item to another split (train, test or a custom one). */
    public void setSplit(String itemKey, String split) {
        DatasetVersion version = selectedVersion.get();
        if (version != null && version.isDraft()) {
            write("Changing the split", datasets -> {
                datasets.setSplit(version.label(), itemKey, split.trim());
                return split.trim();
            }, done -> {
                status.set("Moved " + ItemRow.shortKey(itemKey) + " to " + done + ".");
                loadItems();
            });
        } else {
            status.set("Published versions never change; splits are changed in the draft.");
        }
    }

    /** Takes an item out of the draft. */
    public void remove(String itemKey) {
        DatasetVersion version = selectedVersion.get();
        if (version != null && version.isDraft()) {
            write("Removing an item", datasets -> datasets.remove(version.label(), itemKey), removed -> {
                status.set(removed ? "Removed " + ItemRow.shortKey(itemKey) + " from the draft." : "It was gone already.");
                refresh(version.dataset(), version.number());
            });
        } else {
            status.set("Published versions never change; items are removed from the draft.");
        }
    }

    /** The export dialog's redaction list: none, the built-in rules, then the workspace's saved sets. */
    public void loadRedactionChoices(Consumer<List<RedactionChoice>> show) {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        tasks.submit("Reading redaction sets", context -> {
            RedactionSets sets = new RedactionSets(open.get().dsl(), clock);
            List<RedactionChoice> choices = new ArrayList<>(List.of(RedactionChoice.NONE, RedactionChoice.builtIn()));
            for (String name : sets.names()) {
                choices.add(RedactionChoice.saved(sets.choose(name)));
            }
            return choices;
        }, show, failure -> status.set("Could not read the redaction sets: " + failure.getMessage()));
    }

    /** Where the export dialog suggests writing: the folder of the last export, else the home folder. */
    public Path exportFolder() {
        return lastExportFolder != null ? lastExportFolder : Path.of(System.getProperty("user.home"));
    }

    /** Writes the export the dialog chose, in the background, and reports where it went. */
    public void export(ExportRequest request, Consumer<ExportResult> done) {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        status.set("Exporting " + request.version().label() + "…");
        tasks.submit("Exporting " + request.version().label(), context -> new DatasetExports(open.get().dsl(), clock)
                .export(request.version().label(), request.format(), request.assertions(), request.redaction(),
                        toolVersion, request.out()), result -> {
                    status.set(ExportRequest.describe(result));
                    lastExportFolder = result.file().toAbsolutePath().getParent();
                    done.accept(result);
                }, failure -> status.set("Not exported: " + failure.getMessage()));
    }

    private <T> void write(String title, DatasetsWork<T> work, Consumer<T> done) {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        tasks.submit(title, context -> work.apply(new Datasets(open.get().dsl(), clock)), done,
                failure -> status.set(failure.getMessage()));
    }

    @FunctionalInterface
    private interface DatasetsWork<T> {
        T apply(Datasets datasets) throws Exception;
    }
}
