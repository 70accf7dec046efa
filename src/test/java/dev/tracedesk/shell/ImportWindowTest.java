package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.ingest.ImportQueries.ImportRow;
import dev.tracedesk.ingest.ImportStatus;
import dev.tracedesk.ingest.ImportSummary;
import dev.tracedesk.ingest.RejectedRecordQueries.RejectedSummary;
import dev.tracedesk.ingest.TestImports;
import dev.tracedesk.store.WorkspaceLocation;

/** The import flow in the real window, headless, importing with the test-only readers. */
@ExtendWith(ApplicationExtension.class)
class ImportWindowTest {

    @TempDir
    static Path sharedFolder;

    private Path folder;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        folder = sharedFolder.resolve(UUID.randomUUID().toString());
        window = MainWindow.open(stage, WorkspaceLocation.h2(folder.resolve("ws")),
                UiPreferences.load(folder.resolve(UiPreferences.FILE_NAME)),
                new SampleDataCatalog("/sample-data-importable/"), "test", TestImports.scriptedServices());
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    private void waitUntilOpen() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        waitUntilIdle();
    }

    private void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.viewModel().activity().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ImportSummary waitForSummary() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        waitUntilIdle();
        return window.viewModel().imports().lastSummaryProperty().get();
    }

    private void importFiles(FxRobot robot, Path... files) {
        // What File ▸ Import and a drop do once they have the files.
        robot.interact(() -> window.viewModel().importFiles(List.of(files)));
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    private static boolean showing(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node.isVisible() && node.getScene() != null;
    }

    @Test
    void afterAnImportTheImportsSectionListsItAndShowsARejectedRecordsLineReasonAndRawText(FxRobot robot) throws Exception {
        waitUntilOpen();
        Path clean = TestImports.script(folder, "clean.jsonl", TestImports.span("t1", "a"));
        Path mixed = TestImports.script(folder, "mixed.jsonl", TestImports.span("t2", "a"), "{\"oops\": [1, 2]}");

        importFiles(robot, clean, mixed);
        waitForSummary();

        assertThat(showing(robot, "#section-imports")).isTrue();
        assertThat(robot.lookup("#summaryTitle").queryAs(Label.class).getText()).isEqualTo("Imported 2 files");
        TableView<ImportRow> imports = table(robot, "#importsTable");
        assertThat(imports.getItems()).extracting(ImportRow::fileName).containsExactly("mixed.jsonl", "clean.jsonl");
        assertThat(imports.getSelectionModel().getSelectedItem().fileName()).isEqualTo("mixed.jsonl");
        TableView<RejectedSummary> records = table(robot, "#recordsTable");
        assertThat(showing(robot, "#recordsTable")).isTrue();
        assertThat(records.getItems()).extracting(RejectedSummary::where).containsExactly("line 3");
        assertThat(robot.lookup(".table-cell").queryAll()).anySatisfy(cell ->
                assertThat(((javafx.scene.control.Labeled) cell).getText()).contains("not a script record"));
        assertThat(robot.lookup("#rawTextArea").queryAs(TextArea.class).getText()).isEqualTo("{\"oops\": [1, 2]}");
        assertThat(robot.lookup("#countsLabel").queryAs(Label.class).getText()).startsWith("2 traces · 2 spans");

        robot.clickOn("#nav-traces");
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntilIdle();
        assertThat(window.guard().violations()).isEmpty();
    }

    @Test
    void enterOnAnImportGoesToItsRejectedRecordsAndEscapeComesBack(FxRobot robot) throws Exception {
        waitUntilOpen();
        importFiles(robot, TestImports.script(folder, "bad.jsonl", "nope", "still nope"));
        waitForSummary();

        TableView<ImportRow> imports = ImportWindowTest.<ImportRow>table(robot, "#importsTable");
        assertThat(imports.getSelectionModel().getSelectedItem().fileName()).isEqualTo("bad.jsonl");
        // Focus the list as a click would; a row cell to click on can be one of the table's hidden spares.
        robot.interact(imports::requestFocus);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#recordsTable").query().isFocused()).isTrue();

        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        waitUntilIdle();
        assertThat(robot.lookup("#rawTextArea").queryAs(TextArea.class).getText()).isEqualTo("still nope");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#importsTable").query().isFocused()).isTrue();
    }

    @Test
    void cancelInTheStatusBarStopsALongImportAndKeepsWhatItRead(FxRobot robot) throws Exception {
        waitUntilOpen();
        importFiles(robot, TestImports.endless(folder, "endless.jsonl"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> showing(robot, "#taskIndicator")
                && robot.lookup("#taskMessage").queryAs(Label.class).getText().contains("records/s")
                && window.viewModel().activity().running().size() == 1);
        assertThat(robot.lookup("#taskLabel").queryAs(Label.class).getText()).isEqualTo("Importing endless.jsonl…");
        assertThat(showing(robot, "#progressPanel")).isTrue();

        robot.clickOn("#cancelTaskButton");
        ImportSummary summary = waitForSummary();

        assertThat(summary.title()).isEqualTo("Import cancelled");
        assertThat(showing(robot, "#progressPanel")).isFalse();
        ImportRow row = ImportWindowTest.<ImportRow>table(robot, "#importsTable").getItems().get(0);
        assertThat(ImportStatus.valueOf(row.status())).isEqualTo(ImportStatus.CANCELLED);
        assertThat(row.imported()).isPositive();
        assertThat(window.guard().violations()).isEmpty();
    }

    @Test
    void aHugeRejectedRecordShowsItsFirst64KWithANoteAndTheWindowStaysResponsive(FxRobot robot) throws Exception {
        waitUntilOpen();
        importFiles(robot, TestImports.script(folder, "huge.jsonl", TestImports.span("t1", "a"), "{\"x\":\"" + "y".repeat(3_000_000)));
        waitForSummary();

        TextArea raw = robot.lookup("#rawTextArea").queryAs(TextArea.class);
        assertThat(raw.getText()).hasSize(64 * 1024);
        assertThat(robot.lookup("#rawTextNoteLabel").queryAs(Label.class).getText())
                .startsWith("Showing the first 65,536 of 3,000,006 characters");
        long start = System.nanoTime();
        robot.interact(() -> raw.getParent().requestLayout());
        WaitForAsyncUtils.waitForFxEvents();
        // About 0.1 s here; the whole 3 MB line would take the FX thread many seconds. The bound is loose for slow CI.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(window.guard().violations()).isEmpty();
    }

    @Test
    void loadSampleDataOnTheFirstStartBannerImportsTheSampleFiles(FxRobot robot) throws Exception {
        waitUntilOpen();
        assertThat(showing(robot, "#loadSampleDataButton")).isTrue();

        robot.clickOn("#loadSampleDataButton");
        waitForSummary();

        assertThat(ImportWindowTest.<ImportRow>table(robot, "#importsTable").getItems()).extracting(ImportRow::fileName)
                .containsExactlyInAnyOrder("rag-traces.jsonl", "run-two.jsonl");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !showing(robot, "#sampleDataBanner"));
        assertThat(window.guard().violations()).isEmpty();
    }
}
