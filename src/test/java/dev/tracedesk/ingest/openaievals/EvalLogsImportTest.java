package dev.tracedesk.ingest.openaievals;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportResult;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** The eval-log readers through the real import pipeline: stored, linked to their traces, idempotent. */
class EvalLogsImportTest {

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

    private WorkspaceLocation location;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @AfterEach
    void dropSchema() {
        if (location != null) {
            TestDatabases.dropPostgresSchema(location);
        }
    }

    private ImportResult importFile(DSLContext dsl, Path file) {
        return new ImportService(dsl, FormatReaders.standard()).importFile(file, Optional.empty(), NEVER_CANCELLED);
    }

    private Path copy(String resource, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theRealInspectLogIsStoredWithItsCaseLinkedToItsTraceAndReimportAddsNothing(String engine) throws IOException {
        location = TestDatabases.freshLocation(engine, dir);
        Path file = copy("/fixtures/inspect/input-task.json", "input-task.json");
        try (Workspace workspace = Workspace.open(location)) {
            DSLContext dsl = workspace.dsl();
            ImportResult first = importFile(dsl, file);
            ImportResult again = importFile(dsl, file);

            assertThat(first.counts().rejected()).isZero();
            assertThat(dsl.fetchCount(EVAL_RUN)).isEqualTo(1);
            assertThat(dsl.fetchCount(SPAN)).isEqualTo(3);
            assertThat(dsl.select(EVAL_CASE.CASE_KEY, EVAL_CASE.STATUS, EVAL_CASE.TOTAL_TOKENS).from(EVAL_CASE)
                    .where(EVAL_CASE.TRACE_ID.isNotNull()).fetch().map(row -> row.value1() + " " + row.value2() + " " + row.value3()))
                    .containsExactly("id:1 PASS 99");
            assertThat(again.counts().imported()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theRealOaievalLogAndItemsAreStoredWithTheirCases(String engine) throws IOException {
        location = TestDatabases.freshLocation(engine, dir);
        try (Workspace workspace = Workspace.open(location)) {
            DSLContext dsl = workspace.dsl();
            importFile(dsl, copy("/fixtures/openai-evals/auto-gpt-benchmarks-oaieval-test-match.jsonl", "log.jsonl"));
            importFile(dsl, copy("/fixtures/openai-evals/openai-evals-items.jsonl", "items.jsonl"));

            assertThat(dsl.select(EVAL_RUN.EXTERNAL_RUN_ID).from(EVAL_RUN).orderBy(EVAL_RUN.ID).fetch(EVAL_RUN.EXTERNAL_RUN_ID))
                    .containsExactly("230417220821DPM75QNS", "evalrun_import_fixture");
            assertThat(dsl.fetchCount(EVAL_CASE)).isEqualTo(5);
            assertThat(dsl.fetchCount(EVAL_CASE, EVAL_CASE.STATUS.eq("PASS"))).isEqualTo(2);
            assertThat(dsl.fetchCount(EVAL_CASE, EVAL_CASE.CASE_KEY.like("id:test-match%").and(EVAL_CASE.TRACE_ID.isNotNull())))
                    .isEqualTo(3);
        }
    }
}
