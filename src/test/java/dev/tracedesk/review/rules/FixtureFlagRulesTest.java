package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.IMPORT_FILE;
import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportResult;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.ImportStatus;
import dev.tracedesk.ingest.TestImports;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/**
 * Importing the real fixtures with the default rules: review items for exactly the failed and
 * errored eval cases and the calls with negative feedback. The expected sets are read from the
 * files themselves (promptfoo's own success flags and CSV Status cells, Langfuse's scores).
 */
class FixtureFlagRulesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    /** A case as both sides can name it: the file it came from, its test index, provider and prompt label. */
    record CaseId(String file, int testIndex, String provider, String prompt) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void importingThePromptfooFixturesFlagsExactlyTheirFailedAndErroredCases(String engine) throws IOException {
        List<String> files = List.of("results.json", "results.jsonl", "results.csv", "run-prompt-v1.json", "run-prompt-v2.json");
        Set<CaseId> expected = new HashSet<>();
        for (String file : files) {
            expected.addAll(failedCasesIn(FIXTURES.resolve("promptfoo").resolve(file)));
        }
        assertThat(expected).hasSize(16 + 16 + 16 + 5 + 9);
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            for (String file : files) {
                assertThat(importFile(workspace.dsl(), FIXTURES.resolve("promptfoo").resolve(file)).status()).isEqualTo(ImportStatus.COMPLETED);
            }

            RuleRows rows = new RuleRows(workspace.dsl());
            Set<CaseId> flagged = new HashSet<>(workspace.dsl()
                    .select(IMPORT_FILE.FILE_NAME, EVAL_CASE.TEST_INDEX, EVAL_CASE.PROVIDER, EVAL_CASE.PROMPT_LABEL)
                    .from(REVIEW_ITEM).join(EVAL_CASE).on(EVAL_CASE.ID.eq(REVIEW_ITEM.TARGET_ID))
                    .join(EVAL_RUN).on(EVAL_RUN.ID.eq(EVAL_CASE.EVAL_RUN_ID))
                    .join(IMPORT_FILE).on(IMPORT_FILE.ID.eq(EVAL_RUN.IMPORT_ID))
                    .where(REVIEW_ITEM.TARGET_KIND.eq("EVAL_CASE")).and(REVIEW_ITEM.QUEUE_ID.eq(rows.flaggedQueue()))
                    .fetch(row -> new CaseId(row.value1(), row.value2(), row.value3(), row.value4())));
            assertThat(flagged).isEqualTo(expected);
            assertThat(rows.flagged(TargetKind.SPAN)).isEmpty();
            assertThat(rows.flagged(TargetKind.EVAL_CASE).values()).allSatisfy(reasons ->
                    assertThat(reasons).containsExactly("Eval case failed or errored"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void importingTheTraceFixturesFlagsTheLlmCallsOfTheTraceWithNegativeFeedbackOnly(String engine) throws IOException {
        Path rag = FIXTURES.resolve("langfuse/api-trace-rag.json");
        Set<String> expected = llmCallsOfTracesWithNegativeFeedback(rag);
        assertThat(expected).hasSize(1);
        List<Path> files = new ArrayList<>(List.of(rag));
        for (String other : List.of("langfuse/blob-traces.jsonl", "langfuse/blob-observations_v2.jsonl", "langfuse/blob-scores.jsonl",
                "openinference/traces.jsonl", "openinference/rag-trace.json", "otel-genai/traces.jsonl",
                "openllmetry/traces.jsonl", "langfuse-otel/traces.jsonl")) {
            files.add(FIXTURES.resolve(other));
        }
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            for (Path file : files) {
                assertThat(importFile(workspace.dsl(), file).status()).isIn(ImportStatus.COMPLETED, ImportStatus.COMPLETED_WITH_REJECTS);
            }

            RuleRows rows = new RuleRows(workspace.dsl());
            Set<String> flagged = new HashSet<>(workspace.dsl().select(SPAN.EXTERNAL_SPAN_ID).from(REVIEW_ITEM)
                    .join(SPAN).on(SPAN.ID.eq(REVIEW_ITEM.TARGET_ID))
                    .where(REVIEW_ITEM.TARGET_KIND.eq("SPAN")).and(REVIEW_ITEM.QUEUE_ID.eq(rows.flaggedQueue()))
                    .fetch(SPAN.EXTERNAL_SPAN_ID));
            assertThat(flagged).isEqualTo(expected);
            long call = rows.flagged(TargetKind.SPAN).keySet().iterator().next();
            assertThat(rows.reasons(TargetKind.SPAN, call)).singleElement().satisfies(reason -> {
                assertThat(reason.rule()).isEqualTo("Negative user feedback");
                assertThat(reason.detail()).startsWith("feedback 'user-feedback': negative (False) (on the CHAIN span");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aSecondImportEvaluatesOnlyWhatItAddedAndABrokenRuleDoesNotFailIt(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            assertThat(importFile(dsl, FIXTURES.resolve("promptfoo/run-prompt-v1.json")).status()).isEqualTo(ImportStatus.COMPLETED);
            RuleRows rows = new RuleRows(dsl);
            Set<Long> firstCases = new HashSet<>(dsl.select(EVAL_CASE.ID).from(EVAL_CASE).fetch(EVAL_CASE.ID));
            new FlagRules(dsl).create("any latency", new RuleConfig.LatencyAbove(1), true);
            new FlagRules(dsl).create("broken schema", new RuleConfig.LatencyAbove(1), true);
            dsl.update(dev.tracedesk.store.generated.Tables.FLAG_RULE)
                    .set(dev.tracedesk.store.generated.Tables.FLAG_RULE.RULE_TYPE, "JSON_SCHEMA")
                    .set(dev.tracedesk.store.generated.Tables.FLAG_RULE.CONFIG_JSON, "{\"promptTemplate\":\"x\",\"schema\":\"{\"}")
                    .where(dev.tracedesk.store.generated.Tables.FLAG_RULE.NAME.eq("broken schema")).execute();

            ImportResult second = importFile(dsl, FIXTURES.resolve("promptfoo/run-prompt-v2.json"));

            assertThat(second.status()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(second.message()).startsWith("Flag rules not applied: Rule 'broken schema' (JSON_SCHEMA): the JSON Schema is not valid JSON");
            Set<Long> slow = rows.items(rows.flaggedQueue(), TargetKind.EVAL_CASE).entrySet().stream()
                    .filter(item -> item.getValue().contains("any latency")).map(java.util.Map.Entry::getKey)
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(slow).isNotEmpty().doesNotContainAnyElementsOf(firstCases);
        }
    }

    private static ImportResult importFile(DSLContext dsl, Path file) {
        return new ImportService(dsl, FormatReaders.standard()).importFile(file, Optional.empty(), TestImports.NEVER_CANCELLED);
    }

    /** promptfoo JSON / JSONL: results whose own {@code success} is false; CSV: Status cells FAIL or ERROR. */
    private static Set<CaseId> failedCasesIn(Path file) throws IOException {
        String name = file.getFileName().toString();
        Set<CaseId> failed = new HashSet<>();
        if (name.endsWith(".csv")) {
            List<List<String>> table = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
            List<String> header = table.get(0);
            for (int row = 1; row < table.size(); row++) {
                for (int column = 0; column < header.size(); column++) {
                    String cell = header.get(column);
                    if (cell.startsWith("[") && header.get(column + 1).equals("Status")) {
                        String status = table.get(row).get(column + 1);
                        if (status.equals("FAIL") || status.equals("ERROR")) {
                            failed.add(new CaseId(name, row - 1, cell.substring(1, cell.indexOf(']')),
                                    cell.substring(cell.indexOf(']') + 1).trim()));
                        }
                    }
                }
            }
            return failed;
        }
        List<JsonNode> results = new ArrayList<>();
        if (name.endsWith(".jsonl")) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    results.add(JSON.readTree(line));
                }
            }
        } else {
            JSON.readTree(file.toFile()).path("results").path("results").forEach(results::add);
        }
        for (JsonNode result : results) {
            if (!result.path("success").asBoolean()) {
                JsonNode provider = result.path("provider");
                failed.add(new CaseId(name, result.path("testIdx").asInt(),
                        provider.isTextual() ? provider.asText() : provider.path("id").asText(), result.path("prompt").path("label").asText()));
            }
        }
        return failed;
    }

    /** The GENERATION observations of a Langfuse trace that has a negative (False / 0) boolean user-feedback score. */
    private static Set<String> llmCallsOfTracesWithNegativeFeedback(Path file) throws IOException {
        JsonNode trace = JSON.readTree(file.toFile());
        boolean negative = false;
        for (JsonNode score : trace.path("scores")) {
            if (score.path("name").asText().equals("user-feedback") && score.path("dataType").asText().equals("BOOLEAN")
                    && score.path("value").asDouble() == 0) {
                negative = true;
            }
        }
        Set<String> calls = new HashSet<>();
        if (negative) {
            trace.path("observations").forEach(observation -> {
                if (observation.path("type").asText().equals("GENERATION")) {
                    calls.add(observation.path("id").asText());
                }
            });
        }
        return calls;
    }

    /** RFC 4180, enough for the fixture: quoted cells with doubled quotes and line breaks. */
    private static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(c);
                }
            }
            if (cell.length() > 0 || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
