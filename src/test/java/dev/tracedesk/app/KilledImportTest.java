package dev.tracedesk.app;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;
import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportResult;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.TestImports;
import dev.tracedesk.ingest.ImportStatus;
import dev.tracedesk.ingest.otlp.SyntheticOtlpGenerator;
import dev.tracedesk.ingest.write.CanonicalWriter;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/**
 * An import process killed mid-file (kill -9: no shutdown hook, no cleanup) leaves the workspace
 * consistent, and importing the file again completes it without duplicates.
 */
class KilledImportTest {

    private static final int SPANS = 6_000;

    @TempDir
    Path tempDir;

    @Test
    void anImportKilledMidFileLeavesWholeBatchesAndTheNextImportCompletesIt() throws Exception {
        Path file = tempDir.resolve("traces.jsonl");
        new SyntheticOtlpGenerator(7).write(file, SPANS);
        WorkspaceLocation location = WorkspaceLocation.h2(tempDir.resolve("ws"));
        try (Workspace workspace = Workspace.open(location)) {
            DSLContext dsl = workspace.dsl();
            Process importer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                    "import", "--db", location.h2File().toString(), file.toString())
                    .redirectErrorStream(true).redirectOutput(tempDir.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (dsl.fetchCount(SPAN) == 0 && importer.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            int keptAfterKill = dsl.fetchCount(SPAN);

            assertThat(keptAfterKill).as("some spans were written before the kill").isPositive();
            assertThat(dsl.fetchCount(SPAN_CONTENT)).as("no span without its content").isEqualTo(keptAfterKill);
            assertThat(keptAfterKill % CanonicalWriter.SPAN_BATCH == 0 || keptAfterKill == SPANS).as("whole batches only: %s", keptAfterKill).isTrue();

            ImportResult again = new ImportService(dsl, FormatReaders.standard())
                    .importFile(file, Optional.empty(), TestImports.NEVER_CANCELLED);

            assertThat(again.status()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(again.counts().duplicates()).isEqualTo(keptAfterKill);
            assertThat(dsl.fetchCount(SPAN)).isEqualTo(SPANS);
            assertThat(dsl.fetchCount(SPAN_CONTENT)).isEqualTo(SPANS);
            assertThat(dsl.fetchCount(DSL.selectDistinct(SPAN.TRACE_ID, SPAN.EXTERNAL_SPAN_ID).from(SPAN))).isEqualTo(SPANS);
            assertThat(dsl.fetchCount(TRACE, TRACE.START_NS.isNull())).isZero();
        }
    }
}
