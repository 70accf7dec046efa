package dev.tracedesk.ingest;

import static dev.tracedesk.ingest.TestImports.script;
import static dev.tracedesk.ingest.TestImports.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.beans.property.SimpleObjectProperty;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.ingest.ImportQueries.ImportRow;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.stats.WorkspaceStatsQueries;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;

/** The Imports section and the import command, on a real H2 workspace with the scripted test reader. */
class ImportsViewModelTest {

    @TempDir
    Path folder;

    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>();
    private Workspace workspace;
    private ImportsViewModel viewModel;

    @BeforeEach
    void openWorkspace() {
        workspace = Workspace.open(TestDatabases.freshLocation("h2", folder));
        stats.set(counts());
        viewModel = new ImportsViewModel(tasks, stats, () -> Optional.ofNullable(workspace), TestImports.scriptedServices());
    }

    @AfterEach
    void closeWorkspace() {
        workspace.close();
    }

    private WorkspaceStats counts() {
        return new WorkspaceStatsQueries(workspace.dsl()).load();
    }

    private Path cleanFile() throws IOException {
        return script(folder, "clean.jsonl", span("t1", "a"), span("t1", "b"));
    }

    private Path fileWithRejects() throws IOException {
        return script(folder, "mixed.jsonl", span("t2", "a"), "{\"bogus\":1}", "this is not json", span("t2", "b"));
    }

    @Test
    void aNewWorkspaceHasNoImportsAndSaysSoOnceLoaded() {
        assertThat(viewModel.loadedProperty().get()).isTrue();
        assertThat(viewModel.emptyBinding().get()).isTrue();
        assertThat(viewModel.rows()).isEmpty();
    }

    @Test
    void importedFilesAreListedNewestFirstWithTheirCounts() throws IOException {
        viewModel.importFiles(List.of(cleanFile(), fileWithRejects()));

        assertThat(viewModel.rows()).extracting(ImportRow::fileName).containsExactly("mixed.jsonl", "clean.jsonl");
        ImportRow mixed = viewModel.rows().get(0);
        assertThat(mixed.status()).isEqualTo(ImportStatus.COMPLETED_WITH_REJECTS.name());
        assertThat(mixed.format()).isEqualTo("jsonl");
        assertThat(List.of(mixed.read(), mixed.imported(), mixed.duplicates(), mixed.rejected())).containsExactly(4L, 2L, 0L, 2L);
        assertThat(viewModel.emptyBinding().get()).isFalse();
        assertThat(viewModel.listNoteProperty().get()).isEqualTo("2 imports, newest first");
        assertThat(viewModel.isRunning()).isFalse();
    }

    @Test
    void theSummarySaysPerFileWhatHappenedAndNamesAFailureInWords() throws IOException {
        Path notATrace = Files.writeString(folder.resolve("notes.txt"), "just some notes\n", StandardCharsets.UTF_8);

        viewModel.importFiles(List.of(cleanFile(), fileWithRejects(), notATrace));

        ImportSummary summary = viewModel.lastSummaryProperty().get();
        assertThat(summary.title()).isEqualTo("1 file of 3 could not be imported");
        assertThat(summary.tone()).isEqualTo(ImportSummary.Tone.WARNING);
        assertThat(summary.detail()).startsWith("4 new records, 2 rejected");
        assertThat(summary.lines()).extracting(ImportSummary.FileLine::fileName, ImportSummary.FileLine::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("clean.jsonl", "Completed"),
                        org.assertj.core.groups.Tuple.tuple("mixed.jsonl", "Some rejected"),
                        org.assertj.core.groups.Tuple.tuple("notes.txt", "Failed"));
        assertThat(summary.lines().get(1).counts())
                .isEqualTo("Generic JSONL · read 4 · imported 2 · duplicates 0 · rejected 2");
        assertThat(summary.lines().get(2).message()).contains("notes.txt").contains("none of the formats");
    }

    @Test
    void importingTheSameFileAgainIsSummarisedAsDuplicates() throws IOException {
        Path file = cleanFile();
        viewModel.importFiles(List.of(file));

        viewModel.importFiles(List.of(file));

        ImportSummary summary = viewModel.lastSummaryProperty().get();
        assertThat(summary.tone()).isEqualTo(ImportSummary.Tone.SUCCESS);
        assertThat(summary.lines().get(0).status()).isEqualTo("Already imported");
        assertThat(summary.detail()).isEqualTo("0 new records, 2 duplicates skipped.");
    }

    @Test
    void afterARunTheImportNeedingAttentionIsSelectedWithItsFirstRejectedRecord() throws IOException {
        viewModel.importFiles(List.of(fileWithRejects(), cleanFile()));

        assertThat(viewModel.selectedProperty().get().fileName()).isEqualTo("mixed.jsonl");
        RejectedRecordsViewModel details = viewModel.details();
        assertThat(details.records()).extracting(RejectedRecordQueries.RejectedSummary::where)
                .containsExactly("line 3", "line 4");
        assertThat(details.records().get(0).reason()).contains("not a script record");
        assertThat(details.selectedRecordProperty().get()).isEqualTo(details.records().get(0));
        assertThat(details.rawTextProperty().get()).isEqualTo("{\"bogus\":1}");
        assertThat(details.rawTextNoteProperty().get()).isEmpty();
        assertThat(details.listNoteProperty().get()).startsWith("2 rejected records");

        details.selectRecord(details.records().get(1));

        assertThat(details.rawTextProperty().get()).isEqualTo("this is not json");
    }

    @Test
    void anImportWithoutRejectsSaysSoAndListsNone() throws IOException {
        viewModel.importFiles(List.of(cleanFile()));

        assertThat(viewModel.selectedProperty().get().fileName()).isEqualTo("clean.jsonl");
        assertThat(viewModel.details().records()).isEmpty();
        assertThat(viewModel.details().listNoteProperty().get()).isEqualTo("No records were rejected.");
    }

    @Test
    void aHugeRejectedRecordShowsOnlyItsStartWithANote() throws IOException {
        String huge = "x".repeat(300_000);
        viewModel.importFiles(List.of(script(folder, "huge.jsonl", span("t3", "a"), huge)));

        RejectedRecordsViewModel details = viewModel.details();
        assertThat(details.records().get(0).rawLength()).isEqualTo(300_000);
        assertThat(details.rawTextProperty().get()).hasSize(RejectedRecordsViewModel.PREVIEW_CHARS);
        assertThat(details.rawTextNoteProperty().get())
                .startsWith("Showing the first 65,536 of 300,000 characters")
                .contains("tracedesk rejected");
    }

    @Test
    void selectionSurvivesAReloadAndFollowsTheWorkspaceCounts() throws IOException {
        viewModel.importFiles(List.of(cleanFile(), fileWithRejects()));
        ImportRow clean = viewModel.rows().get(1);
        viewModel.select(clean);

        // Another process (the CLI) imports into the same workspace; the next count notices it.
        TestImports.scriptedServices().apply(workspace.dsl())
                .importFile(script(folder, "by-cli.jsonl", span("t9", "z")), Optional.empty(), new NoProgress());
        stats.set(counts());

        assertThat(viewModel.rows()).extracting(ImportRow::fileName).startsWith("by-cli.jsonl");
        assertThat(viewModel.selectedProperty().get().importId()).isEqualTo(clean.importId());
    }

    @Test
    void withoutAWorkspaceNothingStartsAndTheReasonIsGiven() throws IOException {
        Path file = cleanFile();
        workspace.close();
        Workspace closed = workspace;
        workspace = null;

        Optional<String> refused = viewModel.importFiles(List.of(file));

        workspace = closed;
        assertThat(refused).hasValueSatisfying(reason -> assertThat(reason).contains("No workspace is open"));
        assertThat(viewModel.lastSummaryProperty().get()).isNull();
    }

    @Test
    void theChooserOpensWhereTheLastFilesCameFrom() throws IOException {
        viewModel.importFiles(List.of(cleanFile()));

        assertThat(viewModel.chooserFolderProperty().get()).isEqualTo(folder.toAbsolutePath());
    }

    private static final class NoProgress implements dev.tracedesk.core.task.TaskContext {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
