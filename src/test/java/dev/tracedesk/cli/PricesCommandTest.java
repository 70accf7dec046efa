package dev.tracedesk.cli;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.store.calls.LlmCallFacts;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;

/** {@code tracedesk prices}: editing the price table moves estimated costs (spans and llm_call), never reported ones. */
class PricesCommandTest {

    private static final long MINI_ESTIMATED = 11;
    private static final long MINI_REPORTED = 12;
    private static final long ACME_WITH_TOKENS = 13;
    private static final long ACME_WITHOUT_TOKENS = 14;
    private static final long REQUESTED_ONLY = 15;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private SeededWorkspaceCli cli(String engine) {
        return new SeededWorkspaceCli(engine, tempDir, dsl -> {
            dsl.connection(PricesCommandTest::insertCalls);
            new LlmCallFacts(dsl).refresh();
        });
    }

    private static void insertCalls(Connection connection) throws SQLException {
        try (PreparedStatement trace = connection.prepareStatement("INSERT INTO trace (id, external_trace_id, source_system,"
                + " name, start_ns, end_ns, status) VALUES (1, 't1', 'test', 'route', 1000, 9000000, 'OK')")) {
            trace.execute();
        }
        try (PreparedStatement span = connection.prepareStatement("INSERT INTO span (id, trace_id, external_span_id, kind, name,"
                + " start_ns, duration_ns, status, provider, requested_model, served_model, input_tokens, output_tokens,"
                + " cost_usd, cost_source) VALUES (?, 1, ?, 'LLM', 'call', ?, 1000, 'OK', ?, ?, ?, ?, ?, ?, ?)")) {
            row(span, MINI_ESTIMATED, "openai", null, "gpt-4o-mini-2024-07-18", 1000L, 500L, "0.00045", "ESTIMATED");
            row(span, MINI_REPORTED, "openai", null, "gpt-4o-mini-2024-07-18", 2000L, 100L, "0.123", "REPORTED");
            row(span, ACME_WITH_TOKENS, "AcmeCo", null, "acme-1", 400L, 40L, null, null);
            row(span, ACME_WITHOUT_TOKENS, "AcmeCo", null, "acme-1", null, null, null, null);
            row(span, REQUESTED_ONLY, "openai", "gpt-4o-mini", null, 10L, 10L, "0.0000075", "ESTIMATED");
            span.executeBatch();
        }
    }

    private static void row(PreparedStatement span, long id, String provider, String requested, String served, Long in, Long out,
                            String cost, String source) throws SQLException {
        span.setLong(1, id);
        span.setString(2, "s" + id);
        span.setLong(3, 1000 + id);
        span.setString(4, provider);
        span.setString(5, requested);
        span.setString(6, served);
        span.setObject(7, in);
        span.setObject(8, out);
        span.setBigDecimal(9, cost == null ? null : new BigDecimal(cost));
        span.setString(10, source);
        span.addBatch();
    }

    private static BigDecimal cost(long inputTokens, long outputTokens, String inputPrice, String outputPrice) {
        return BigDecimal.valueOf(inputTokens).multiply(new BigDecimal(inputPrice))
                .add(BigDecimal.valueOf(outputTokens).multiply(new BigDecimal(outputPrice))).divide(MILLION);
    }

    private record Costs(BigDecimal spanCost, String source, BigDecimal callReported, BigDecimal callEstimated) {
    }

    private static Costs costsOf(SeededWorkspaceCli cli, long spanId) {
        try (Workspace workspace = Workspace.open(cli.location())) {
            DSLContext dsl = workspace.dsl();
            var span = dsl.select(SPAN.COST_USD, SPAN.COST_SOURCE).from(SPAN).where(SPAN.ID.eq(spanId)).fetchOne();
            var call = dsl.select(LLM_CALL.COST_REPORTED_USD, LLM_CALL.COST_ESTIMATED_USD).from(LLM_CALL)
                    .where(LLM_CALL.SPAN_ID.eq(spanId)).fetchOne();
            return new Costs(span.value1(), span.value2(), call.value1(), call.value2());
        }
    }

    private static void assertEstimated(Costs costs, BigDecimal expected) {
        if (expected == null) {
            assertThat(costs.spanCost()).isNull();
            assertThat(costs.source()).isNull();
            assertThat(costs.callEstimated()).isNull();
        } else {
            assertThat(costs.spanCost()).isEqualByComparingTo(expected);
            assertThat(costs.source()).isEqualTo("ESTIMATED");
            assertThat(costs.callEstimated()).isEqualByComparingTo(expected);
        }
        assertThat(costs.callReported()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aNewPriceMovesEstimatedCostsAndLeavesReportedOnes(String engine) {
        try (SeededWorkspaceCli cli = cli(engine)) {
            assertThat(cli.run("prices", "set", "gpt-4o-mini", "--input", "1", "--output", "2", "--json")).isZero();

            JsonNode json = cli.json();
            assertThat(json.get("set").asBoolean()).isTrue();
            assertThat(json.get("costsChanged").asLong()).isEqualTo(2);
            assertEstimated(costsOf(cli, MINI_ESTIMATED), cost(1000, 500, "1", "2"));
            assertEstimated(costsOf(cli, REQUESTED_ONLY), cost(10, 10, "1", "2"));
            Costs reported = costsOf(cli, MINI_REPORTED);
            assertThat(reported.spanCost()).isEqualByComparingTo("0.123");
            assertThat(reported.source()).isEqualTo("REPORTED");
            assertThat(reported.callReported()).isEqualByComparingTo("0.123");
            assertThat(reported.callEstimated()).isNull();
            assertEstimated(costsOf(cli, ACME_WITH_TOKENS), null);

            // a provider's own price reaches the calls that had none; a call without tokens stays unpriced
            assertThat(cli.run("prices", "set", "acme", "--provider", "AcmeCo", "--input", "3", "--output", "4")).isZero();
            assertThat(cli.out()).contains("Price set. Re-estimated: 1 of");
            assertEstimated(costsOf(cli, ACME_WITH_TOKENS), cost(400, 40, "3", "4"));
            assertEstimated(costsOf(cli, ACME_WITHOUT_TOKENS), null);

            assertThat(cli.run("prices", "delete", "acme", "--provider", "acmeco")).isZero();
            assertEstimated(costsOf(cli, ACME_WITH_TOKENS), null);
            assertThat(costsOf(cli, MINI_REPORTED).spanCost()).isEqualByComparingTo("0.123");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void listShowsTheTableAndBadEditsAreUsageErrorsNamingTheField(String engine) {
        try (SeededWorkspaceCli cli = cli(engine)) {
            assertThat(cli.run("prices", "set", "GPT-4o-Mini", "--input", "1.5", "--output", "2")).isZero();
            assertThat(cli.run("prices", "list", "--json")).isZero();
            JsonNode mini = null;
            for (JsonNode price : cli.json().get("prices")) {
                assertThat(InsightsCommandTest.fieldNames(price)).containsExactly("modelPattern", "provider", "inputUsdPerMtok",
                        "outputUsdPerMtok");
                if (price.get("modelPattern").asText().equals("gpt-4o-mini")) {
                    mini = price;
                }
            }
            assertThat(mini).as("set replaced the default row (patterns are lower case)").isNotNull();
            assertThat(mini.get("inputUsdPerMtok").decimalValue()).isEqualByComparingTo("1.5");
            assertThat(cli.json().get("prices")).hasSize(26);

            assertThat(cli.run("prices")).isZero();
            assertThat(cli.out()).containsPattern("MODEL PATTERN +PROVIDER +INPUT \\$/MTOK +OUTPUT \\$/MTOK")
                    .containsPattern("gpt-4o-mini +\\(any\\) +1.5 +2");

            assertThat(cli.run("prices", "set", "acme", "--input", "-1", "--output", "2")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--input must be zero or more");
            assertThat(cli.run("prices", "set", "acme", "--input", "1", "--output", "-0.5")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--output must be zero or more");
            assertThat(cli.run("prices", "set", "acme", "--input", "1")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.run("prices", "delete", "no-such-model")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.out()).contains("No price no-such-model to delete");
        }
    }
}
