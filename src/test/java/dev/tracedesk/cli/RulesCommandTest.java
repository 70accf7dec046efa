package dev.tracedesk.cli;

import static dev.tracedesk.store.generated.Tables.FLAG_RULE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.store.TestDatabases;

class RulesCommandTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void listAndApplyPrintTheDocumentedJson(String engine) {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, dsl -> { })) {
            assertThat(cli.run("rules", "list", "--json")).isZero();
            JsonNode rules = cli.json().get("rules");
            assertThat(rules).hasSize(7);
            assertThat(rules.get(5).toString()).matches("\\{\"id\":\\d+,\"name\":\"Slow call\",\"type\":\"LATENCY_ABOVE\","
                    + "\"enabled\":false,\"config\":\\{\"budgetMs\":30000}}");

            assertThat(cli.run("rules", "apply", "--json")).isZero();
            assertThat(cli.out()).isEqualTo("{\"itemsCreated\":0,\"itemsUpdated\":0,\"byRule\":["
                    + "{\"rule\":\"Eval case failed or errored\",\"matched\":0},{\"rule\":\"Guardrail tripped\",\"matched\":0},"
                    + "{\"rule\":\"Negative user feedback\",\"matched\":0}]}" + System.lineSeparator());
        }
    }

    @Test
    void aBrokenRuleIsShownAndApplyExitsTwoNamingIt() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, dsl -> dsl.update(FLAG_RULE)
                .set(FLAG_RULE.CONFIG_JSON, "{\"budgetMs\":\"soon\"}").set(FLAG_RULE.ENABLED, true)
                .where(FLAG_RULE.NAME.eq("Slow call")).execute())) {
            assertThat(cli.run("rules", "list", "--json")).isZero();
            assertThat(cli.json().get("rules").get(5).get("error").asText())
                    .isEqualTo("Rule 'Slow call' (LATENCY_ABOVE): 'budgetMs' must be a number, not \"soon\"");

            assertThat(cli.run("rules", "apply")).isEqualTo(2);
            assertThat(cli.out()).contains("Slow call", "NOT APPLIED");
            assertThat(cli.err()).contains("Flag rules not applied: Rule 'Slow call'");

            assertThat(cli.run("rules")).isEqualTo(2);
        }
    }
}
