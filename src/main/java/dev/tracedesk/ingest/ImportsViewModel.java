package dev.tracedesk.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskHandle;
import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.ingest.ImportQueries.ImportRow;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.Workspace;

/**
 * The Imports section and the import command. {@link #importFiles} imports files one after another
 * in one background task; afterwards the list reloads, the run's summary is kept for the view, and
 * listeners (the main window) hear about it. The list also reloads when the workspace counts change,
 * so imports made by the CLI into the same workspace show up.
 */
public final class ImportsViewModel {

    /** Imports listed, newest first; the CLI lists them all. */
    static final int LIST_LIMIT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ImportsViewModel.class);

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final Function<DSLContext, ImportService> services;
    private final RejectedRecordsViewModel details;
    private final ObservableList<ImportRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper listNote = new ReadOnlyStringWrapper(this, "listNote", "");
    private final ReadOnlyObjectWrapper<ImportRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<TaskHandle> runningImport = new ReadOnlyObjectWrapper<>(this, "runningImport");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<ImportSummary> lastSummary = new ReadOnlyObjectWrapper<>(this, "lastSummary");
    private final ObjectProperty<Path> chooserFolder = new SimpleObjectProperty<>(this, "chooserFolder");
    private final BooleanBinding empty;
    private final List<Consumer<ImportSummary>> runListeners = new ArrayList<>();
    private Workspace listedWorkspace;
    private boolean reloading;
    private boolean reloadAgain;
    private boolean replacingRows;
    private Long selectAfterReload;

    /**
     * @param stats     the workspace counts: a change (another workspace, an import by the CLI) reloads the list
     * @param workspace the open workspace, asked on the FX thread each time work starts
     * @param services  makes the import service for a workspace; tests pass one with their own readers
     */
    public ImportsViewModel(TaskRunner tasks, ObservableValue<WorkspaceStats> stats,
                            Supplier<Optional<Workspace>> workspace, Function<DSLContext, ImportService> services) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.services = services;
        this.details = new RejectedRecordsViewModel(tasks, workspace);
        this.empty = Bindings.createBooleanBinding(() -> loaded.get() && rows.isEmpty(), loaded, rows);
        stats.addListener((observable, before, after) -> refresh());
        if (stats.getValue() != null) {
            refresh();
        }
    }

    public ObservableList<ImportRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** True once the list of the open workspace has been loaded at least once. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Loaded, and there are no imports: the section shows its empty state. */
    public BooleanBinding emptyBinding() {
        return empty;
    }

    /** "12 imports, newest first", or that only the newest are listed. */
    public ReadOnlyStringProperty listNoteProperty() {
        return listNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public RejectedRecordsViewModel details() {
        return details;
    }

    /** The import task while it runs, for its progress and message; null otherwise. */
    public ReadOnlyObjectProperty<TaskHandle> runningImportProperty() {
        return runningImport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The summary of the last run, until dismissed; null when there is none to show. */
    public ReadOnlyObjectProperty<ImportSummary> lastSummaryProperty() {
        return lastSummary.getReadOnlyProperty();
    }

    /** Where the file chooser opens: the folder of the last files imported. */
    public ObjectProperty<Path> chooserFolderProperty() {
        return chooserFolder;
    }

    /** Called on the FX thread after every run, once the summary is set. */
    public void onRunFinished(Consumer<ImportSummary> listener) {
        runListeners.add(listener);
    }

    /**
     * Imports {@code files} one after another in one background task.
     *
     * @return why nothing started (no workspace open, an import already running); empty when it started
     */
    public Optional<String> importFiles(List<Path> files) {
        return importFiles(files, Optional.empty());
    }

    /**
     * Imports a generic log with a saved field mapping, the same way as {@link #importFiles(List)}.
     *
     * @return why nothing started; empty when it started
     */
    public Optional<String> importWithMapping(Path file, String mappingName) {
        return importFiles(List.of(file), Optional.of(mappingName));
    }

    private Optional<String> importFiles(List<Path> files, Optional<String> mappingName) {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        if (running.get()) {
            return Optional.of("An import is already running. Wait for it to finish, or cancel it, then import "
                    + (files.size() == 1 ? files.get(0).getFileName() : files.size() + " files") + " again.");
        }
        Optional<Workspace> target = workspace.get();
        if (target.isEmpty()) {
            return Optional.of("No workspace is open, so nothing was imported. Open a workspace first.");
        }
        List<Path> batch = List.copyOf(files);
        Path folder = batch.get(0).toAbsolutePath().getParent();
        if (folder != null) {
            chooserFolder.set(folder);
        }
        lastSummary.set(null);
        running.set(true);
        String title = batch.size() == 1 ? "Importing " + batch.get(0).getFileName() : "Importing " + batch.size() + " files";
        TaskHandle handle = tasks.submit(title,
                context -> new ImportBatch(services.apply(target.get().dsl()), batch, mappingName).run(context),
                results -> finishRun(new ImportSummary(results)),
                failure -> finishRun(ImportSummary.brokenRun(batch, describeBrokenRun(failure))));
        // An immediate runner has finished (and cleared this) before submit returns.
        runningImport.set(running.get() ? handle : null);
        return Optional.empty();
    }

    /** Asks the running import to stop; what it read so far is kept. */
    public void cancelImport() {
        TaskHandle handle = runningImport.get();
        if (handle != null) {
            handle.cancel();
        }
    }

    public void dismissSummary() {
        lastSummary.set(null);
    }

    /** Reloads the list in the background; a request while a load runs is folded into one more load. */
    public void refresh() {
        Optional<Workspace> current = workspace.get();
        if (current.isEmpty()) {
            listedWorkspace = null;
            replaceRows(List.of());
            loaded.set(false);
            return;
        }
        if (reloading) {
            reloadAgain = true;
            return;
        }
        reloading = true;
        Workspace target = current.get();
        tasks.submit("Loading imports", context -> new ImportQueries(target.dsl()).imports(LIST_LIMIT + 1),
                fetched -> {
                    reloading = false;
                    if (workspace.get().orElse(null) == target) {
                        showRows(target, fetched);
                    }
                    reloadIfAsked();
                },
                failure -> {
                    reloading = false;
                    LOG.warn("Could not load the imports", failure);
                    listNote.set("The imports could not be loaded: " + failure.getMessage());
                    reloadIfAsked();
                });
    }

    /** Shows the details of {@code row}; ignored while the list itself is being replaced. */
    public void select(ImportRow row) {
        if (replacingRows) {
            return;
        }
        selected.set(row);
        details.show(row);
    }

    /** Selects the import with this id, when it is listed (a line of the summary was clicked). */
    public void selectImport(long importId) {
        rows.stream().filter(row -> row.importId() == importId).findFirst().ifPresent(this::select);
    }

    private void finishRun(ImportSummary summary) {
        running.set(false);
        runningImport.set(null);
        lastSummary.set(summary);
        selectAfterReload = summary.importToShow().orElse(null);
        refresh();
        runListeners.forEach(listener -> listener.accept(summary));
    }

    private void reloadIfAsked() {
        if (reloadAgain) {
            reloadAgain = false;
            refresh();
        }
    }

    private void showRows(Workspace target, List<ImportRow> fetched) {
        boolean more = fetched.size() > LIST_LIMIT;
        List<ImportRow> shown = more ? fetched.subList(0, LIST_LIMIT) : fetched;
        Long keep = selectAfterReload != null ? selectAfterReload
                : listedWorkspace == target && selected.get() != null ? Long.valueOf(selected.get().importId()) : null;
        selectAfterReload = null;
        listedWorkspace = target;
        replaceRows(shown);
        listNote.set(more ? "The newest " + ImportLabels.count(LIST_LIMIT) + " imports; tracedesk imports --json lists them all."
                : ImportLabels.count(shown.size(), "import", "imports") + ", newest first");
        loaded.set(true);
        // With nothing chosen yet, the newest import is shown, so the details pane is never idle.
        ImportRow toSelect = keep == null ? null
                : shown.stream().filter(row -> row.importId() == keep).findFirst().orElse(null);
        select(toSelect != null || shown.isEmpty() ? toSelect : shown.get(0));
    }

    private void replaceRows(List<ImportRow> replacement) {
        replacingRows = true;
        try {
            rows.setAll(replacement);
        } finally {
            replacingRows = false;
        }
    }

    private static String describeBrokenRun(Throwable failure) {
        if (failure instanceof CancellationException) {
            return "Cancelled before it started; nothing was imported.";
        }
        LOG.error("An import run failed as a whole", failure);
        String message = failure.getMessage();
        return "The import stopped: " + (message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }
}
