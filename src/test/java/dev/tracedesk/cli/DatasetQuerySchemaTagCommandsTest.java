package dev.tracedesk.cli;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.store.TestDatabases;

/** {@code dataset add --query}, {@code dataset create --schema FILE}, {@code dataset schema} and {@code dataset tag}. */
class DatasetQuerySchemaTagCommandsTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    /** H2 only, as for {@code tracedesk search}: the CLI keeps a PostgreSQL workspace's index under the user's home. */
    @Test
    void queryAddsTheMatchingCallsMixesWithIdsAndCountsWhatTheLimitLeftOut() {
        List<Long> llmSpans = new ArrayList<>();
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, dsl -> {
            ReviewTestData.importFile(dsl, Path.of("src/test/resources/fixtures/openinference/traces.jsonl"));
            llmSpans.addAll(dsl.select(SPAN.ID).from(SPAN).where(SPAN.KIND.eq("LLM")).orderBy(SPAN.ID).fetch(SPAN.ID));
        })) {
            assertThat(cli.run("dataset", "create", "returns")).isZero();

            int code = cli.run("dataset", "add", "returns", "--query", "return", "--json");
            JsonNode byQuery = cli.json();
            assertThat(code).isIn(ExitCodes.OK, ExitCodes.PARTIAL);
            JsonNode query = byQuery.get("queries").get(0);
            assertThat(query.get("query").asText()).isEqualTo("return");
            assertThat(query.get("taken").asInt()).isEqualTo(query.get("matches").asInt()).isPositive();
            assertThat(byQuery.get("results")).hasSize(query.get("taken").asInt());
            assertThat(byQuery.get("added").asInt()).isPositive();
            Set<Long> matched = new HashSet<>();
            byQuery.get("results").forEach(r -> {
                assertThat(r.get("source").asText()).isEqualTo("span");
                assertThat(llmSpans).as("only LLM calls").contains(r.get("id").asLong());
                matched.add(r.get("id").asLong());
            });

            // ids and a query mix; a span named twice is added once
            long other = llmSpans.stream().filter(id -> !matched.contains(id)).findFirst().orElseThrow();
            long alsoMatched = matched.iterator().next();
            cli.run("dataset", "add", "returns", "--span", Long.toString(other), "--span", Long.toString(alsoMatched),
                    "--query", "return", "--json");
            JsonNode mixed = cli.json();
            assertThat(mixed.get("results")).hasSize(matched.size() + 1);
            assertThat(mixed.get("results").get(0).get("id").asLong()).isEqualTo(other);
            assertThat(mixed.get("results").get(1).get("id").asLong()).isEqualTo(alsoMatched);

            cli.run("dataset", "add", "returns", "--query", "return", "--limit", "1");
            assertThat(cli.out()).contains("query return: " + matched.size() + " LLM calls match; taking the best 1 "
                    + "(raise --limit for more)").contains("0 added, 1 replaced, 0 refused.");

            assertThat(cli.run("dataset", "add", "returns", "--query", "\"unclosed")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("a quote is not closed").doesNotContain("kind:llm");
            assertThat(cli.run("dataset", "add", "nope", "--query", "return")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("No dataset named \"nope\"");
            assertThat(cli.run("dataset", "add", "returns", "--query", "return", "--limit", "0"))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--limit must be at least 1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aSchemaFileIsCheckedAtCreateAndItemsAgainstItOnAdd(String engine) throws Exception {
        List<Long> passed = new ArrayList<>();
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, dsl -> {
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            passed.addAll(dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("PASS"))
                    .orderBy(EVAL_CASE.ID).fetch(EVAL_CASE.ID));
        })) {
            Path broken = Files.writeString(tempDir.resolve("broken.json"), "{\"type\": \"strin\"}");
            assertThat(cli.run("dataset", "create", "capitals", "--schema", broken.toString()))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains(broken + ": The item schema is not a valid JSON Schema").contains("/type");
            assertThat(cli.run("dataset", "create", "capitals", "--schema", tempDir.resolve("missing.json").toString()))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("There is no schema file").contains("missing.json");

            Path schema = Files.writeString(tempDir.resolve("item.schema.json"),
                    "{\"properties\": {\"expectedOutput\": {\"type\": \"string\", \"pattern\": \"^[A-Z][a-z]+$\"}}}");
            assertThat(cli.run("dataset", "create", "capitals", "--schema", schema.toString())).as(cli.err()).isZero();
            List<String> args = new ArrayList<>(List.of("dataset", "add", "capitals", "--json"));
            passed.forEach(id -> args.addAll(List.of("--case", id.toString())));
            assertThat(cli.run(args.toArray(String[]::new))).isEqualTo(ExitCodes.PARTIAL);
            JsonNode added = cli.json();
            JsonNode refused = null;
            for (JsonNode result : added.get("results")) {
                if (result.get("outcome").asText().equals("REFUSED")) {
                    refused = result;
                }
            }
            assertThat(refused).isNotNull();
            assertThat(refused.get("reason").asText()).startsWith("case " + refused.get("id").asLong()
                    + " does not match the item schema of capitals: ").contains("/expectedOutput");

            Path onlyParis = Files.writeString(tempDir.resolve("paris.json"),
                    "{\"properties\": {\"expectedOutput\": {\"const\": \"Paris\"}}}");
            assertThat(cli.run("dataset", "schema", "capitals", "--set", onlyParis.toString()))
                    .isEqualTo(ExitCodes.PARTIAL);
            assertThat(cli.out()).contains("Set the item schema of capitals").contains("do not match it (kept in the draft)");
            assertThat(cli.run("dataset", "schema", "capitals", "--clear")).isZero();
            assertThat(cli.run("dataset", "add", "capitals", "--case", refused.get("id").asText())).isZero();
            assertThat(cli.run("dataset", "schema", "capitals")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void tagMovesATagAndDeleteTakesItOff(String engine) {
        List<Long> passed = new ArrayList<>();
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, dsl -> {
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            passed.addAll(dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("PASS"))
                    .orderBy(EVAL_CASE.ID).fetch(EVAL_CASE.ID));
        })) {
            cli.run("dataset", "create", "capitals");
            cli.run("dataset", "add", "capitals", "--case", passed.get(0).toString());
            assertThat(cli.run("dataset", "publish", "capitals", "--tag", "prod")).isZero();
            cli.run("dataset", "add", "capitals", "--case", passed.get(2).toString());
            assertThat(cli.run("dataset", "publish", "capitals")).isZero();

            assertThat(cli.run("dataset", "tag", "capitals@2", "prod", "--json")).isZero();
            assertThat(cli.json().get("version").asInt()).isEqualTo(2);
            assertThat(cli.run("dataset", "show", "capitals@prod", "--json")).isZero();
            assertThat(cli.json().get("version").get("version").asInt()).isEqualTo(2);
            assertThat(cli.run("dataset", "tag", "capitals@1", "baseline")).isZero();
            assertThat(cli.out()).isEqualTo("Tagged capitals@1 baseline.\n");

            assertThat(cli.run("dataset", "tag", "capitals", "--delete", "prod")).isZero();
            assertThat(cli.out()).contains("Took tag prod off capitals@2.");
            assertThat(cli.run("dataset", "tag", "capitals", "--delete", "prod")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("capitals has no tag \"prod\" (tags: baseline).");
            assertThat(cli.run("dataset", "tag", "capitals@draft", "next")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("is the draft");
            assertThat(cli.run("dataset", "tag", "capitals@1")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("Give either a TAG");
            assertThat(cli.run("dataset", "tag", "capitals@1", "--delete", "baseline"))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--delete takes the dataset's NAME only");
        }
    }
}
