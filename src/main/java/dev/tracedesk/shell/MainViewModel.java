package dev.tracedesk.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import dev.tracedesk.core.task.TaskActivity;
import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.ingest.ImportsViewModel;
import dev.tracedesk.ingest.MappingDialogViewModel;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.WorkspaceLocation;

/**
 * The main window's state and commands: the selected section, the theme, the status-bar counts,
 * notices, the import command behind File ▸ Import and dropped files, and the first-start
 * sample-data offer. The workspace itself lives in {@link WorkspaceSession}; imports run in the
 * Imports section's {@link ImportsViewModel}.
 */
public final class MainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final WorkspaceSession session;
    private final TaskRunner tasks;
    private final UiPreferences preferences;
    private final SampleDataCatalog sampleData;
    private final ImportsViewModel imports;
    private final ReviewerIdentity reviewer;
    private final String version;
    private final ObjectProperty<Section> selectedSection = new SimpleObjectProperty<>(this, "selectedSection", Section.REVIEW);
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper sampleOfferDismissed = new ReadOnlyBooleanWrapper(this, "sampleOfferDismissed");
    private final ReadOnlyObjectWrapper<List<String>> sampleFiles = new ReadOnlyObjectWrapper<>(this, "sampleFiles", List.of());
    private final ReadOnlyBooleanWrapper preparingSampleData = new ReadOnlyBooleanWrapper(this, "preparingSampleData");
    private final StringBinding countsText;
    private final BooleanBinding canImport;
    private final BooleanBinding sampleDataAvailable;
    private final BooleanBinding canLoadSampleData;
    private final BooleanBinding sampleOfferVisible;
    private final StringBinding sampleOfferText;

    public MainViewModel(WorkspaceSession session, TaskRunner tasks, UiPreferences preferences,
                         SampleDataCatalog sampleData, ImportsViewModel imports, String version) {
        this.session = session;
        this.tasks = tasks;
        this.preferences = preferences;
        this.sampleData = sampleData;
        this.imports = imports;
        this.reviewer = new ReviewerIdentity(preferences, System.getenv());
        this.version = version;
        theme.set(preferences.theme());
        sampleOfferDismissed.set(preferences.sampleDataOfferDismissed());
        countsText = Bindings.createStringBinding(() -> describeCounts(session.statsProperty().get()),
                session.statsProperty());
        sampleOfferVisible = Bindings.createBooleanBinding(() -> {
            WorkspaceStats stats = session.statsProperty().get();
            return session.stateProperty().get() == WorkspaceSession.State.READY
                    && stats != null && stats.isEmpty() && !sampleOfferDismissed.get();
        }, session.stateProperty(), session.statsProperty(), sampleOfferDismissed);
        sampleOfferText = Bindings.createStringBinding(() -> describeSampleOffer(sampleFiles.get()), sampleFiles);
        canImport = session.stateProperty().isEqualTo(WorkspaceSession.State.READY)
                .and(imports.runningProperty().not()).and(preparingSampleData.not());
        sampleDataAvailable = Bindings.createBooleanBinding(() -> !sampleFiles.get().isEmpty(), sampleFiles);
        canLoadSampleData = canImport.and(sampleDataAvailable);
        imports.onRunFinished(summary -> {
            session.refreshStats();
            select(Section.IMPORTS);
        });
        tasks.submit("Looking for sample data", context -> sampleData.files(), sampleFiles::set,
                failure -> LOG.warn("No sample data: {}", failure.getMessage()));
    }

    public WorkspaceSession session() {
        return session;
    }

    /** What runs in the background, for the status bar's indicator. */
    public TaskActivity activity() {
        return tasks.activity();
    }

    public ObjectProperty<Section> selectedSectionProperty() {
        return selectedSection;
    }

    public void select(Section section) {
        selectedSection.set(section);
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public void toggleTheme() {
        theme.set(theme.get().toggled());
        preferences.setTheme(theme.get());
        savePreferencesInBackground();
    }

    /** "3 traces · 12 spans · …" once counted, "Counting…" before. */
    public StringBinding countsText() {
        return countsText;
    }

    /** Refreshes the status-bar counts, e.g. after the CLI imported into the same workspace. */
    public void refreshCounts() {
        session.refreshStats();
    }

    /** F5: the counts and the lists shown, which another process may have changed. */
    public void refresh() {
        session.refreshStats();
        imports.refresh();
    }

    /** Who labels from this window. */
    public ReviewerIdentity reviewer() {
        return reviewer;
    }

    public ImportsViewModel imports() {
        return imports;
    }

    public void openWorkspace(Path file) {
        session.open(WorkspaceLocation.h2(file));
    }

    /** A one-line message above the section, e.g. why files were not imported; empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set("");
    }

    /** True when an import can start: a workspace is open and no import runs. */
    public BooleanBinding canImport() {
        return canImport;
    }

    /**
     * The import command behind File ▸ Import and files dropped on the window: imports them one
     * after another in the background and shows the Imports section, where progress and the
     * summary appear. When it cannot start, the notice says why.
     */
    public void importFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        Optional<String> refused = imports.importFiles(files);
        if (refused.isPresent()) {
            notice.set(refused.get());
            return;
        }
        notice.set("");
        select(Section.IMPORTS);
    }

    /**
     * Imports a generic log with a saved field mapping, as {@link #importFiles} imports files.
     *
     * @return why it did not start; empty when it started
     */
    public Optional<String> importWithMapping(Path file, String mappingName) {
        Optional<String> refused = imports.importWithMapping(file, mappingName);
        if (refused.isEmpty()) {
            notice.set("");
            select(Section.IMPORTS);
        }
        return refused;
    }

    /** The field-mapping dialog's state for {@code file}; it imports through {@link #importWithMapping}. */
    public MappingDialogViewModel mappingDialog(Path file) {
        return new MappingDialogViewModel(tasks, session::workspace, file, this::importWithMapping,
                imports.runningProperty());
    }

    /** True when this build ships sample files. */
    public BooleanBinding sampleDataAvailable() {
        return sampleDataAvailable;
    }

    /** True when the sample files can be loaded now: there are some, and an import could start. */
    public BooleanBinding canLoadSampleData() {
        return canLoadSampleData;
    }

    /**
     * Imports the sample files. They are class-path resources, and the importer reads files, so
     * each is first copied to a temporary folder (in the background: it is file I/O).
     */
    public void loadSampleData() {
        if (!canLoadSampleData.get()) {
            return;
        }
        preparingSampleData.set(true);
        tasks.submit("Preparing sample data", context -> sampleData.copyToTemporaryFolder(),
                files -> {
                    preparingSampleData.set(false);
                    if (files.isEmpty()) {
                        notice.set("The sample files this build lists are missing from it, so there is nothing to load.");
                    } else {
                        importFiles(files);
                    }
                },
                failure -> {
                    preparingSampleData.set(false);
                    LOG.warn("Could not prepare the sample data", failure);
                    notice.set("The sample data could not be prepared: " + failure.getMessage());
                });
    }

    public BooleanBinding sampleOfferVisible() {
        return sampleOfferVisible;
    }

    public StringBinding sampleOfferText() {
        return sampleOfferText;
    }

    public ReadOnlyObjectProperty<List<String>> sampleFilesProperty() {
        return sampleFiles.getReadOnlyProperty();
    }

    public void dismissSampleOffer() {
        sampleOfferDismissed.set(true);
        preferences.setSampleDataOfferDismissed(true);
        savePreferencesInBackground();
    }

    public String aboutTitle() {
        return "Tracedesk " + version;
    }

    public Optional<WindowGeometry> savedWindowGeometry() {
        return preferences.windowGeometry();
    }

    public UiPreferences preferences() {
        return preferences;
    }

    private void savePreferencesInBackground() {
        tasks.submit("Saving preferences", context -> {
            preferences.save();
            return null;
        }, saved -> { }, failure -> LOG.warn("Could not save UI preferences to {}: {}",
                preferences.file(), failure.getMessage()));
    }

    static String describeCounts(WorkspaceStats stats) {
        if (stats == null) {
            return "Counting…";
        }
        return String.join(" · ",
                count(stats.traces(), "trace", "traces"),
                count(stats.spans(), "span", "spans"),
                count(stats.evalRuns(), "eval run", "eval runs"),
                count(stats.reviewItems(), "review item", "review items"),
                count(stats.datasets(), "dataset", "datasets"));
    }

    static String describeSampleOffer(List<String> files) {
        if (files.isEmpty()) {
            return "This workspace is empty, and this build of Tracedesk has no sample data yet:"
                    + " start with a trace or eval file of your own.";
        }
        return "This workspace is empty. Load the sample data (" + count(files.size(), "file", "files")
                + " of traces and eval runs written by real LLM tools against a stand-in model) to look around,"
                + " or import files of your own.";
    }

    private static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
