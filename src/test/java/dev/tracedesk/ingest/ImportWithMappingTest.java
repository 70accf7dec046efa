package dev.tracedesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.beans.property.SimpleObjectProperty;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.ingest.ImportQueries.ImportRow;
import dev.tracedesk.ingest.generic.FieldMapping;
import dev.tracedesk.ingest.generic.FieldMapping.Field;
import dev.tracedesk.ingest.generic.FieldMappings;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.stats.WorkspaceStatsQueries;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;

/** The Imports section with generic logs: the offer to map an unrecognised one, and importing it with a mapping. */
class ImportWithMappingTest {

    @TempDir
    Path folder;

    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private Workspace workspace;
    private ImportsViewModel imports;

    @BeforeEach
    void openWorkspace() {
        workspace = Workspace.open(TestDatabases.freshLocation("h2", folder));
        SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(new WorkspaceStatsQueries(workspace.dsl()).load());
        imports = new ImportsViewModel(tasks, stats, () -> Optional.of(workspace),
                dsl -> new ImportService(dsl, FormatReaders.standard()));
    }

    @AfterEach
    void closeWorkspace() {
        workspace.close();
    }

    private Path log() throws Exception {
        Path fixture = Path.of(getClass().getResource("/fixtures/generic/litellm-style-calls.jsonl").toURI());
        return Files.copy(fixture, folder.resolve("calls.jsonl"));
    }

    @Test
    void aLogNoReaderRecognisesFailsAndItsDetailsOfferToMapItsFields() throws Exception {
        Path file = log();

        imports.importFiles(List.of(file));

        ImportRow failed = imports.selectedProperty().get();
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED.name());
        assertThat(imports.details().mappableFileProperty().get()).isEqualTo(file);
    }

    @Test
    void aFailedImportOfAFileThatIsNoLogOffersNothing() throws Exception {
        Path pretty = Files.writeString(folder.resolve("doc.json"), "{\n  \"a\": 1\n}\n");

        imports.importFiles(List.of(pretty));

        assertThat(imports.selectedProperty().get().status()).isEqualTo(ImportStatus.FAILED.name());
        assertThat(imports.details().mappableFileProperty().get()).isNull();
    }

    @Test
    void importingWithASavedMappingStoresTheCallsAndListsTheImport() throws Exception {
        new FieldMappings(workspace.dsl()).save(new FieldMapping("litellm", Map.of(
                Field.SPAN_ID, "/id", Field.INPUT_MESSAGES, "/messages", Field.OUTPUT, "/response/choices/0/message/content")));

        assertThat(imports.importWithMapping(log(), "litellm")).isEmpty();

        ImportRow row = imports.rows().get(0);
        assertThat(row.format()).isEqualTo(ImportFormat.GENERIC_JSONL.id());
        assertThat(row.imported()).isEqualTo(2);
        assertThat(row.rejected()).isEqualTo(1);
        assertThat(new WorkspaceStatsQueries(workspace.dsl()).load().spans()).isEqualTo(2);
        assertThat(imports.details().mappableFileProperty().get()).isNull();
    }
}
