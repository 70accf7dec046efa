package dev.tracedesk.ingest;

import static dev.tracedesk.ingest.TestImports.script;
import static dev.tracedesk.ingest.TestImports.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;

class ImportBatchTest {

    @TempDir
    Path folder;

    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private ImportBatch batch(List<Path> files) {
        workspace = Workspace.open(TestDatabases.freshLocation("h2", folder));
        return new ImportBatch(TestImports.scriptedServices().apply(workspace.dsl()), files);
    }

    @Test
    void progressCoversTheWholeBatchAndNamesEachFile() throws IOException {
        Path first = script(folder, "first.jsonl", span("t1", "a"));
        Path second = script(folder, "second.jsonl", span("t2", "a"));
        RecordingContext context = new RecordingContext();

        List<ImportResult> results = batch(List.of(first, second)).run(context);

        assertThat(results).extracting(ImportResult::status).containsOnly(ImportStatus.COMPLETED);
        assertThat(context.totals).containsOnly(first.toFile().length() + second.toFile().length());
        assertThat(context.done).containsExactly(0L, first.toFile().length());
        assertThat(context.messages).contains("file 1 of 2, first.jsonl: reading…", "file 2 of 2, second.jsonl: reading…");
    }

    @Test
    void aSingleFilesProgressLeavesTheNameToTheTaskTitle() throws IOException {
        Path only = script(folder, "only.jsonl", span("t1", "a"));
        RecordingContext context = new RecordingContext();

        batch(List.of(only)).run(context);

        assertThat(context.messages).containsExactly("reading…");
    }

    @Test
    void afterACancelTheFilesNotYetStartedAreLeftAndSaySo() throws IOException {
        Path first = script(folder, "first.jsonl", span("t1", "a"));
        Path second = script(folder, "second.jsonl", span("t2", "a"));
        RecordingContext context = new RecordingContext();
        context.cancelAfterMessages = 1;

        List<ImportResult> results = batch(List.of(first, second)).run(context);

        assertThat(results).extracting(ImportResult::status).containsExactly(ImportStatus.CANCELLED, ImportStatus.CANCELLED);
        assertThat(results.get(1).message()).isEqualTo(ImportBatch.NOT_STARTED);
        assertThat(results.get(1).importId()).isNull();
    }

    private static final class RecordingContext implements TaskContext {
        final List<String> messages = new ArrayList<>();
        final List<Long> done = new ArrayList<>();
        final List<Long> totals = new ArrayList<>();
        int cancelAfterMessages = Integer.MAX_VALUE;

        @Override
        public void progress(long doneBytes, long total, String message) {
            messages.add(message);
            done.add(doneBytes);
            totals.add(total);
        }

        @Override
        public boolean isCancelled() {
            return messages.size() >= cancelAfterMessages;
        }
    }
}
