package dev.tracedesk.cli;

import static dev.tracedesk.insights.IndependentFigures.byKey;
import static dev.tracedesk.insights.IndependentFigures.nearestRank;
import static dev.tracedesk.insights.IndependentFigures.sum;
import static dev.tracedesk.insights.IndependentFigures.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.insights.PlantedCalls;
import dev.tracedesk.insights.PlantedCalls.Call;
import dev.tracedesk.store.TestDatabases;

/** {@code tracedesk insights} on generated calls, every figure recomputed from the rows the test wrote. */
class InsightsCommandTest {

    private static final PlantedCalls GENERATED = PlantedCalls.generate();

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    /** Spans only: the command itself must bring llm_call up to date. */
    private SeededWorkspaceCli cli(String engine) {
        return new SeededWorkspaceCli(engine, tempDir, dsl -> dsl.connection(GENERATED::insert));
    }

    static BigDecimal millis(Long nanos) {
        return nanos == null ? null : BigDecimal.valueOf(nanos).movePointLeft(6).setScale(3, RoundingMode.HALF_UP);
    }

    static void assertMillis(JsonNode node, Long expectedNanos) {
        if (expectedNanos == null) {
            assertThat(node.isNull()).as("null ms").isTrue();
        } else {
            assertThat(node.decimalValue()).isEqualByComparingTo(millis(expectedNanos));
            assertThat(node.decimalValue().scale()).isLessThanOrEqualTo(3);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void jsonHasTheDocumentedShapeAndEachModelsFiguresAsRecomputed(String engine) {
        try (SeededWorkspaceCli cli = cli(engine)) {
            assertThat(cli.run("insights", "--json")).isZero();

            JsonNode json = cli.json();
            assertThat(fieldNames(json)).containsExactly("range", "groupBy", "percentiles", "groups", "byConcurrency");
            assertThat(json.get("percentiles").asText()).isEqualTo("nearest rank");
            assertThat(json.get("groupBy").asText()).isEqualTo("model");
            assertThat(json.at("/range/since").isNull()).isTrue();
            assertThat(json.at("/range/until").isNull()).isTrue();
            Map<String, List<Call>> expected = byKey(GENERATED.calls(), CallGrouping.MODEL);
            assertThat(json.get("groups")).hasSize(expected.size());
            for (JsonNode group : json.get("groups")) {
                assertThat(fieldNames(group)).containsExactly("key", "requests", "errors", "errorRate", "latencyMs",
                        "traceLatencyMs", "timeToFirstTokenMs", "inputTokens", "outputTokens", "costUsd", "costEstimatedUsd",
                        "costTotalUsd", "callsWithCost", "costPerRequestUsd", "costPer1000RequestsUsd");
                List<Call> calls = expected.get(group.get("key").asText());
                assertThat(calls).as(group.get("key").asText()).isNotNull();
                long errors = calls.stream().filter(Call::failed).count();
                assertThat(group.get("requests").asLong()).isEqualTo(calls.size());
                assertThat(group.get("errors").asLong()).isEqualTo(errors);
                assertThat(group.get("errorRate").decimalValue()).isEqualByComparingTo(
                        BigDecimal.valueOf(errors).divide(BigDecimal.valueOf(calls.size()), 4, RoundingMode.HALF_UP));
                assertThat(group.get("inputTokens").asLong()).isEqualTo(calls.stream().mapToLong(Call::inputTokens).sum());
                assertThat(group.get("outputTokens").asLong()).isEqualTo(calls.stream().mapToLong(Call::outputTokens).sum());
                BigDecimal reported = sum(calls, Call::reported);
                BigDecimal estimated = sum(calls, Call::estimated);
                long withCost = calls.stream().filter(call -> call.cost() != null).count();
                BigDecimal perRequest = reported.add(estimated).divide(BigDecimal.valueOf(withCost), 10, RoundingMode.HALF_UP);
                assertThat(group.get("costUsd").decimalValue()).isEqualByComparingTo(reported);
                assertThat(group.get("costEstimatedUsd").decimalValue()).isEqualByComparingTo(estimated);
                assertThat(group.get("costTotalUsd").decimalValue()).isEqualByComparingTo(reported.add(estimated));
                assertThat(group.get("callsWithCost").asLong()).isEqualTo(withCost);
                assertThat(group.get("costPerRequestUsd").decimalValue()).isEqualByComparingTo(perRequest);
                assertThat(group.get("costPer1000RequestsUsd").decimalValue())
                        .isEqualByComparingTo(perRequest.multiply(BigDecimal.valueOf(1000)));
                List<Long> ttft = values(calls, Call::ttftNs);
                if (nearestRank(ttft, 50) == null) {
                    assertThat(group.get("timeToFirstTokenMs").isNull()).isTrue();
                } else {
                    assertThat(fieldNames(group.get("timeToFirstTokenMs"))).containsExactly("p50", "p95");
                    assertMillis(group.at("/timeToFirstTokenMs/p50"), nearestRank(ttft, 50));
                    assertMillis(group.at("/timeToFirstTokenMs/p95"), nearestRank(ttft, 95));
                }
                List<Long> durations = values(calls, Call::durationNs);
                assertThat(fieldNames(group.get("latencyMs"))).containsExactly("p50", "p95", "p99");
                assertMillis(group.at("/latencyMs/p50"), nearestRank(durations, 50));
                assertMillis(group.at("/latencyMs/p95"), nearestRank(durations, 95));
                List<Long> traceDurations = values(calls, call -> call.traceEndNs() - call.traceStartNs());
                assertMillis(group.at("/traceLatencyMs/p50"), nearestRank(traceDurations, 50));
                assertMillis(group.at("/traceLatencyMs/p95"), nearestRank(traceDurations, 95));
                // last: p99 is where H2's PERCENTILE_DISC and nearest rank part (see InsightsQueriesTest)
                assertMillis(group.at("/latencyMs/p99"), nearestRank(durations, 99));
                assertMillis(group.at("/traceLatencyMs/p99"), nearestRank(traceDurations, 99));
            }
            JsonNode load = json.at("/byConcurrency/0");
            assertThat(fieldNames(load)).containsExactly("model", "inFlight", "calls", "latencyMs");
            assertThat(fieldNames(load.get("latencyMs"))).containsExactly("p50", "p95");
        }
    }

    @Test
    void sinceAndUntilNarrowToTheCallsThatStartedBetweenAndAreEchoed() {
        try (SeededWorkspaceCli cli = cli("h2")) {
            assertThat(cli.run("insights", "--json", "--group-by", "none", "--since", "2026-01-06",
                    "--until", "2026-01-07T00:00:00Z")).isZero();

            long from = PlantedCalls.START_NS + 24 * PlantedCalls.HOUR_NS;
            long to = from + 24 * PlantedCalls.HOUR_NS;
            List<Call> inRange = GENERATED.calls().stream().filter(call -> call.startNs() >= from && call.startNs() < to).toList();
            JsonNode json = cli.json();
            assertThat(json.at("/range/since").asText()).isEqualTo("2026-01-06T00:00:00Z");
            assertThat(json.at("/range/until").asText()).isEqualTo("2026-01-07T00:00:00Z");
            assertThat(json.get("groups")).hasSize(1);
            assertThat(json.at("/groups/0/key").asText()).isEqualTo(CallGrouping.ALL);
            assertThat(json.at("/groups/0/requests").asLong()).isEqualTo(inRange.size()).isLessThan(GENERATED.calls().size());
            assertThat(json.at("/groups/0/inputTokens").asLong()).isEqualTo(inRange.stream().mapToLong(Call::inputTokens).sum());
        }
    }

    @Test
    void everyGroupingNamesItsGroupsAsDocumented() {
        try (SeededWorkspaceCli cli = cli("h2")) {
            for (CallGrouping grouping : CallGrouping.values()) {
                assertThat(cli.run("insights", "--json", "--group-by", grouping.cliName())).isZero();

                List<String> keys = new ArrayList<>();
                cli.json().get("groups").forEach(group -> keys.add(group.get("key").asText()));
                assertThat(keys).as(grouping.cliName()).containsExactlyInAnyOrderElementsOf(
                        byKey(GENERATED.calls(), grouping).keySet());
            }
        }
    }

    @Test
    void aBadGroupingOrTimeIsAUsageErrorThatSaysWhatIsAccepted() {
        try (SeededWorkspaceCli cli = cli("h2")) {
            assertThat(cli.run("insights", "--group-by", "colour")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--group-by 'colour' is not a grouping: give one of none, model, provider, prompt, route.");
            assertThat(cli.out()).isEmpty();

            assertThat(cli.run("insights", "--until", "yesterday")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--until 'yesterday' is not a time");

            assertThat(cli.run("insights", "--since", "2026-01-07", "--until", "2026-01-06")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--until (2026-01-06) must be later than --since (2026-01-07)");
        }
    }

    @Test
    void withoutJsonItPrintsAlignedTablesOfGroupsAndLoad() {
        try (SeededWorkspaceCli cli = cli("h2")) {
            assertThat(cli.run("insights", "--group-by", "provider")).isZero();

            assertThat(cli.out()).contains("(latency percentiles: nearest rank)")
                    .containsPattern("PROVIDER +REQUESTS +ERRORS +P50 +P95 +P99")
                    .containsPattern("openai +\\d+ +\\d+\\.\\d%")
                    .contains("Latency by calls in flight when a call started")
                    .containsPattern("mistral-large-2411 +3 +\\d+");
            List<String> rows = cli.out().lines().filter(line -> line.startsWith("openai") || line.startsWith("anthropic")).toList();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).length()).isEqualTo(rows.get(1).length());
        }
    }

    @Test
    void anEmptyWorkspaceHasNoGroupsAndSaysSo() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, dsl -> { })) {
            assertThat(cli.run("insights", "--json")).isZero();
            assertThat(cli.json().get("groups")).isEmpty();
            assertThat(cli.json().get("byConcurrency")).isEmpty();

            assertThat(cli.run("insights")).isZero();
            assertThat(cli.out()).contains("No LLM calls in this range.");
        }
    }

    @Test
    void helpExplainsTheFiguresAndTheSubcommands() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, dsl -> { })) {
            assertThat(cli.runExactly("insights", "--help")).isZero();
            assertThat(cli.out()).contains("nearest rank", "--group-by", "--since", "--until", "projection");
            assertThat(cli.runExactly("insights", "projection", "--help")).isZero();
            assertThat(cli.out()).contains("--per-day", "--switch=FROM=TO", "at least one day");
            assertThat(cli.runExactly("prices", "set", "--help")).isZero();
            assertThat(cli.out()).contains("--input", "--output", "--provider");
        }
    }
}
