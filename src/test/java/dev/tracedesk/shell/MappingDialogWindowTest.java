package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportQueries.ImportRow;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.ImportStatus;
import dev.tracedesk.ingest.generic.FieldMapping;
import dev.tracedesk.ingest.generic.FieldMappings;
import dev.tracedesk.ingest.generic.PreviewRow;
import dev.tracedesk.stats.WorkspaceStatsQueries;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** The field-mapping dialog in the real window, headless, importing with the readers the app ships. */
@ExtendWith(ApplicationExtension.class)
class MappingDialogWindowTest {

    @TempDir
    static Path sharedFolder;

    private Path folder;
    private WorkspaceLocation location;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createDirectories(sharedFolder.resolve(UUID.randomUUID().toString()));
        location = WorkspaceLocation.h2(folder.resolve("ws"));
        window = MainWindow.open(stage, location, UiPreferences.load(folder.resolve(UiPreferences.FILE_NAME)),
                new SampleDataCatalog("/sample-data-fixture/"), "test",
                dsl -> new ImportService(dsl, FormatReaders.standard()));
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(each -> each != window.stage()).toList()
                .forEach(Window::hide));
        robot.interact(window::close);
    }

    private void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY
                        && !window.viewModel().activity().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Path log(String fixture) throws Exception {
        Path source = Path.of(getClass().getResource("/fixtures/generic/" + fixture).toURI());
        return Files.copy(source, folder.resolve(fixture));
    }

    private Stage dialog() {
        return (Stage) Window.getWindows().stream().filter(each -> each != window.stage() && each.isShowing())
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, Node root, String id) {
        return robot.from(root).lookup(id).queryAs(TableView.class);
    }

    @Test
    void saveAndImportSavesTheMappingAndPutsTheCallsInTheWorkspace(FxRobot robot) throws Exception {
        waitUntilIdle();
        Path file = log("helicone-style-requests.csv");

        robot.interact(() -> window.openMappingDialog(file));
        waitUntilIdle();
        Node dialogRoot = dialog().getScene().getRoot();
        assertThat(robot.from(dialogRoot).lookup("#fileNameLabel").queryAs(Label.class).getText())
                .isEqualTo("helicone-style-requests.csv");
        TableView<PreviewRow> preview = table(robot, dialogRoot, "#previewTable");
        assertThat(preview.getItems()).hasSize(4);
        assertThat(preview.getItems().get(0).input()).isEqualTo("What is the refund window?");

        // Map the error column: typing updates the preview while the combo box is still being edited.
        @SuppressWarnings("unchecked")
        ComboBox<String> error = robot.from(dialogRoot).lookup("#source-error").queryAs(ComboBox.class);
        // The row is below the fold of the fields list; focus it as Tab would, then type.
        robot.interact(() -> {
            dialog().requestFocus();
            error.getEditor().requestFocus();
        });
        robot.targetWindow(dialog()).write("status");
        waitUntilIdle();
        assertThat(error.getEditor().getText()).isEqualTo("status");
        assertThat(preview.getItems().get(2).error()).isEqualTo("upstream timeout");
        robot.interact(() -> {
            try {
                SceneSnapshot.write(dialog().getScene(), "mapping-dialog");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        waitUntilIdle();

        assertThat(Window.getWindows()).containsExactly(window.stage());
        ImportRow row = window.viewModel().imports().rows().get(0);
        assertThat(ImportStatus.valueOf(row.status())).isEqualTo(ImportStatus.COMPLETED_WITH_REJECTS);
        assertThat(row.imported()).isEqualTo(3);
        try (Workspace workspace = Workspace.open(location)) {
            FieldMapping saved = new FieldMappings(workspace.dsl()).find("helicone-style-requests").orElseThrow();
            assertThat(saved.source(FieldMapping.Field.ERROR)).isEqualTo("status");
            assertThat(new WorkspaceStatsQueries(workspace.dsl()).load().spans()).isEqualTo(3);
        }
        assertThat(window.guard().violations()).isEmpty();
    }

    @Test
    void aLogNoReaderRecognisesOffersMapFieldsAndEscapeClosesTheDialogWithoutImporting(FxRobot robot) throws Exception {
        waitUntilIdle();
        Path file = log("litellm-style-calls.jsonl");
        robot.interact(() -> window.viewModel().importFiles(List.of(file)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        waitUntilIdle();

        Button mapFields = robot.lookup("#mapFieldsButton").queryAs(Button.class);
        assertThat(mapFields.isVisible()).isTrue();
        robot.clickOn(mapFields);
        waitUntilIdle();
        Node dialogRoot = dialog().getScene().getRoot();
        assertThat(robot.from(dialogRoot).lookup("#shapeLabel").queryAs(Label.class).getText())
                .isEqualTo("JSON Lines · 18 fields · previewing all 3 records");
        assertThat(ImportRowCount.of(window)).isEqualTo(1);

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Window.getWindows()).containsExactly(window.stage());
        assertThat(ImportRowCount.of(window)).isEqualTo(1);
        assertThat(window.guard().violations()).isEmpty();
    }

    /** Imports listed in the Imports section. */
    private static final class ImportRowCount {
        static int of(MainWindow window) {
            return window.viewModel().imports().rows().size();
        }
    }
}
