package dev.tracedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.traces.TraceFixtures;

class TraceShowCommandTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void jsonShowsTheTraceAndItsSpansInStartOrderWithTheDocumentedFields(String engine) {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, TraceFixtures::seed)) {
            assertThat(cli.run("trace", "show", "t-new", "--json")).isZero();

            JsonNode trace = cli.json();
            assertThat(fieldNames(trace)).containsExactly("traceId", "name", "startedAt", "durationMs", "status", "spans");
            assertThat(trace.get("startedAt").asText()).isEqualTo("2024-05-01T10:00:00.123456789Z");
            assertThat(trace.get("durationMs").toString()).isEqualTo("950");
            assertThat(trace.get("spans").findValuesAsText("spanId")).containsExactly("root", "retrieve", "llm", "tool", "guard");
            for (JsonNode span : trace.get("spans")) {
                assertThat(fieldNames(span)).containsExactly("spanId", "parentSpanId", "kind", "name", "startedAt",
                        "durationMs", "status", "error", "provider", "requestModel", "responseModel", "params",
                        "promptTemplate", "usage", "cost", "messages", "documents", "checks", "attributes", "grounding");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anLlmSpanShowsModelsParsedJsonUsageCostMessagesAndChecks(String engine) {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, TraceFixtures::seed)) {
            assertThat(cli.run("trace", "show", "t-new", "--json")).isZero();

            JsonNode llm = cli.json().at("/spans/2");
            assertThat(llm.get("spanId").asText()).isEqualTo("llm");
            assertThat(llm.get("parentSpanId").asText()).isEqualTo("root");
            assertThat(llm.get("kind").asText()).isEqualTo("LLM");
            assertThat(llm.get("startedAt").asText()).isEqualTo("2024-05-01T10:00:00.183456789Z");
            assertThat(llm.get("durationMs").toString()).isEqualTo("850");
            assertThat(llm.get("status").asText()).isEqualTo("ERROR");
            assertThat(llm.get("error").asText()).isEqualTo("upstream timeout after partial answer");
            assertThat(llm.get("provider").asText()).isEqualTo("openai");
            assertThat(llm.get("requestModel").asText()).isEqualTo("gpt-4o-mini");
            assertThat(llm.get("responseModel").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
            assertThat(llm.get("params").toString()).isEqualTo("{\"temperature\":0.2,\"max_tokens\":256}");
            assertThat(llm.get("promptTemplate").toString()).isEqualTo("{\"name\":\"refund-answer\",\"version\":\"3\","
                    + "\"text\":\"Answer briefly: {{question}}\",\"variables\":{\"question\":\"Can I get a refund?\"}}");
            assertThat(llm.get("usage").toString()).isEqualTo("{\"inputTokens\":100,\"outputTokens\":20,\"totalTokens\":120}");
            assertThat(llm.get("cost").toString()).isEqualTo("{\"usd\":0.0042,\"estimated\":true}");
            assertThat(llm.get("messages").toString()).isEqualTo("["
                    + "{\"direction\":\"input\",\"role\":\"system\",\"content\":\"Be brief.\",\"toolCalls\":null},"
                    + "{\"direction\":\"input\",\"role\":\"user\",\"content\":\"Can I get a refund?\",\"toolCalls\":null},"
                    + "{\"direction\":\"output\",\"role\":\"assistant\",\"content\":\"Within 30 days.\","
                    + "\"toolCalls\":[{\"id\":\"call_1\",\"function\":{\"name\":\"lookup\"}}]}]");
            assertThat(llm.get("checks").toString()).isEqualTo("["
                    + "{\"name\":\"toxicity\",\"source\":\"GUARDRAIL\",\"label\":null,\"value\":0.01,\"passed\":true,\"explanation\":null},"
                    + "{\"name\":\"faithfulness\",\"source\":\"EVALUATION\",\"label\":\"unfaithful\",\"value\":0.2,\"passed\":false,"
                    + "\"explanation\":\"Claims a policy the context lacks.\"}]");
            assertThat(llm.get("documents").toString()).isEqualTo("[]");
            assertThat(llm.get("attributes").toString()).isEqualTo("{\"http.route\":\"/ask\",\"retry\":1}");
        }
    }

    @Test
    void aRetrieverShowsItsDocumentsByRankAndSpansWithoutModelDataShowNulls() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, TraceFixtures::seed)) {
            assertThat(cli.run("trace", "show", "t-new", "--json")).isZero();

            JsonNode spans = cli.json().get("spans");
            assertThat(spans.get(1).get("documents").toString()).isEqualTo("["
                    + "{\"rank\":1,\"id\":\"kb-3\",\"score\":0.92,\"content\":\"Refunds within 30 days of purchase.\"},"
                    + "{\"rank\":2,\"id\":\"kb-7\",\"score\":0.41,\"content\":\"Shipping takes 5 days.\"}]");
            JsonNode tool = spans.get(3);
            assertThat(tool.get("durationMs").toString()).isEqualTo("5");
            for (String absent : List.of("error", "provider", "requestModel", "responseModel", "params", "promptTemplate",
                    "usage", "cost", "attributes")) {
                assertThat(tool.get(absent).isNull()).as(absent).isTrue();
            }
            JsonNode guard = spans.get(4);
            assertThat(guard.get("startedAt").isNull()).isTrue();
            assertThat(guard.get("durationMs").isNull()).isTrue();
        }
    }

    @Test
    void anUnknownTraceIdIsAUsageErrorThatSaysWhereToLook() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, TraceFixtures::seed)) {
            assertThat(cli.run("trace", "show", "nope", "--json")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);

            assertThat(cli.out()).isEmpty();
            assertThat(cli.err()).contains("No trace 'nope' in this workspace (see: tracedesk traces).");
        }
    }

    @Test
    void traceWithoutASubcommandIsAUsageError() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, dsl -> { })) {
            assertThat(cli.runExactly("trace")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("tracedesk trace show TRACE_ID");
        }
    }

    @Test
    void withoutJsonTheSpansArePrintedAsATreeWithTheirEvidence() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, TraceFixtures::seed)) {
            assertThat(cli.run("trace", "show", "t-new")).isZero();

            String text = cli.out();
            assertThat(text).startsWith("Trace t-new  answer question  [ERROR]");
            assertThat(text).containsSubsequence("CHAIN", "  RETRIEVER", "      #1 kb-3 (0.920)", "  LLM",
                    "openai gpt-4o-mini → gpt-4o-mini-2024-07-18", "! upstream timeout", "$0.0042 (estimated)",
                    "template refund-answer v3", "> system: Be brief.", "< assistant: Within 30 days.",
                    "✗ faithfulness (EVALUATION) unfaithful 0.2: Claims a policy", "    TOOL", "  GUARDRAIL");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
