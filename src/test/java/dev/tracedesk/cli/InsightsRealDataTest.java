package dev.tracedesk.cli;

import static dev.tracedesk.insights.IndependentFigures.nearestRank;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.ImportStatus;
import dev.tracedesk.ingest.TestImports;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;

/**
 * {@code tracedesk insights} over the real OTel GenAI, OpenInference, OpenLLMetry and Langfuse
 * OTel fixtures, imported as a user would; the expected figures come from the LLM spans read back
 * with plain SQL, grouped and ranked in the test.
 */
class InsightsRealDataTest {

    private static final List<Path> FIXTURES = List.of(
            Path.of("src/test/resources/fixtures/otel-genai/traces.jsonl"),
            Path.of("src/test/resources/fixtures/openinference/traces.jsonl"),
            Path.of("src/test/resources/fixtures/openllmetry/traces.jsonl"),
            Path.of("src/test/resources/fixtures/langfuse-otel/traces.jsonl"));

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    /** One LLM span as stored. */
    private record StoredCall(String model, Long durationNs, boolean failed, Long inputTokens, Long outputTokens,
                              BigDecimal cost, String costSource) {
    }

    private static void importAll(DSLContext dsl) {
        ImportService imports = new ImportService(dsl, FormatReaders.standard());
        for (Path fixture : FIXTURES) {
            var result = imports.importFile(fixture, Optional.empty(), TestImports.NEVER_CANCELLED);
            assertThat(result.status()).as(fixture.toString()).isIn(ImportStatus.COMPLETED, ImportStatus.COMPLETED_WITH_REJECTS);
        }
    }

    private static Map<String, List<StoredCall>> storedCallsByModel(SeededWorkspaceCli cli) {
        Map<String, List<StoredCall>> byModel = new TreeMap<>();
        try (Workspace workspace = Workspace.open(cli.location())) {
            for (Record row : workspace.dsl().fetch("SELECT duration_ns, served_model, requested_model, status, error_message,"
                    + " input_tokens, output_tokens, cost_usd, cost_source FROM span WHERE kind = 'LLM' AND start_ns IS NOT NULL")) {
                String model = row.get(1) != null ? row.get(1, String.class)
                        : row.get(2) != null ? row.get(2, String.class) : "(none)";
                byModel.computeIfAbsent(model, key -> new ArrayList<>()).add(new StoredCall(model, row.get(0, Long.class),
                        "ERROR".equals(row.get(3, String.class)) || row.get(4) != null, row.get(5, Long.class),
                        row.get(6, Long.class), row.get(7, BigDecimal.class), row.get(8, String.class)));
            }
        }
        return byModel;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void figuresPerModelMatchTheImportedSpansReadBackWithPlainSql(String engine) {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, InsightsRealDataTest::importAll)) {
            Map<String, List<StoredCall>> expected = storedCallsByModel(cli);
            assertThat(expected).as("the fixtures hold LLM calls of several models").hasSizeGreaterThan(2);

            assertThat(cli.run("insights", "--json", "--group-by", "model")).isZero();

            JsonNode groups = cli.json().get("groups");
            assertThat(groups).hasSize(expected.size());
            for (JsonNode group : groups) {
                String model = group.get("key").asText();
                List<StoredCall> calls = expected.get(model);
                assertThat(calls).as(model).isNotNull();
                List<Long> durations = calls.stream().map(StoredCall::durationNs).toList();
                assertThat(group.get("requests").asLong()).as(model).isEqualTo(calls.size());
                assertThat(group.get("errors").asLong()).as(model).isEqualTo(calls.stream().filter(StoredCall::failed).count());
                assertThat(group.get("inputTokens").asLong()).as(model)
                        .isEqualTo(calls.stream().mapToLong(call -> call.inputTokens() == null ? 0 : call.inputTokens()).sum());
                assertThat(group.get("outputTokens").asLong()).as(model)
                        .isEqualTo(calls.stream().mapToLong(call -> call.outputTokens() == null ? 0 : call.outputTokens()).sum());
                assertThat(group.get("costUsd").decimalValue()).as(model + " reported").isEqualByComparingTo(sum(calls, false));
                assertThat(group.get("costEstimatedUsd").decimalValue()).as(model + " estimated")
                        .isEqualByComparingTo(sum(calls, true));
                InsightsCommandTest.assertMillis(group.at("/latencyMs/p50"), nearestRank(durations, 50));
                InsightsCommandTest.assertMillis(group.at("/latencyMs/p95"), nearestRank(durations, 95));
                InsightsCommandTest.assertMillis(group.at("/latencyMs/p99"), nearestRank(durations, 99));
            }
        }
    }

    /** Estimated costs are those marked ESTIMATED; everything else with a cost was reported. */
    private static BigDecimal sum(List<StoredCall> calls, boolean estimated) {
        BigDecimal total = BigDecimal.ZERO;
        for (StoredCall call : calls) {
            if (call.cost() != null && "ESTIMATED".equals(call.costSource()) == estimated) {
                total = total.add(call.cost());
            }
        }
        return total;
    }
}
