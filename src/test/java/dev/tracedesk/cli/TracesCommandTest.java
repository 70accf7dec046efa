package dev.tracedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.traces.TraceFixtures;

class TracesCommandTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void jsonListsTracesNewestFirstInTheDocumentedShape(String engine) {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, TraceFixtures::seed)) {
            assertThat(cli.run("traces", "--json")).isZero();

            JsonNode traces = cli.json().get("traces");
            assertThat(traces.findValuesAsText("traceId")).containsExactly("t-new", "t-mid", "t-old", "t-nostart");
            assertThat(traces.get(0).toString()).isEqualTo("{\"traceId\":\"t-new\",\"name\":\"answer question\","
                    + "\"startedAt\":\"2024-05-01T10:00:00.123456789Z\",\"durationMs\":950,\"status\":\"ERROR\","
                    + "\"spanCount\":5,\"servedModels\":[\"gpt-4o-mini-2024-07-18\"],\"flags\":0,\"verdict\":null}");
            assertThat(traces.get(2).toString()).isEqualTo("{\"traceId\":\"t-old\",\"name\":\"old question\","
                    + "\"startedAt\":\"2023-11-14T22:13:20Z\",\"durationMs\":1.5,\"status\":\"OK\","
                    + "\"spanCount\":1,\"servedModels\":[\"gpt-4o-2024-08-06\"],\"flags\":0,\"verdict\":null}");
            assertThat(traces.get(3).toString()).isEqualTo("{\"traceId\":\"t-nostart\",\"name\":\"no times\","
                    + "\"startedAt\":null,\"durationMs\":null,\"status\":\"UNSET\",\"spanCount\":0,\"servedModels\":[],\"flags\":0,\"verdict\":null}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void modelAndLimitNarrowTheList(String engine) {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, TraceFixtures::seed)) {
            assertThat(cli.run("traces", "--model", "gpt-4o", "--json")).isZero();
            assertThat(cli.json().get("traces").findValuesAsText("traceId")).containsExactly("t-new", "t-old");

            assertThat(cli.run("traces", "--model", "gpt-4o", "--limit", "1", "--json")).isZero();
            assertThat(cli.json().get("traces").findValuesAsText("traceId")).containsExactly("t-new");

            assertThat(cli.run("traces", "--model", "claude-3-5-sonnet", "--json")).isZero();
            assertThat(cli.json().get("traces").findValuesAsText("traceId")).containsExactly("t-mid");
        }
    }

    @Test
    void anEmptyWorkspaceListsNoTraces() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, dsl -> { })) {
            assertThat(cli.run("traces", "--json")).isZero();
            assertThat(cli.out()).isEqualTo("{\"traces\":[]}" + System.lineSeparator());

            assertThat(cli.run("traces")).isZero();
            assertThat(cli.out()).contains("No traces yet");
        }
    }

    @Test
    void withoutJsonEachTraceIsALineOfTheTable() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, TraceFixtures::seed)) {
            assertThat(cli.run("traces")).isZero();

            List<String> lines = cli.out().lines().toList();
            assertThat(lines.get(0)).startsWith("STARTED (UTC)").contains("DURATION", "SPANS", "TRACE ID");
            assertThat(lines.get(1)).startsWith("2024-05-01T10:00:00Z").contains("950 ms", "ERROR", "t-new",
                    "answer question", "[gpt-4o-mini-2024-07-18]");
            assertThat(lines.get(3)).contains("1.5 ms", "t-old");
            assertThat(lines).hasSize(5);
        }
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, dsl -> { })) {
            assertThat(cli.run("traces", "--limit", "0", "--json")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.out()).isEmpty();
            assertThat(cli.err()).contains("--limit must be at least 1");
        }
    }
}
