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
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.WorkspaceLocation;

/**
 * The main window's state and commands: the selected section, the theme, the status-bar counts,
 * notices, and the first-start sample-data offer. The workspace itself lives in {@link WorkspaceSession}.
 */
public final class MainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final WorkspaceSession session;
    private final TaskRunner tasks;
    private final UiPreferences preferences;
    private final String version;
    private final ObjectProperty<Section> selectedSection = new SimpleObjectProperty<>(this, "selectedSection", Section.REVIEW);
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper sampleOfferDismissed = new ReadOnlyBooleanWrapper(this, "sampleOfferDismissed");
    private final ReadOnlyObjectWrapper<List<String>> sampleFiles = new ReadOnlyObjectWrapper<>(this, "sampleFiles", List.of());
    private final StringBinding countsText;
    private final BooleanBinding sampleOfferVisible;
    private final StringBinding sampleOfferText;

    public MainViewModel(WorkspaceSession session, TaskRunner tasks, UiPreferences preferences,
                         SampleDataCatalog sampleData, String version) {
        this.session = session;
        this.tasks = tasks;
        this.preferences = preferences;
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

    public void openWorkspace(Path file) {
        session.open(WorkspaceLocation.h2(file));
    }

    /** A one-line message above the section, e.g. that import comes later; empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set("");
    }

    /** The Import command, and files dropped on the window: import arrives with a later issue. */
    public void requestImport(List<Path> files) {
        String what = switch (files.size()) {
            case 0 -> "";
            case 1 -> files.get(0).getFileName() + " was not imported.";
            default -> files.size() + " files were not imported.";
        };
        notice.set(("Importing trace and eval files arrives in a later version of Tracedesk. " + what).strip());
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
        return "This workspace is empty. This build lists " + count(files.size(), "sample file", "sample files")
                + "; loading them comes with the import feature in a later version.";
    }

    private static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
