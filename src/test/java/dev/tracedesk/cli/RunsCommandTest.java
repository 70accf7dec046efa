package dev.tracedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.evals.EvalRunFixtures;
import dev.tracedesk.store.TestDatabases;

class RunsCommandTest {

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
    void jsonListsRunsNewestFirstWithCountsAndProvidersInTheDocumentedShape(String engine) {
        try (SeededWorkspaceCli cli = seededCli(engine)) {
            assertThat(cli.run("runs", "--json")).isZero();

            JsonNode runs = cli.json().get("runs");
            assertThat(runs).hasSize(3);
            assertThat(runs.get(0).toString()).isEqualTo("{\"runId\":\"eval-2024-05-01\",\"id\":" + seeded.get().promptfooRun()
                    + ",\"tool\":\"promptfoo\",\"name\":\"refund prompt v2\",\"startedAt\":\"2024-05-01T12:00:00Z\","
                    + "\"cases\":4,\"passed\":2,\"failed\":1,\"errored\":1,"
                    + "\"providers\":[\"openai:gpt-4o-mini\",\"openai:gpt-4o\"],\"dataset\":null}");
            assertThat(runs.get(1).toString()).isEqualTo("{\"runId\":\"shared-id\",\"id\":" + seeded.get().inspectRun()
                    + ",\"tool\":\"inspect\",\"name\":\"math\",\"startedAt\":\"2024-04-01T08:30:00Z\","
                    + "\"cases\":3,\"passed\":2,\"failed\":1,\"errored\":0,"
                    + "\"providers\":[\"anthropic/claude-3-5-sonnet\",\"openai/gpt-4o\"],\"dataset\":null}");
            assertThat(runs.get(2).toString()).isEqualTo("{\"runId\":\"shared-id\",\"id\":" + seeded.get().openAiRun()
                    + ",\"tool\":\"openai-evals\",\"name\":\"match\",\"startedAt\":null,"
                    + "\"cases\":0,\"passed\":0,\"failed\":0,\"errored\":0,\"providers\":[],\"dataset\":null}");
        }
    }

    @Test
    void anEmptyWorkspaceListsNoRuns() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, dsl -> { })) {
            assertThat(cli.run("runs", "--json")).isZero();
            assertThat(cli.out()).isEqualTo("{\"runs\":[]}" + System.lineSeparator());

            assertThat(cli.run("runs")).isZero();
            assertThat(cli.out()).contains("No eval runs yet");
        }
    }

    @Test
    void withoutJsonEachRunIsALineOfTheTable() {
        try (SeededWorkspaceCli cli = seededCli("h2")) {
            assertThat(cli.run("runs")).isZero();

            List<String> lines = cli.out().lines().toList();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).contains("ID", "TOOL", "CASES", "PASS", "FAIL", "ERROR", "RUN ID");
            assertThat(lines.get(1)).contains("promptfoo", "2024-05-01T12:00:00Z", "eval-2024-05-01", "refund prompt v2")
                    .containsPattern("\\s4\\s+2\\s+1\\s+1\\s");
            assertThat(lines.get(3)).contains("openai-evals", "shared-id");
        }
    }
}
