package dev.tracedesk.ingest.promptfoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;

/**
 * The showcase eval written by promptfoo 0.121.20 as results.json, results.jsonl and results.csv
 * (fixtures/promptfoo; the facts asserted are those its README lists).
 */
class PromptfooShowcaseFixtureTest {

    private static final Path JSON = PromptfooFiles.fixture("fixtures/promptfoo/results.json");
    private static final Path JSONL = PromptfooFiles.fixture("fixtures/promptfoo/results.jsonl");
    private static final Path CSV = PromptfooFiles.fixture("fixtures/promptfoo/results.csv");
    /** The id of the result on the first line of results.jsonl (and of results.results[0]). */
    private static final String FIRST_JSONL_RESULT_ID = "fc282b25-8c0b-4d83-936a-381ef4861860";
    private static final String MINI = "openai:chat:gpt-4o-mini";
    private static final String NANO = "openai:chat:gpt-4.1-nano";

    private static CollectingSink fromJson;
    private static CollectingSink fromJsonl;
    private static CollectingSink fromCsv;

    @BeforeAll
    static void readAllThree() throws IOException {
        fromJson = PromptfooFiles.read(new PromptfooJsonReader(), JSON);
        fromJsonl = PromptfooFiles.read(new PromptfooJsonlReader(), JSONL);
        fromCsv = PromptfooFiles.read(new PromptfooCsvReader(), CSV);
    }

    /** Cases by "testIdx provider label", since promptfoo writes results in completion order. */
    private static Map<String, CanonicalEvalCase> byCell(CollectingSink sink) {
        return sink.cases.stream().collect(Collectors.toMap(
                c -> c.testIndex + " " + c.provider + " " + c.promptLabel, Function.identity()));
    }

    private static CanonicalEvalCase jsonCase(int testIdx, String provider, String label) {
        return byCell(fromJson).get(testIdx + " " + provider + " " + label);
    }

    @Test
    void theJsonIsOneRunWithItsEvalIdDescriptionAndDuration() throws IOException {
        CanonicalEvalRun run = fromJson.runs.get(0);
        assertThat(fromJson.runs).hasSize(1);
        assertThat(run.externalRunId).isEqualTo("eval-DSb-2026-11-27T06:02:51");
        assertThat(run.name).isEqualTo("Support ticket triage (fixture showcase)");
        assertThat(run.startedAt).isEqualTo(Instant.parse("2026-11-27T06:02:51.581Z"));
        assertThat(run.finishedAt).isEqualTo(Instant.parse("2026-11-27T06:02:56.949Z"));
        assertThat(run.providersJson).isEqualTo("[\"" + MINI + "\",\"" + NANO + "\"]");
        JsonNode prompts = PromptfooFiles.tree(run.promptsJson);
        assertThat(prompts).extracting(p -> p.get("label").asText(), p -> p.get("provider").asText()).containsExactly(
                tuple("triage-json", MINI), tuple("triage-word", MINI), tuple("triage-json", NANO),
                tuple("triage-word", NANO));
        assertThat(fromJson.rejections).isEmpty();
    }

    @Test
    void theJsonHasFourPassesTwelveFailuresAndFourErrors() {
        assertThat(fromJson.cases).hasSize(20);
        assertThat(fromJson.cases.stream().collect(Collectors.groupingBy(c -> c.status, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(CaseStatus.PASS, 4L, CaseStatus.FAIL, 12L, CaseStatus.ERROR, 4L));
        assertThat(fromJson.cases).filteredOn(c -> c.status == CaseStatus.PASS)
                .extracting(c -> c.testIndex, c -> c.provider, c -> c.promptLabel).containsExactlyInAnyOrder(
                        tuple(0, MINI, "triage-json"), tuple(1, MINI, "triage-json"),
                        tuple(2, MINI, "triage-json"), tuple(2, MINI, "triage-word"));
        assertThat(fromJson.cases).filteredOn(c -> c.status == CaseStatus.ERROR)
                .extracting(c -> c.testIndex).containsOnly(4);
    }

    @Test
    void aPassingCaseKeepsEverythingTheResultHas() throws IOException {
        CanonicalEvalCase pass = jsonCase(0, MINI, "triage-json");
        assertThat(pass.description).isEqualTo("double charge");
        assertThat(pass.promptText).endsWith("Ticket: I was charged twice for my subscription this month.");
        assertThat(pass.actualOutput).isEqualTo("{\"category\":\"billing\",\"urgency\":\"high\"}");
        assertThat(pass.expectedOutput).as("icontains {{category}}").isEqualTo("billing");
        assertThat(pass.score).isEqualTo(1.0);
        assertThat(pass.latencyMs).isEqualTo(440L);
        assertThat(pass.costUsd).isEqualByComparingTo(new BigDecimal("0.000016800000000000002"));
        assertThat(List.of(pass.inputTokens, pass.outputTokens, pass.totalTokens)).containsExactly(72L, 10L, 82L);
        assertThat(pass.namedScoresJson).isEqualTo("{\"category\":1,\"format\":1}");
        assertThat(pass.errorMessage).isNull();
        JsonNode assertions = PromptfooFiles.tree(pass.assertionsJson);
        assertThat(assertions).extracting(a -> a.get("type").asText()).containsExactly("icontains", "cost", "is-json");
        assertThat(assertions.get(0).get("value").asText()).isEqualTo("billing");
        assertThat(assertions.get(0).get("template").asText()).isEqualTo("{{category}}");
        assertThat(assertions.get(0).get("metric").asText()).isEqualTo("category");
        assertThat(assertions.get(1).get("threshold").decimalValue()).isEqualByComparingTo("0.001");
        assertThat(pass.checks).singleElement().satisfies(check -> {
            assertThat(check.source()).isEqualTo(CheckSource.GUARDRAIL);
            assertThat(check.label()).isEqualTo("not flagged");
            assertThat(check.passed()).isTrue();
        });
    }

    @Test
    void aFailedCaseSaysWhichAssertionFailed() throws IOException {
        CanonicalEvalCase slow = jsonCase(3, MINI, "triage-json");
        assertThat(slow.status).isEqualTo(CaseStatus.FAIL);
        assertThat(slow.errorMessage).isEqualTo("Latency 1321ms is greater than threshold 1000ms");
        assertThat(slow.latencyMs).isEqualTo(1321L);
        JsonNode latency = PromptfooFiles.tree(slow.assertionsJson).get(2);
        assertThat(latency.get("type").asText()).isEqualTo("latency");
        assertThat(latency.get("pass").asBoolean()).isFalse();
        assertThat(latency.get("threshold").asInt()).isEqualTo(1000);

        CanonicalEvalCase notEqual = jsonCase(1, MINI, "triage-word");
        assertThat(notEqual.expectedOutput).as("the equals value").isEqualTo("{\"category\":\"account\",\"urgency\":\"high\"}");
        assertThat(notEqual.actualOutput).isEqualTo("account");
        assertThat(notEqual.errorMessage)
                .isEqualTo("Expected output \"account\" to equal \"{\"category\":\"account\",\"urgency\":\"high\"}\"");
    }

    @Test
    void anErroredCallIsAnErrorCaseWithTheApiErrorAndNoGrading() {
        CanonicalEvalCase error = jsonCase(4, NANO, "triage-word");
        assertThat(error.status).isEqualTo(CaseStatus.ERROR);
        assertThat(error.errorMessage).startsWith("API error: 400 Bad Request\n").contains("context_length_exceeded");
        assertThat(error.actualOutput).isNull();
        assertThat(error.assertionsJson).isNull();
        assertThat(error.costUsd).as("promptfoo's default 0, nothing reported").isNull();
        assertThat(error.latencyMs).isEqualTo(92L);
        assertThat(error.expectedOutput).isEqualTo("bug");
    }

    @Test
    void theTestsVariablesKeyTheCaseAcrossProvidersAndPrompts() {
        Map<Integer, List<String>> keysByTest = fromJson.cases.stream().collect(Collectors.groupingBy(
                c -> c.testIndex, Collectors.mapping(c -> c.caseKey, Collectors.toList())));
        assertThat(keysByTest).hasSize(5);
        keysByTest.values().forEach(keys -> assertThat(keys).hasSize(4).containsOnly(keys.get(0)));
        assertThat(keysByTest.values().stream().map(keys -> keys.get(0)).distinct()).hasSize(5);
    }

    @Test
    void theJsonlGivesTheSameCasesAsTheJsonInARunNamedByItsFirstResult() {
        assertThat(fromJsonl.runs).singleElement().satisfies(run -> {
            assertThat(run.externalRunId).isEqualTo("first-result:" + FIRST_JSONL_RESULT_ID);
            assertThat(run.name).isEqualTo("results.jsonl");
            assertThat(run.providersJson).contains(MINI, NANO);
        });
        assertThat(fromJsonl.rejections).isEmpty();
        assertThat(fromJsonl.cases).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(fromJson.cases);
    }

    @Test
    void theCsvGivesACasePerRowAndPromptColumnWithWhatItKeeps() {
        assertThat(fromCsv.runs).singleElement().satisfies(run -> {
            assertThat(run.externalRunId).matches("sha256:[0-9a-f]{32}");
            assertThat(run.providersJson).isEqualTo("[\"" + MINI + "\",\"" + NANO + "\"]");
        });
        assertThat(fromCsv.rejections).isEmpty();
        assertThat(fromCsv.cases).hasSize(20);
        Map<String, CanonicalEvalCase> json = byCell(fromJson);
        fromCsv.cases.forEach(csv -> {
            CanonicalEvalCase same = json.get(csv.testIndex + " " + csv.provider + " " + csv.promptLabel);
            assertThat(same).as("a JSON case for %s %s %s", csv.testIndex, csv.provider, csv.promptLabel).isNotNull();
            assertThat(csv.caseKey).isEqualTo(same.caseKey);
            assertThat(csv.status).isEqualTo(same.status);
            assertThat(csv.description).isEqualTo(same.description);
            assertThat(csv.namedScoresJson).isEqualTo(same.namedScoresJson);
            if (csv.status != CaseStatus.ERROR) {
                assertThat(csv.actualOutput).isEqualTo(same.actualOutput);
                assertThat(csv.score).isEqualTo(Math.round(same.score * 100) / 100.0);
            }
            if (csv.status == CaseStatus.FAIL) {
                assertThat(csv.errorMessage).isEqualTo(same.errorMessage);
            }
        });
        CanonicalEvalCase errored = fromCsv.cases.stream().filter(c -> c.status == CaseStatus.ERROR)
                .min(Comparator.comparing(c -> c.provider)).orElseThrow();
        assertThat(errored.actualOutput).as("the CSV loses the error text").isNull();
        assertThat(errored.errorMessage).isNull();
        assertThat(errored.score).isEqualTo(0.0);
    }

    @Test
    void eachFileIsDetectedAsItsOwnFormat() throws IOException {
        FormatReaders readers = FormatReaders.standard();
        assertThat(readers.detect(PromptfooFiles.sniff(JSON)).orElseThrow().format()).isEqualTo(ImportFormat.PROMPTFOO_JSON);
        assertThat(readers.detect(PromptfooFiles.sniff(JSONL)).orElseThrow().format()).isEqualTo(ImportFormat.PROMPTFOO_JSONL);
        assertThat(readers.detect(PromptfooFiles.sniff(CSV)).orElseThrow().format()).isEqualTo(ImportFormat.PROMPTFOO_CSV);
        assertThat(new PromptfooJsonlReader().confidence(PromptfooFiles.sniff(JSONL))).isEqualTo(95);
        assertThat(new PromptfooCsvReader().confidence(PromptfooFiles.sniff(CSV))).isEqualTo(80);
        assertThat(new PromptfooJsonReader().confidence(PromptfooFiles.sniff(CSV))).isZero();
        assertThat(new PromptfooCsvReader().confidence(PromptfooFiles.sniff(JSONL))).isZero();
    }
}
