package dev.tracedesk.ingest.promptfoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;

/** The real promptfoo 0.118.10 export kept by promptfoo's own tests (fixtures/promptfoo-upstream). */
class PromptfooUpstreamExportTest {

    private static CollectingSink sink;

    @BeforeAll
    static void readTheExport() throws IOException {
        sink = PromptfooFiles.read(new PromptfooJsonReader(), PromptfooFiles.UPSTREAM_EXPORT);
    }

    @Test
    void theEvalBecomesOneRunNamedByItsDescription() throws IOException {
        assertThat(sink.runs).hasSize(1);
        CanonicalEvalRun run = sink.runs.get(0);
        assertThat(run.tool).isEqualTo("promptfoo");
        assertThat(run.externalRunId).isEqualTo("eval-WJi-2025-10-01T20:08:11");
        assertThat(run.name).isEqualTo("Comparing OpenAI flagship and mini models performance on riddles");
        assertThat(run.startedAt).isEqualTo(Instant.parse("2025-10-01T20:08:11.168Z"));
        assertThat(run.finishedAt).as("stats has no durationMs").isNull();
        assertThat(PromptfooFiles.tree(run.providersJson)).containsExactly(
                PromptfooFiles.tree("\"openai:gpt-5\""), PromptfooFiles.tree("\"openai:gpt-5-mini\""));
        JsonNode prompts = PromptfooFiles.tree(run.promptsJson);
        assertThat(prompts).hasSize(2);
        assertThat(prompts.get(1).get("label").asText()).isEqualTo("Solve this riddle: {{riddle}}");
        assertThat(prompts.get(1).get("raw").asText()).isEqualTo("Solve this riddle: {{riddle}}");
        assertThat(prompts.get(1).get("provider").asText()).isEqualTo("openai:gpt-5-mini");
        assertThat(PromptfooFiles.tree(run.configJson).at("/defaultTest/assert/1/threshold").asInt()).isEqualTo(3000);
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void everyResultBecomesACaseOfItsTestProviderAndPrompt() {
        assertThat(sink.cases).extracting(c -> c.testIndex, c -> c.provider, c -> c.promptLabel).containsExactly(
                tuple(0, "openai:gpt-5-mini", "Solve this riddle: {{riddle}}"),
                tuple(0, "openai:gpt-5", "Solve this riddle: {{riddle}}"),
                tuple(1, "openai:gpt-5-mini", "Solve this riddle: {{riddle}}"),
                tuple(1, "openai:gpt-5", "Solve this riddle: {{riddle}}"));
        assertThat(sink.cases).extracting(c -> c.status).containsOnly(CaseStatus.FAIL);
    }

    @Test
    void theSameTestHasTheSameCaseKeyUnderEveryProvider() {
        assertThat(sink.cases.get(0).caseKey).isEqualTo(sink.cases.get(1).caseKey).startsWith("v:");
        assertThat(sink.cases.get(2).caseKey).isEqualTo(sink.cases.get(3).caseKey)
                .isNotEqualTo(sink.cases.get(0).caseKey);
    }

    @Test
    void aCaseKeepsItsRenderedPromptOutputUsageCostAndLatency() {
        CanonicalEvalCase first = sink.cases.get(0);
        assertThat(first.promptText).isEqualTo("Solve this riddle: I speak without a mouth and hear without ears. "
                + "I have no body, but I come alive with wind. What am I?");
        assertThat(first.actualOutput).startsWith("Answer: An echo.\n\nExplanation:");
        assertThat(first.score).isEqualTo(0.75);
        assertThat(first.latencyMs).isEqualTo(5794L);
        assertThat(first.costUsd).isEqualByComparingTo(new BigDecimal("0.00049925"));
        assertThat(first.inputTokens).isEqualTo(37L);
        assertThat(first.outputTokens).as("completion tokens, reasoning included").isEqualTo(245L);
        assertThat(first.totalTokens).isEqualTo(282L);
        assertThat(first.errorMessage).isEqualTo("Latency 5794ms is greater than threshold 3000ms");
        assertThat(first.varsJson).contains("\"riddle\":\"I speak without a mouth");
        assertThat(first.namedScoresJson).as("namedScores is {}").isNull();
        assertThat(first.traceId).isNull();

        CanonicalEvalCase last = sink.cases.get(3);
        assertThat(last.costUsd).isEqualByComparingTo(new BigDecimal("0.0010712500000000002"));
        assertThat(last.actualOutput).isEqualTo("Because “single” is the trick: everyone on the boat is married, "
                + "so you don’t see a single (unmarried) person.");
        assertThat(last.score).isEqualTo(0.6666666666666666);
    }

    @Test
    void everyAssertionResultIsKeptWithItsTypeValueThresholdAndReason() throws IOException {
        JsonNode assertions = PromptfooFiles.tree(sink.cases.get(1).assertionsJson);
        assertThat(assertions).hasSize(4);
        assertThat(assertions.get(0).get("path").asText()).isEqualTo("0");
        assertThat(assertions.get(0).get("type").asText()).isEqualTo("cost");
        assertThat(assertions.get(0).get("threshold").decimalValue()).isEqualByComparingTo("0.002");
        assertThat(assertions.get(0).get("pass").asBoolean()).isFalse();
        assertThat(assertions.get(0).get("reason").asText()).isEqualTo("Cost 0.0021 is greater than threshold 0.002");
        assertThat(assertions.get(1).get("type").asText()).isEqualTo("latency");
        assertThat(assertions.get(1).get("score").asInt()).isZero();
        assertThat(assertions.get(2).get("value").asText()).isEqualTo("echo");
        assertThat(assertions.get(3).get("type").asText()).isEqualTo("llm-rubric");
        assertThat(assertions.get(3).get("value").asText()).isEqualTo("Do not apologize");
        assertThat(assertions.get(3).get("reason").asText())
                .isEqualTo("The output contains only the phrase 'An echo.' and does not include any apologies.");
        assertThat(assertions.get(3).get("pass").asBoolean()).isTrue();
    }

    @Test
    void theExpectedOutputIsTheOneContainsValueAndNoneForARubricOnlyTest() {
        assertThat(sink.cases.get(0).expectedOutput).isEqualTo("echo");
        assertThat(sink.cases.get(2).expectedOutput).as("llm-rubric is no expected output").isNull();
    }

    @Test
    void aGzippedExportReadsTheSame(@TempDir Path dir) throws IOException {
        Path gzipped = PromptfooFiles.gzip(dir, "results.json.gz", PromptfooFiles.UPSTREAM_EXPORT);
        CollectingSink fromGzip = PromptfooFiles.read(new PromptfooJsonReader(), gzipped);
        assertThat(fromGzip.runs.get(0).externalRunId).isEqualTo("eval-WJi-2025-10-01T20:08:11");
        assertThat(fromGzip.cases).extracting(c -> c.caseKey)
                .containsExactlyElementsOf(sink.cases.stream().map(c -> c.caseKey).toList());
    }

    @Test
    void onlyTheJsonReaderClaimsTheExport() throws IOException {
        var sniff = PromptfooFiles.sniff(PromptfooFiles.UPSTREAM_EXPORT);
        assertThat(new PromptfooJsonReader().confidence(sniff)).isEqualTo(100);
        assertThat(new PromptfooJsonlReader().confidence(sniff)).isZero();
        assertThat(new PromptfooCsvReader().confidence(sniff)).isZero();
    }
}
