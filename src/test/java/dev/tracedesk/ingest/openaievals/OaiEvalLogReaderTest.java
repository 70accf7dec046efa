package dev.tracedesk.ingest.openaievals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.Sniff;

class OaiEvalLogReaderTest {

    static final String REAL_LOG = "/fixtures/openai-evals/auto-gpt-benchmarks-oaieval-test-match.jsonl";
    private static final String SPEC = "{\"spec\": {\"completion_fns\": [\"gpt-4o-mini\"], \"eval_name\": \"qa.dev.v0\", "
            + "\"run_config\": {\"seed\": 1}, \"run_id\": \"RUN1\", \"created_at\": \"2024-05-01 10:00:00.000000\"}}";

    private final OaiEvalLogReader reader = new OaiEvalLogReader();

    @TempDir
    Path dir;

    static List<String> realLines() throws IOException {
        try (InputStream in = OaiEvalLogReaderTest.class.getResourceAsStream(REAL_LOG)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private Path file(List<String> lines) throws IOException {
        return Files.write(dir.resolve("log.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private CollectingSink read(OaiEvalLogReader reader, Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        reader.read(ImportSource.of(file), sink);
        return sink;
    }

    private static String event(int id, String sample, String type, String data) {
        return "{\"run_id\": \"RUN1\", \"event_id\": " + id + ", \"sample_id\": \"" + sample + "\", \"type\": \"" + type
                + "\", \"data\": " + data + ", \"created_by\": \"\", \"created_at\": \"2024-05-01 10:00:0" + (id % 10)
                + ".000000+00:00\"}";
    }

    @Test
    void detectsALogFromItsSpecOrEventLinesOnly() throws IOException {
        List<String> lines = realLines();

        assertThat(reader.confidence(Sniff.of(ImportSource.of(file(lines))))).isEqualTo(100);
        assertThat(reader.confidence(Sniff.ofText("x.jsonl", lines.get(2)))).isEqualTo(100);
        assertThat(reader.confidence(Sniff.ofText("x.jsonl",
                "{\"run_id\":\"evalrun_1\",\"data_source_idx\":1,\"item\":{}}"))).isZero();
        assertThat(reader.confidence(Sniff.ofText("x.jsonl", "{\"spec\":\"a promptfoo var\"}"))).isZero();
    }

    @Test
    void theRealLogBecomesOneRunWithItsSpecAndFinalReport() throws IOException {
        CollectingSink sink = read(reader, file(realLines()));

        assertThat(sink.rejections).isEmpty();
        CanonicalEvalRun run = sink.runs.get(0);
        assertThat(sink.runs).hasSize(1);
        assertThat(run.tool).isEqualTo("openai-evals");
        assertThat(run.externalRunId).isEqualTo("230417220821DPM75QNS");
        assertThat(run.name).isEqualTo("test-match.s1.simple-v0");
        assertThat(run.startedAt).isEqualTo(Instant.parse("2023-04-17T22:08:21.904498Z"));
        assertThat(run.finishedAt).isEqualTo(Instant.parse("2023-04-17T22:12:04.691064Z"));
        assertThat(run.providersJson).isEqualTo("[\"auto_gpt_completion_fn\"]");
        JsonNode config = JsonValues.MAPPER.readTree(run.configJson);
        assertThat(config.at("/final_report/accuracy").asDouble()).isEqualTo(1.0 / 3);
        assertThat(config.at("/run_config/eval_spec/cls").asText()).isEqualTo("evals.elsuite.basic.match:Match");
        assertThat(config.at("/run_config/seed").asLong()).isEqualTo(20220722);
    }

    @Test
    void theRealLogHasThreeSamplesOfWhichOneIsCorrect() throws IOException {
        CollectingSink sink = read(reader, file(realLines()));

        assertThat(sink.cases).extracting(c -> c.caseKey)
                .containsExactly("id:test-match.s1.2", "id:test-match.s1.1", "id:test-match.s1.0");
        assertThat(sink.cases).extracting(c -> c.status)
                .containsExactly(CaseStatus.FAIL, CaseStatus.PASS, CaseStatus.FAIL);
        assertThat(sink.cases).extracting(c -> c.score).containsExactly(0.0, 1.0, 0.0);
        assertThat(sink.cases).extracting(c -> c.testIndex).containsExactly(2, 1, 0);

        CanonicalEvalCase washington = sink.cases.get(1);
        assertThat(washington.provider).isEqualTo("auto_gpt_completion_fn");
        assertThat(washington.promptText).isEqualTo(
                "Complete the phrase as concisely as possible.\nUser: The first US president was \nAssistant: ");
        assertThat(washington.actualOutput).isEqualTo("George Washington");
        assertThat(washington.expectedOutput).isEqualTo("George Washington");
        assertThat(washington.traceId).isEqualTo("230417220821DPM75QNS/test-match.s1.1");

        CanonicalEvalCase founded = sink.cases.get(0);
        assertThat(founded.actualOutput).isEqualTo("OpenAI was founded in 2015.2015");
        assertThat(founded.expectedOutput).isEqualTo("15");
        JsonNode match = JsonValues.MAPPER.readTree(founded.assertionsJson).get(0);
        assertThat(match.get("type").asText()).isEqualTo("match");
        assertThat(match.get("pass").asBoolean()).isFalse();
        assertThat(match.get("value").asText()).isEqualTo("15");
        assertThat(match.get("reason").asText()).isEqualTo("no expected answer picked from the sample");
        assertThat(match.at("/data/options/0").asText()).isEqualTo("15");
    }

    @Test
    void eachSampleIsATraceOfItsEvents() throws IOException {
        CollectingSink sink = read(reader, file(realLines()));

        List<CanonicalSpan> first = sink.spans.stream()
                .filter(span -> span.traceId.equals("230417220821DPM75QNS/test-match.s1.2")).toList();
        assertThat(first).extracting(span -> span.spanId).containsExactly("sample", "event-0", "event-1");
        CanonicalSpan sampling = first.get(1);
        assertThat(sampling.kind).isEqualTo(SpanKind.LLM);
        assertThat(sampling.requestedModel).isEqualTo("auto_gpt_completion_fn");
        assertThat(sampling.outputText).isEqualTo("OpenAI was founded in 2015.2015");
        assertThat(sampling.startNs).isEqualTo(JsonValues.epochNanos(Instant.parse("2023-04-17T22:10:13.127375Z")));
        assertThat(sampling.attributesJson).contains("\"event_id\":0");
        assertThat(first.get(2).kind).isEqualTo(SpanKind.EVALUATOR);
        assertThat(first.get(0).durationNs).isEqualTo(175_000L);
    }

    @Test
    void aFinalReportAfterTheEventsStillReachesTheRun() throws IOException {
        List<String> lines = new ArrayList<>(realLines());
        lines.add(lines.remove(1));
        CollectingSink sink = read(reader, file(lines));

        assertThat(sink.runs.get(0).configJson).contains("\"final_report\":{\"accuracy\":0.3333333333333333}");
        assertThat(sink.cases).hasSize(3);
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void interleavedSamplesAreGroupedBySampleId() throws IOException {
        CollectingSink sink = read(reader, file(List.of(SPEC,
                event(0, "qa.dev.0", "sampling", "{\"prompt\": \"a?\", \"sampled\": \"A\"}"),
                event(1, "qa.dev.1", "sampling", "{\"prompt\": \"b?\", \"sampled\": \"B\"}"),
                event(2, "qa.dev.1", "match", "{\"correct\": true, \"expected\": \"B\", \"picked\": \"B\"}"),
                event(3, "qa.dev.0", "match", "{\"correct\": false, \"expected\": [\"X\", \"Y\"], \"picked\": null}"))));

        assertThat(sink.cases).extracting(c -> c.caseKey + " " + c.actualOutput + " " + c.status)
                .containsExactly("id:qa.dev.0 A FAIL", "id:qa.dev.1 B PASS");
        assertThat(sink.cases.get(0).expectedOutput).isEqualTo("X\nY");
    }

    @Test
    void aSampleClosedToBoundMemoryRejectsItsLateEventsInsteadOfSplittingTheCase() throws IOException {
        OaiEvalLogReader narrow = new OaiEvalLogReader(2, 1_000_000);
        CollectingSink sink = read(narrow, file(List.of(SPEC,
                event(0, "s.0", "sampling", "{\"prompt\": \"p\", \"sampled\": \"a\"}"),
                event(1, "s.1", "sampling", "{\"prompt\": \"p\", \"sampled\": \"b\"}"),
                event(2, "s.2", "sampling", "{\"prompt\": \"p\", \"sampled\": \"c\"}"),
                event(3, "s.0", "match", "{\"correct\": true, \"expected\": \"a\"}"))));

        assertThat(sink.cases).extracting(c -> c.caseKey).containsExactly("id:s.0", "id:s.1", "id:s.2");
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("line 5");
            assertThat(rejection.reason()).contains("after that sample was closed");
        });
    }

    @Test
    void badLinesAreRejectedWithTheirLineAndTheRestImported() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : List.of(SPEC, event(0, "s.0", "sampling", "{\"prompt\": \"p\", \"sampled\": \"a\"}"),
                "{\"run_id\": \"RUN1\", \"event_id\": 1, \"sample_id\": \"s.0\", \"type\": \"match\", \"da",
                "null", event(2, "", "match", "{}"), event(3, "s.1", "sampling", "{}").replace("RUN1", "RUN2"),
                "{\"something\": \"else\"}")) {
            bytes.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(new byte[] {'{', '"', (byte) 0xFF, '"', '}', '\n'});
        CollectingSink sink = read(reader, Files.write(dir.resolve("bad.jsonl"), bytes.toByteArray()));

        assertThat(sink.cases).extracting(c -> c.caseKey).containsExactly("id:s.0");
        assertThat(sink.rejections).extracting(r -> r.locator())
                .containsExactly("line 3", "line 4", "line 5", "line 6", "line 7", "line 8");
        assertThat(sink.rejections).extracting(r -> r.reason()).satisfiesExactly(
                reason -> assertThat(reason).startsWith("not valid JSON"),
                reason -> assertThat(reason).contains("null where an oaieval log line"),
                reason -> assertThat(reason).contains("without a sample_id"),
                reason -> assertThat(reason).contains("an event of run RUN2"),
                reason -> assertThat(reason).contains("neither a spec"),
                reason -> assertThat(reason).contains("invalid UTF-8"));
        assertThat(sink.rejections.get(0).rawText()).endsWith("\"type\": \"match\", \"da");
    }

    @Test
    void anErrorEventMakesAnErroredCase() throws IOException {
        CollectingSink sink = read(reader, file(List.of(SPEC,
                event(0, "s.0", "sampling", "{\"prompt\": [{\"role\": \"system\", \"content\": \"Be terse.\"}, "
                        + "{\"role\": \"user\", \"content\": \"2+2?\"}], \"sampled\": [\"4\"]}"),
                event(1, "s.0", "error", "{\"type\": \"RateLimitError\", \"message\": \"slow down\"}"))));

        CanonicalEvalCase evalCase = sink.cases.get(0);
        assertThat(evalCase.status).isEqualTo(CaseStatus.ERROR);
        assertThat(evalCase.errorMessage).isEqualTo("RateLimitError: slow down");
        assertThat(evalCase.promptText).isEqualTo("system: Be terse.\nuser: 2+2?");
        assertThat(evalCase.actualOutput).isEqualTo("4");
        assertThat(sink.span("event-0").messages).hasSize(3);
    }

    @Test
    void aModelGradedSampleTakesItsVerdictFromItsMetrics() throws IOException {
        CollectingSink sink = read(reader, file(List.of(SPEC,
                event(0, "s.0", "sampling", "{\"prompt\": \"Write a haiku\", \"sampled\": \"An old pond\"}"),
                event(1, "s.0", "sampling", "{\"prompt\": \"Grade it\", \"sampled\": \"Y\"}"),
                event(2, "s.0", "metrics", "{\"choice\": \"Y\", \"score\": 1.0}"))));

        CanonicalEvalCase evalCase = sink.cases.get(0);
        assertThat(evalCase.status).isEqualTo(CaseStatus.PASS);
        assertThat(evalCase.score).isEqualTo(1.0);
        assertThat(evalCase.actualOutput).isEqualTo("An old pond");
        assertThat(evalCase.namedScoresJson).isEqualTo("{\"score\":1.0}");
    }

    @Test
    void anEmptyFileIsRefusedNamingTheFile() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");

        assertThatThrownBy(() -> read(reader, empty)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty.jsonl").hasMessageContaining("oaieval");
    }

    @Test
    void aBinaryFileIsRefusedNamingTheFile() throws IOException {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        Path binary = Files.write(dir.resolve("image.png"), noise);

        assertThatThrownBy(() -> read(reader, binary)).isInstanceOf(IOException.class)
                .hasMessageContaining("image.png").hasMessageContaining("no run spec");
    }
}
