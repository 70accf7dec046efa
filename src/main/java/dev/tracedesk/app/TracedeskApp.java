package dev.tracedesk.app;

import javafx.application.Application;
import javafx.stage.Stage;

import dev.tracedesk.shell.SampleDataCatalog;
import dev.tracedesk.shell.UiPreferences;
import dev.tracedesk.store.WorkspaceLocation;

/** The JavaFX application: one main window on the workspace chosen on the command line. */
public final class TracedeskApp extends Application {

    /** Application.launch instantiates this class itself, so the location is handed over here. */
    private static volatile WorkspaceLocation requestedLocation;

    private UiPreferences preferences;
    private MainWindow window;

    /** Opens the window and returns when it has been closed. */
    static void launchWindow(WorkspaceLocation location) {
        requestedLocation = location;
        Application.launch(TracedeskApp.class);
    }

    /** Runs on the launcher thread, so reading the preferences file keeps off the FX thread. */
    @Override
    public void init() {
        preferences = UiPreferences.inHome(System.getenv());
    }

    @Override
    public void start(Stage stage) {
        window = MainWindow.open(stage, requestedLocation, preferences, new SampleDataCatalog(), AppVersion.get());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
