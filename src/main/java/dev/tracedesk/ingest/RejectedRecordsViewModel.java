package dev.tracedesk.ingest;

import static dev.tracedesk.ingest.ImportLabels.count;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.ingest.ImportQueries.ImportRow;
import dev.tracedesk.ingest.RejectedRecordQueries.RawTextPreview;
import dev.tracedesk.ingest.RejectedRecordQueries.RejectedSummary;
import dev.tracedesk.ingest.generic.FileSample;
import dev.tracedesk.store.Workspace;

/**
 * The details of the selected import: what it said, the records it rejected, and the raw text of
 * the selected one. Everything is loaded in the background; an answer that arrives after the
 * selection moved on is dropped.
 */
public final class RejectedRecordsViewModel {

    /** Records listed per import; the CLI lists them all. */
    static final int LIST_LIMIT = 1000;
    /** Characters of raw text shown: enough to see what is wrong, small enough to lay out at once. */
    static final int PREVIEW_CHARS = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RejectedRecordsViewModel.class);

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final ReadOnlyObjectWrapper<ImportRow> shownImport = new ReadOnlyObjectWrapper<>(this, "shownImport");
    private final ObservableList<RejectedSummary> records = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper listNote = new ReadOnlyStringWrapper(this, "listNote", "");
    private final ReadOnlyObjectWrapper<RejectedSummary> selectedRecord = new ReadOnlyObjectWrapper<>(this, "selectedRecord");
    private final ReadOnlyStringWrapper rawText = new ReadOnlyStringWrapper(this, "rawText", "");
    private final ReadOnlyStringWrapper rawTextNote = new ReadOnlyStringWrapper(this, "rawTextNote", "");
    private final ReadOnlyObjectWrapper<Path> mappableFile = new ReadOnlyObjectWrapper<>(this, "mappableFile");
    private boolean replacingRecords;

    public RejectedRecordsViewModel(TaskRunner tasks, Supplier<Optional<Workspace>> workspace) {
        this.tasks = tasks;
        this.workspace = workspace;
    }

    /** The import whose details are shown; null when none is selected. */
    public ReadOnlyObjectProperty<ImportRow> shownImportProperty() {
        return shownImport.getReadOnlyProperty();
    }

    public ObservableList<RejectedSummary> records() {
        return FXCollections.unmodifiableObservableList(records);
    }

    /** "3 rejected records", "No records were rejected.", or how many of how many are listed. */
    public ReadOnlyStringProperty listNoteProperty() {
        return listNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RejectedSummary> selectedRecordProperty() {
        return selectedRecord.getReadOnlyProperty();
    }

    /** The selected record's raw text, at most {@link #PREVIEW_CHARS} characters of it. */
    public ReadOnlyStringProperty rawTextProperty() {
        return rawText.getReadOnlyProperty();
    }

    /** Says when the raw text shown is only the start of it; empty otherwise. */
    public ReadOnlyStringProperty rawTextNoteProperty() {
        return rawTextNote.getReadOnlyProperty();
    }

    /**
     * The file of the shown import when it failed because its format is unknown and it reads as a
     * JSONL or CSV log: it can be imported with a field mapping. Null otherwise.
     */
    public ReadOnlyObjectProperty<Path> mappableFileProperty() {
        return mappableFile.getReadOnlyProperty();
    }

    /** Shows {@code row}'s details (null clears them); the first rejected record is selected. */
    public void show(ImportRow row) {
        ImportRow before = shownImport.get();
        boolean sameImport = before != null && row != null && before.importId() == row.importId();
        shownImport.set(row);
        if (sameImport && before.rejected() == row.rejected()) {
            return;
        }
        offerMappingIfGeneric(row);
        replaceRecords(List.of());
        if (row == null) {
            listNote.set("");
            return;
        }
        if (ImportStatus.RUNNING.name().equals(row.status())) {
            listNote.set("This import has not finished: it is still running, or it was interrupted."
                    + " Its counts and rejected records are shown once it ends.");
            return;
        }
        if (row.rejected() == 0) {
            listNote.set("No records were rejected.");
            return;
        }
        listNote.set("Loading the rejected records…");
        Optional<Workspace> current = workspace.get();
        if (current.isEmpty()) {
            return;
        }
        long importId = row.importId();
        tasks.submit("Loading rejected records",
                context -> new RejectedRecordQueries(current.get().dsl()).ofImport(importId, LIST_LIMIT),
                loaded -> {
                    if (isShown(importId)) {
                        replaceRecords(loaded);
                        listNote.set(describeList(loaded.size(), row));
                        selectRecord(loaded.isEmpty() ? null : loaded.get(0));
                    }
                },
                failure -> {
                    if (isShown(importId)) {
                        LOG.warn("Could not load the rejected records of import {}", importId, failure);
                        listNote.set("The rejected records could not be loaded: " + failure.getMessage());
                    }
                });
    }

    private void offerMappingIfGeneric(ImportRow row) {
        mappableFile.set(null);
        // No format recorded on a failed import: detection found none (a file that cannot be opened fails before).
        if (row == null || row.format() != null || !ImportStatus.FAILED.name().equals(row.status()) || row.path() == null) {
            return;
        }
        long importId = row.importId();
        Path file = Path.of(row.path());
        tasks.submit("Looking at " + row.fileName(), context -> FileSample.read(file),
                readable -> {
                    if (isShown(importId)) {
                        mappableFile.set(file);
                    }
                },
                notAGenericLog -> LOG.debug("{} cannot be mapped: {}", file, notAGenericLog.getMessage()));
    }

    /** Shows the raw text of {@code record}; ignored while the list itself is being replaced. */
    public void selectRecord(RejectedSummary record) {
        if (replacingRecords || record == selectedRecord.get()) {
            return;
        }
        selectedRecord.set(record);
        rawText.set("");
        rawTextNote.set("");
        Optional<Workspace> current = workspace.get();
        if (record == null || current.isEmpty()) {
            return;
        }
        tasks.submit("Loading raw text",
                context -> new RejectedRecordQueries(current.get().dsl()).rawText(record.id(), PREVIEW_CHARS),
                preview -> {
                    if (selectedRecord.get() == record) {
                        rawText.set(preview.map(RawTextPreview::head).orElse(""));
                        rawTextNote.set(preview.map(this::describePreview).orElse("This record is no longer in the workspace."));
                    }
                },
                failure -> {
                    if (selectedRecord.get() == record) {
                        rawTextNote.set("The raw text could not be loaded: " + failure.getMessage());
                    }
                });
    }

    private void replaceRecords(List<RejectedSummary> replacement) {
        replacingRecords = true;
        try {
            records.setAll(replacement);
        } finally {
            replacingRecords = false;
        }
        selectedRecord.set(null);
        rawText.set("");
        rawTextNote.set("");
    }

    private boolean isShown(long importId) {
        ImportRow shown = shownImport.get();
        return shown != null && shown.importId() == importId;
    }

    private static String describeList(int listed, ImportRow row) {
        if (listed < row.rejected()) {
            return "Showing the first " + count(listed) + " of " + count(row.rejected()) + " rejected records;"
                    + " tracedesk rejected " + row.importId() + " --json lists them all.";
        }
        return count(listed, "rejected record", "rejected records") + ": where it was, why, and its raw text.";
    }

    private String describePreview(RawTextPreview preview) {
        if (!preview.truncated()) {
            return "";
        }
        return "Showing the first " + count(preview.head().length()) + " of " + count(preview.totalLength())
                + " characters; tracedesk rejected " + shownImport.get().importId() + " --json prints the whole record.";
    }
}
