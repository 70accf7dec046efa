package dev.tracedesk.shell;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.testfx.util.WaitForAsyncUtils;

import javafx.stage.Stage;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.search.WorkspaceSearches;
import dev.tracedesk.store.WorkspaceLocation;

/** The real window as users get it — shipped readers, the real search index — on a workspace in {@code folder}. */
final class RealReadersWindow {

    private RealReadersWindow() {
    }

    static MainWindow open(Stage stage, Path folder) {
        return MainWindow.open(stage, WorkspaceLocation.h2(folder.resolve("ws")),
                UiPreferences.load(folder.resolve(UiPreferences.FILE_NAME)),
                new SampleDataCatalog("/sample-data-importable/"), "test",
                dsl -> new ImportService(dsl, FormatReaders.standard()), new WorkspaceSearches());
    }

    /** Until no background task runs and the FX thread has drawn its results. */
    static void waitUntilIdle(MainWindow window) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.viewModel().activity().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
