package dev.tracedesk.ingest.promptfoo;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.ImportResult;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;

/** The promptfoo readers through the real import pipeline, on H2: detection, storage, re-import. */
class PromptfooImportTest {

    private static final TaskContext NEVER_CANCELLED = new TaskContext() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    @TempDir
    Path dir;

    private static ImportResult importFile(Workspace workspace, Path file) {
        return new ImportService(workspace.dsl(), FormatReaders.standard()).importFile(file, Optional.empty(), NEVER_CANCELLED);
    }

    @Test
    void theExportIsDetectedStoredAndAddsNothingWhenImportedAgain() {
        try (Workspace workspace = Workspace.open(TestDatabases.freshLocation("h2", dir))) {
            ImportResult first = importFile(workspace, PromptfooFiles.UPSTREAM_EXPORT);
            assertThat(first.format()).isEqualTo(ImportFormat.PROMPTFOO_JSON);
            assertThat(first.counts().imported()).isEqualTo(5);
            assertThat(first.counts().rejected()).isZero();
            assertThat(workspace.dsl().fetchCount(EVAL_CASE)).isEqualTo(4);
            assertThat(workspace.dsl().fetchValue(EVAL_RUN.NAME))
                    .isEqualTo("Comparing OpenAI flagship and mini models performance on riddles");

            ImportResult again = importFile(workspace, PromptfooFiles.UPSTREAM_EXPORT);
            assertThat(again.counts().imported()).isZero();
            assertThat(workspace.dsl().fetchCount(EVAL_CASE)).isEqualTo(4);
        }
    }

    @Test
    void aJsonlWrittenFurtherAfterAnImportAddsOnlyItsNewResults() throws IOException {
        List<String> lines = Files.readAllLines(PromptfooFiles.fixture("fixtures/promptfoo/results.jsonl"));
        Path firstHalf = Files.write(dir.resolve("partial.jsonl"), lines.subList(0, 10));
        Path whole = PromptfooFiles.fixture("fixtures/promptfoo/results.jsonl");
        try (Workspace workspace = Workspace.open(TestDatabases.freshLocation("h2", dir))) {
            ImportResult partial = importFile(workspace, firstHalf);
            assertThat(partial.format()).isEqualTo(ImportFormat.PROMPTFOO_JSONL);
            assertThat(partial.counts().imported()).isEqualTo(11);

            ImportResult rest = importFile(workspace, whole);
            assertThat(rest.counts().imported()).isEqualTo(10);
            assertThat(rest.counts().duplicates()).as("the run and the first ten results").isEqualTo(11);
            assertThat(workspace.dsl().fetchCount(EVAL_RUN)).isEqualTo(1);
            assertThat(workspace.dsl().fetchCount(EVAL_CASE)).isEqualTo(20);
        }
    }
}
