package dev.tracedesk.ingest;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.ingest.generic.FieldMapping;
import dev.tracedesk.ingest.generic.FieldMapping.Field;
import dev.tracedesk.ingest.generic.FieldMappings;
import dev.tracedesk.ingest.generic.FileSample;
import dev.tracedesk.ingest.generic.FileSample.FoundField;
import dev.tracedesk.ingest.generic.MappingPreview;
import dev.tracedesk.ingest.generic.MappingSuggestion;
import dev.tracedesk.ingest.generic.PreviewRow;
import dev.tracedesk.store.Workspace;

/**
 * The field-mapping dialog for a generic JSONL / CSV log: the file's first records, one source per
 * canonical field (guessed from the field names to start with), a preview of what the import
 * would store — recomputed in the background as the mapping changes — and "Save and import",
 * which saves the mapping in the workspace and imports the file with it the way File ▸ Import does.
 */
public final class MappingDialogViewModel {

    public enum State { LOADING, READY, FAILED }

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final Path file;
    private final BiFunction<Path, String, Optional<String>> importer;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyStringWrapper shapeText = new ReadOnlyStringWrapper(this, "shapeText", "Reading the first records…");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ReadOnlyStringWrapper nameNote = new ReadOnlyStringWrapper(this, "nameNote", "");
    private final Map<Field, StringProperty> sources = new EnumMap<>(Field.class);
    private final ObservableList<FoundField> foundFields = FXCollections.observableArrayList();
    private final ObservableList<String> savedMappingNames = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<PreviewRow> previewRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewNote = new ReadOnlyStringWrapper(this, "previewNote", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError", "");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final BooleanBinding canSave;
    private List<FieldMapping> savedMappings = List.of();
    private FileSample sample;
    private boolean settingMany;
    private boolean previewing;
    private boolean previewAgain;

    /**
     * @param importer      starts the import of a file with a saved mapping, as File ▸ Import starts one;
     *                      returns why it did not start
     * @param importRunning true while another import runs: one import at a time
     */
    public MappingDialogViewModel(TaskRunner tasks, Supplier<Optional<Workspace>> workspace, Path file,
                                  BiFunction<Path, String, Optional<String>> importer, ObservableBooleanValue importRunning) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.file = file;
        this.importer = importer;
        for (Field field : Field.values()) {
            StringProperty source = new SimpleStringProperty(this, field.key(), "");
            source.addListener((observable, before, after) -> mappingChanged());
            sources.put(field, source);
        }
        name.addListener((observable, before, after) -> mappingChanged());
        canSave = Bindings.createBooleanBinding(() -> state.get() == State.READY && problems.isEmpty()
                && !saving.get() && !importRunning.get(), state, problems, saving, importRunning);
    }

    /** Reads the file's first records and the saved mappings in the background. */
    public void load() {
        Optional<Workspace> target = workspace.get();
        if (target.isEmpty()) {
            fail("No workspace is open. Open a workspace first, then import the file.");
            return;
        }
        tasks.submit("Reading " + file.getFileName(),
                context -> new Loaded(FileSample.read(file), new FieldMappings(target.get().dsl()).all()),
                this::show,
                failure -> fail(failure.getMessage() == null ? failure.toString() : failure.getMessage()));
    }

    private record Loaded(FileSample sample, List<FieldMapping> savedMappings) {
    }

    private void show(Loaded loaded) {
        sample = loaded.sample();
        savedMappings = loaded.savedMappings();
        foundFields.setAll(sample.fields());
        savedMappingNames.setAll(savedMappings.stream().map(FieldMapping::name).toList());
        shapeText.set(describeShape(sample));
        String suggestedName = MappingSuggestion.nameFor(sample.fileName());
        // A file named like a saved mapping is most likely another log of the same kind.
        if (savedMappingNames.contains(suggestedName)) {
            startFrom(suggestedName);
        } else {
            setMapping(suggestedName, MappingSuggestion.suggest(sample.fields()));
        }
        state.set(State.READY);
        mappingChanged();
    }

    private void fail(String message) {
        loadError.set(message);
        shapeText.set("");
        state.set(State.FAILED);
    }

    public Path file() {
        return file;
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the file cannot be mapped, naming the file and line; empty while none. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** "JSON Lines · the first 20 records" or "CSV · all 3 records". */
    public ReadOnlyStringProperty shapeTextProperty() {
        return shapeText.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Says when saving replaces a saved mapping of the same name; empty otherwise. */
    public ReadOnlyStringProperty nameNoteProperty() {
        return nameNote.getReadOnlyProperty();
    }

    /** Where a canonical field is read from: a JSON pointer or a column name; "" when unmapped. */
    public StringProperty sourceProperty(Field field) {
        return sources.get(field);
    }

    /** The fields found in the first records, for the choices of every row. */
    public ObservableList<FoundField> foundFields() {
        return FXCollections.unmodifiableObservableList(foundFields);
    }

    public ObservableList<String> savedMappingNames() {
        return FXCollections.unmodifiableObservableList(savedMappingNames);
    }

    /** Replaces name and sources with those of the saved mapping {@code mappingName}. */
    public void startFrom(String mappingName) {
        savedMappings.stream().filter(mapping -> mapping.name().equals(mappingName)).findFirst()
                .ifPresent(mapping -> setMapping(mapping.name(), mapping.fields()));
    }

    /** What keeps the mapping from being saved, in words; empty when it can be. */
    public ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    public ObservableList<PreviewRow> previewRows() {
        return FXCollections.unmodifiableObservableList(previewRows);
    }

    /** "3 records: 2 calls, 1 rejected". */
    public ReadOnlyStringProperty previewNoteProperty() {
        return previewNote.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Why the last "Save and import" did not go through; empty otherwise. */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    /** True once the mapping is saved and its import started: the dialog closes. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** The mapping as the dialog shows it now; blank sources are left out. */
    public FieldMapping mapping() {
        Map<Field, String> fields = new EnumMap<>(Field.class);
        sources.forEach((field, source) -> {
            String value = source.get() == null ? "" : source.get().strip();
            if (!value.isEmpty()) {
                fields.put(field, value);
            }
        });
        return new FieldMapping(name.get() == null ? "" : name.get().strip(), fields);
    }

    /** Saves the mapping in the workspace (in the background), then starts the import of the file with it. */
    public void saveAndImport() {
        Optional<Workspace> target = workspace.get();
        if (!canSave.get() || target.isEmpty()) {
            return;
        }
        FieldMapping mapping = mapping();
        saving.set(true);
        saveError.set("");
        tasks.submit("Saving mapping " + mapping.name(), context -> {
            new FieldMappings(target.get().dsl()).save(mapping);
            return mapping.name();
        }, saved -> {
            saving.set(false);
            Optional<String> refused = importer.apply(file, saved);
            if (refused.isPresent()) {
                saveError.set("The mapping was saved, but the import did not start: " + refused.get());
            } else {
                finished.set(true);
            }
        }, failure -> {
            saving.set(false);
            saveError.set("The mapping could not be saved: " + failure.getMessage());
        });
    }

    private void setMapping(String mappingName, Map<Field, String> fields) {
        settingMany = true;
        try {
            name.set(mappingName);
            sources.forEach((field, source) -> source.set(fields.getOrDefault(field, "")));
        } finally {
            settingMany = false;
        }
        mappingChanged();
    }

    private void mappingChanged() {
        if (settingMany || sample == null) {
            return;
        }
        FieldMapping mapping = mapping();
        problems.setAll(mapping.problems().stream().map(MappingDialogViewModel::sentence).toList());
        nameNote.set(savedMappingNames.contains(mapping.name())
                ? "Saving replaces the saved mapping \"" + mapping.name() + "\"." : "");
        schedulePreview();
    }

    /** One preview at a time; changes made meanwhile are folded into one more. */
    private void schedulePreview() {
        if (previewing) {
            previewAgain = true;
            return;
        }
        previewing = true;
        FieldMapping mapping = mapping();
        FileSample previewed = sample;
        tasks.submit("Previewing the mapping", context -> MappingPreview.preview(previewed, mapping),
                rows -> {
                    previewRows.setAll(rows);
                    previewNote.set(describePreview(rows));
                    previewDone();
                },
                failure -> {
                    previewNote.set("The preview failed: " + failure.getMessage());
                    previewDone();
                });
    }

    private void previewDone() {
        previewing = false;
        if (previewAgain) {
            previewAgain = false;
            schedulePreview();
        }
    }

    static String describeShape(FileSample sample) {
        int count = sample.recordCount();
        String records = sample.wholeFile() ? (count == 1 ? "its only record" : "all " + count + " records")
                : "the first " + count + " records";
        return sample.shape().label() + " · " + sample.fields().size() + " fields · previewing " + records;
    }

    static String describePreview(List<PreviewRow> rows) {
        if (rows.isEmpty()) {
            return "The file has no records after its header.";
        }
        long rejected = rows.stream().filter(PreviewRow::rejected).count();
        long failed = rows.stream().filter(row -> !row.rejected() && row.error() != null).count();
        String text = ImportLabels.count(rows.size() - rejected, "call", "calls")
                + (failed > 0 ? " (" + failed + " failed)" : "");
        return rejected == 0 ? text : text + ", " + ImportLabels.count(rejected, "record", "records") + " rejected";
    }

    private static String sentence(String problem) {
        return problem.isEmpty() ? problem : Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".";
    }
}
