package dev.tracedesk.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

import org.jooq.DSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.scene.Scene;
import javafx.stage.Stage;

import dev.tracedesk.core.task.FxTaskRunner;
import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.ImportsViewModel;
import dev.tracedesk.search.SpanSearch;
import dev.tracedesk.search.WorkspaceSearches;
import dev.tracedesk.shell.MainView;
import dev.tracedesk.shell.MainViewModel;
import dev.tracedesk.shell.SampleDataCatalog;
import dev.tracedesk.shell.UiPreferences;
import dev.tracedesk.shell.WindowPlacement;
import dev.tracedesk.shell.WorkspaceSession;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;
import dev.tracedesk.ui.ViewLoader;

/**
 * Assembles the main window on a stage: task runner, FX-thread guard, workspace session, views.
 * The window shows at once; the workspace opens behind it. Tests build it the same way as the app.
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

    private final Stage stage;
    private final UiPreferences preferences;
    private final FxThreadQueryGuard guard = new FxThreadQueryGuard();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final WorkspaceSession session;
    private final MainViewModel viewModel;
    private final WindowPlacement placement;
    private final Function<Workspace, SpanSearch> searches;
    private MainView view;
    private ViewFactory views;
    private boolean closed;

    private MainWindow(Stage stage, UiPreferences preferences, SampleDataCatalog sampleData, String version,
                       Function<DSLContext, ImportService> importServices, Function<Workspace, SpanSearch> searches) {
        this.stage = stage;
        this.searches = searches;
        this.preferences = preferences;
        this.session = new WorkspaceSession(tasks, location -> Workspace.open(location, guard));
        ImportsViewModel imports = new ImportsViewModel(tasks, session.statsProperty(), session::workspace, importServices);
        this.viewModel = new MainViewModel(session, tasks, preferences, sampleData, imports, version);
        this.placement = new WindowPlacement(stage);
    }

    /** Shows the window on {@code stage} and starts opening the workspace; call on the FX thread. */
    public static MainWindow open(Stage stage, WorkspaceLocation location, UiPreferences preferences,
                                  SampleDataCatalog sampleData, String version) {
        return open(stage, location, preferences, sampleData, version,
                dsl -> new ImportService(dsl, FormatReaders.standard()), new WorkspaceSearches());
    }

    /** As above, importing with the readers {@code importServices} gives; tests pass their own. */
    public static MainWindow open(Stage stage, WorkspaceLocation location, UiPreferences preferences,
                                  SampleDataCatalog sampleData, String version,
                                  Function<DSLContext, ImportService> importServices) {
        return open(stage, location, preferences, sampleData, version, importServices, workspace -> null);
    }

    /**
     * As above, with the full-text search the Traces section asks ({@code searches} gives null when
     * a workspace has none: the search box is then disabled).
     */
    public static MainWindow open(Stage stage, WorkspaceLocation location, UiPreferences preferences,
                                  SampleDataCatalog sampleData, String version,
                                  Function<DSLContext, ImportService> importServices,
                                  Function<Workspace, SpanSearch> searches) {
        MainWindow window = new MainWindow(stage, preferences, sampleData, version, importServices, searches);
        window.show(location);
        return window;
    }

    private void show(WorkspaceLocation location) {
        views = new ViewFactory(viewModel, tasks, searches);
        ViewLoader.Loaded<MainView> main = views.loader().load(MainView.class);
        view = main.view();
        stage.setScene(new Scene(main.root()));
        stage.titleProperty().bind(session.displayNameProperty().map(name -> "Tracedesk — " + name));
        placement.restore(viewModel.savedWindowGeometry());
        stage.setOnHidden(event -> close());
        stage.show();
        session.open(location);
    }

    /** Opens the field-mapping dialog for {@code file}, as File ▸ Import with field mapping does after its file chooser. */
    public void openMappingDialog(Path file) {
        views.openMappingDialog(stage, file);
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    /** The runner all of the window's background work goes through. */
    public TaskRunner tasks() {
        return tasks;
    }

    public FxThreadQueryGuard guard() {
        return guard;
    }

    public Stage stage() {
        return stage;
    }

    /**
     * Remembers the window's place, stops background work and closes the workspace. This runs on
     * the FX thread while the window goes away: the process is ending, so closing the database
     * cleanly matters more than a responsive UI.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        view.dispose();
        preferences.setWindowGeometry(placement.current());
        try {
            preferences.save();
        } catch (IOException e) {
            LOG.warn("Could not save UI preferences to {}: {}", preferences.file(), e.getMessage());
        }
        tasks.close();
        if (searches instanceof AutoCloseable index) {
            try {
                index.close();
            } catch (Exception e) {
                LOG.warn("Could not close the search index: {}", e.getMessage());
            }
        }
        session.close();
    }
}
