package dev.tracedesk.cli;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.app.TracedeskCommand;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

class StatsCommandTest {

    @TempDir
    Path tempDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TracedeskCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void statsJsonOnANewPathPrintsExactlyZeroCountsAndCreatesAValidWorkspace() {
        Path db = tempDir.resolve("x");

        int exit = run("stats", "--json", "--db", db.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("{\"traces\":0,\"spans\":0,\"spansByKind\":{\"LLM\":0,\"RETRIEVER\":0,"
                + "\"EMBEDDING\":0,\"TOOL\":0,\"CHAIN\":0,\"AGENT\":0,\"GUARDRAIL\":0,\"EVALUATOR\":0,\"OTHER\":0},"
                + "\"evalRuns\":0,\"evalCases\":0,\"reviewItems\":0,\"labels\":0,\"datasets\":0,\"imports\":0,"
                + "\"rejectedRecords\":0}" + System.lineSeparator());
        assertThat(tempDir.resolve("x.mv.db")).isRegularFile();
        try (Workspace reopened = Workspace.open(WorkspaceLocation.h2(db))) {
            assertThat(reopened.dsl().fetchCount(TRACE)).isZero();
        }
    }

    @Test
    void statsCountsSpansByKindAndEvalData() throws Exception {
        Path db = tempDir.resolve("counted");
        try (Workspace workspace = Workspace.open(WorkspaceLocation.h2(db))) {
            DSLContext dsl = workspace.dsl();
            long traceId = dsl.insertInto(TRACE, TRACE.EXTERNAL_TRACE_ID, TRACE.SOURCE_SYSTEM, TRACE.STATUS)
                    .values("t1", "otlp", "OK").returning(TRACE.ID).fetchOne().getId();
            String[] kinds = {"LLM", "LLM", "RETRIEVER", "TOOL"};
            for (int i = 0; i < kinds.length; i++) {
                dsl.insertInto(SPAN, SPAN.TRACE_ID, SPAN.EXTERNAL_SPAN_ID, SPAN.KIND, SPAN.NAME, SPAN.STATUS)
                        .values(traceId, "s" + i, kinds[i], "span " + i, "OK").execute();
            }
            long runId = dsl.insertInto(EVAL_RUN, EVAL_RUN.TOOL, EVAL_RUN.EXTERNAL_RUN_ID)
                    .values("promptfoo", "r1").returning(EVAL_RUN.ID).fetchOne().getId();
            dsl.insertInto(EVAL_CASE, EVAL_CASE.EVAL_RUN_ID, EVAL_CASE.CASE_KEY, EVAL_CASE.STATUS)
                    .values(runId, "c1", "FAIL").execute();
        }

        assertThat(run("stats", "--json", "--db", db.toString())).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("traces").asLong()).isEqualTo(1);
        assertThat(json.get("spans").asLong()).isEqualTo(4);
        assertThat(json.at("/spansByKind/LLM").asLong()).isEqualTo(2);
        assertThat(json.at("/spansByKind/RETRIEVER").asLong()).isEqualTo(1);
        assertThat(json.at("/spansByKind/TOOL").asLong()).isEqualTo(1);
        assertThat(json.at("/spansByKind/AGENT").asLong()).isZero();
        assertThat(json.get("evalRuns").asLong()).isEqualTo(1);
        assertThat(json.get("evalCases").asLong()).isEqualTo(1);
    }

    @Test
    void statsWithoutJsonPrintsATableNamingTheWorkspace() {
        Path db = tempDir.resolve("table");

        assertThat(run("stats", "--db", db.toString())).isZero();

        assertThat(out.toString())
                .contains("Workspace  " + tempDir.resolve("table.mv.db").toAbsolutePath())
                .containsPattern("Traces\\s+0");
    }

    @Test
    void anUnreadableWorkspaceExitsWithTwoAndSaysWhichOneAndWhy() throws Exception {
        Path notADatabase = tempDir.resolve("notes.mv.db");
        java.nio.file.Files.writeString(notADatabase, "plain text, not H2\n".repeat(200));

        int exit = run("stats", "--json", "--db", notADatabase.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("tracedesk: Cannot open workspace " + notADatabase.toAbsolutePath());
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitTwo() {
        assertThat(run("stats", "--jsno")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        assertThat(err.toString()).contains("Unknown option: '--jsno'");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).matches("tracedesk \\d+\\.\\d+\\.\\d+.*\\R");
    }
}
