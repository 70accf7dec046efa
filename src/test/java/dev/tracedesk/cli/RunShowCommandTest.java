package dev.tracedesk.cli;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.evals.EvalRunFixtures;
import dev.tracedesk.store.TestDatabases;

class RunShowCommandTest {

    @TempDir
    Path tempDir;

    private final AtomicReference<EvalRunFixtures.Seeded> seeded = new AtomicReference<>();

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private SeededWorkspaceCli seededCli(String engine) {
        return new SeededWorkspaceCli(engine, tempDir, dsl -> seeded.set(EvalRunFixtures.seed(dsl)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void jsonShowsTheRunsCasesInTestOrderInTheDocumentedShape(String engine) {
        try (SeededWorkspaceCli cli = seededCli(engine)) {
            assertThat(cli.run("run", "show", "eval-2024-05-01", "--json")).isZero();

            JsonNode run = cli.json();
            assertThat(fieldNames(run)).containsExactly("runId", "id", "tool", "name", "startedAt", "dataset", "cases");
            assertThat(run.get("id").asLong()).isEqualTo(seeded.get().promptfooRun());
            assertThat(run.get("startedAt").asText()).isEqualTo("2024-05-01T12:00:00Z");
            JsonNode cases = run.get("cases");
            assertThat(cases.findValuesAsText("status")).containsExactly("pass", "fail", "pass", "error");
            assertThat(cases.get(0).toString()).isEqualTo("{\"caseKey\":\"k-refund\",\"provider\":\"openai:gpt-4o-mini\","
                    + "\"description\":\"refund window\",\"vars\":{\"question\":\"Can I get a refund?\"},"
                    + "\"prompt\":\"Answer briefly: Can I get a refund?\",\"expected\":\"30 days\","
                    + "\"output\":\"Refunds are accepted within 30 days.\",\"status\":\"pass\",\"score\":1.0,"
                    + "\"latencyMs\":420,\"cost\":0.00012,\"assertions\":[{\"type\":\"contains\",\"value\":\"30 days\","
                    + "\"pass\":true,\"score\":1,\"reason\":\"Assertion passed\"}],\"traceId\":\"t-linked\","
                    + "\"datasetItemKey\":null}");
            assertThat(cases.get(3).toString()).isEqualTo("{\"caseKey\":\"k-shipping\",\"provider\":\"openai:gpt-4o-mini\","
                    + "\"description\":null,\"vars\":null,\"prompt\":null,\"expected\":null,\"output\":null,"
                    + "\"status\":\"error\",\"score\":null,\"latencyMs\":null,\"cost\":null,\"assertions\":[],\"traceId\":null,"
                    + "\"datasetItemKey\":null}");
        }
    }

    @Test
    void theWorkspacesNumericIdShowsTheRunToo() {
        try (SeededWorkspaceCli cli = seededCli("h2")) {
            assertThat(cli.run("run", "show", Long.toString(seeded.get().inspectRun()), "--json")).isZero();

            assertThat(cli.json().get("tool").asText()).isEqualTo("inspect");
            assertThat(cli.json().get("cases").findValuesAsText("caseKey")).containsExactly("m-1", "m-1", "m-2");
        }
    }

    @Test
    void anExternalIdOfRunsOfSeveralToolsAsksForTheNumericId() {
        try (SeededWorkspaceCli cli = seededCli("h2")) {
            assertThat(cli.run("run", "show", "shared-id", "--json")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);

            assertThat(cli.out()).isEmpty();
            assertThat(cli.err()).contains("Run id 'shared-id' names 2 runs of different tools: "
                    + seeded.get().inspectRun() + " (inspect), " + seeded.get().openAiRun() + " (openai-evals)")
                    .contains("Give the numeric id");
        }
    }

    @Test
    void anUnknownRunIdIsAUsageErrorThatSaysWhereToLook() {
        try (SeededWorkspaceCli cli = seededCli("h2")) {
            assertThat(cli.run("run", "show", "no-such-run", "--json")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.out()).isEmpty();
            assertThat(cli.err()).contains("No eval run 'no-such-run' in this workspace (see: tracedesk runs).");

            assertThat(cli.run("run", "show", "987654")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("No eval run '987654'");
        }
    }

    @Test
    void runWithoutASubcommandIsAUsageError() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, dsl -> { })) {
            assertThat(cli.runExactly("run")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("tracedesk run show RUN_ID");
        }
    }

    @Test
    void aCaseWithoutProviderShowsNullAndStoredTextThatIsNotJsonStaysAString() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, dsl -> {
            long run = dsl.insertInto(EVAL_RUN).set(EVAL_RUN.TOOL, "promptfoo").set(EVAL_RUN.EXTERNAL_RUN_ID, "csv-run")
                    .returningResult(EVAL_RUN.ID).fetchOne().value1();
            dsl.insertInto(EVAL_CASE).set(EVAL_CASE.EVAL_RUN_ID, run).set(EVAL_CASE.CASE_KEY, "k")
                    .set(EVAL_CASE.PROVIDER, "").set(EVAL_CASE.PROMPT_LABEL, "").set(EVAL_CASE.STATUS, "FAIL")
                    .set(EVAL_CASE.VARS_JSON, "question=refund?").execute();
        })) {
            assertThat(cli.run("run", "show", "csv-run", "--json")).isZero();

            JsonNode evalCase = cli.json().at("/cases/0");
            assertThat(evalCase.get("provider").isNull()).isTrue();
            assertThat(evalCase.get("vars").isTextual()).isTrue();
            assertThat(evalCase.get("vars").asText()).isEqualTo("question=refund?");
            assertThat(evalCase.get("status").asText()).isEqualTo("fail");
        }
    }

    @Test
    void withoutJsonFailuresShowTheirOutputErrorAndFailedAssertions() {
        try (SeededWorkspaceCli cli = seededCli("h2")) {
            assertThat(cli.run("run", "show", "eval-2024-05-01")).isZero();

            assertThat(cli.out()).startsWith("Run eval-2024-05-01  (promptfoo, id " + seeded.get().promptfooRun() + ")")
                    .contains("4 cases, 2 passed")
                    .containsSubsequence("PASS", "k-refund", "trace: tracedesk trace show t-linked",
                            "FAIL", "✗ contains: Expected output to contain \"30 days\"",
                            "ERROR", "error: 429 Too Many Requests");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
