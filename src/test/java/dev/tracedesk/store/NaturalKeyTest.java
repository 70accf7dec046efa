package dev.tracedesk.store;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Index;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The constraints and indexes the importers and queries of later features rely on. */
class NaturalKeyTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void reimportingTheSameSpanOrCaseAddsNothing(String engine) {
        WorkspaceLocation location = TestDatabases.freshLocation(engine, tempDir);
        try (Workspace workspace = Workspace.open(location)) {
            DSLContext dsl = workspace.dsl();
            long traceId = insertTrace(dsl, "4bf92f3577b34da6a3ce929d0e0e4736");
            assertThatThrownBy(() -> insertTrace(dsl, "4bf92f3577b34da6a3ce929d0e0e4736"))
                    .isInstanceOf(DataAccessException.class);

            assertThat(insertSpanIfAbsent(dsl, traceId, "00f067aa0ba902b7")).isEqualTo(1);
            assertThat(insertSpanIfAbsent(dsl, traceId, "00f067aa0ba902b7")).isZero();
            assertThat(insertSpanIfAbsent(dsl, traceId, "00f067aa0ba902b8")).isEqualTo(1);

            long runId = dsl.insertInto(EVAL_RUN, EVAL_RUN.TOOL, EVAL_RUN.EXTERNAL_RUN_ID)
                    .values("promptfoo", "eval-2026-11-27").returning(EVAL_RUN.ID).fetchOne().getId();
            assertThat(insertCaseIfAbsent(dsl, runId, "k1", "openai:gpt-4o")).isEqualTo(1);
            assertThat(insertCaseIfAbsent(dsl, runId, "k1", "openai:gpt-4o")).isZero();
            assertThat(insertCaseIfAbsent(dsl, runId, "k1", "anthropic:claude")).isEqualTo(1);

            assertThat(dsl.fetchCount(SPAN)).isEqualTo(2);
            assertThat(dsl.fetchCount(EVAL_CASE)).isEqualTo(2);
        } finally {
            TestDatabases.dropPostgresSchema(location);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theIndexesForTimeModelPromptTraceRunCaseAndReviewStateExist(String engine) {
        WorkspaceLocation location = TestDatabases.freshLocation(engine, tempDir);
        try (Workspace workspace = Workspace.open(location)) {
            Set<String> indexes = workspace.dsl().meta().getIndexes().stream()
                    .map(Index::getName)
                    .map(String::toLowerCase)
                    .collect(Collectors.toSet());
            assertThat(indexes).contains(
                    "span_start_idx", "trace_start_idx", "span_served_model_idx", "span_prompt_idx",
                    "eval_case_key_idx", "eval_case_status_idx", "review_item_state_idx",
                    "review_label_item_idx");
        } finally {
            TestDatabases.dropPostgresSchema(location);
        }
    }

    private static long insertTrace(DSLContext dsl, String externalId) {
        return dsl.insertInto(TRACE, TRACE.EXTERNAL_TRACE_ID, TRACE.SOURCE_SYSTEM, TRACE.STATUS)
                .values(externalId, "otlp", "OK").returning(TRACE.ID).fetchOne().getId();
    }

    private static int insertSpanIfAbsent(DSLContext dsl, long traceId, String spanId) {
        return dsl.insertInto(SPAN, SPAN.TRACE_ID, SPAN.EXTERNAL_SPAN_ID, SPAN.KIND, SPAN.NAME, SPAN.STATUS)
                .values(traceId, spanId, "LLM", "chat gpt-4o", "OK")
                .onConflictDoNothing()
                .execute();
    }

    /**
     * Every natural-key column is set explicitly: on H2, jOOQ emulates ON CONFLICT with a MERGE
     * that compares the columns left out of the insert against NULL, so a defaulted key column
     * would never match and the duplicate would hit the constraint instead.
     */
    private static int insertCaseIfAbsent(DSLContext dsl, long runId, String caseKey, String provider) {
        return dsl.insertInto(EVAL_CASE, EVAL_CASE.EVAL_RUN_ID, EVAL_CASE.CASE_KEY, EVAL_CASE.PROVIDER,
                        EVAL_CASE.PROMPT_LABEL, EVAL_CASE.STATUS)
                .values(runId, caseKey, provider, "", "PASS")
                .onConflictDoNothing()
                .execute();
    }
}
