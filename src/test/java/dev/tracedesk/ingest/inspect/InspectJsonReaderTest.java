package dev.tracedesk.ingest.inspect;

import static dev.tracedesk.ingest.inspect.InspectFixtures.read;
import static dev.tracedesk.ingest.inspect.InspectFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.Sniff;

class InspectJsonReaderTest {

    private final InspectJsonReader reader = new InspectJsonReader();

    @TempDir
    Path dir;

    private Path realLog() throws IOException {
        return write(dir, "input-task.json", InspectFixtures.realLogBytes());
    }

    @Test
    void detectsTheRealLogWithFullConfidence() throws IOException {
        assertThat(reader.confidence(Sniff.of(ImportSource.of(realLog())))).isEqualTo(100);
        assertThat(reader.confidence(Sniff.ofText("x.json", "{\"resourceSpans\":[]}"))).isZero();
        assertThat(reader.confidence(Sniff.ofText("x.json", "{\"evalId\":\"e\",\"results\":{}}"))).isZero();
    }

    @Test
    void theRealLogBecomesOneRunWithItsIdTaskTimesAndModel() throws IOException {
        CollectingSink sink = read(reader, realLog());

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.runs).hasSize(1);
        CanonicalEvalRun run = sink.runs.get(0);
        assertThat(run.tool).isEqualTo("inspect");
        assertThat(run.externalRunId).isEqualTo("2BnNsHEspZ94qvnbpxq9wJ");
        assertThat(run.name).isEqualTo("input_task");
        assertThat(run.startedAt).isEqualTo(Instant.parse("2024-11-05T18:31:45Z"));
        assertThat(run.finishedAt).isEqualTo(Instant.parse("2024-11-05T18:32:19Z"));
        assertThat(run.providersJson).isEqualTo("[\"openai/gpt-4o-mini\"]");
        JsonNode config = JsonValues.MAPPER.readTree(run.configJson);
        assertThat(config.at("/results/scores/0/metrics/accuracy/value").asDouble()).isEqualTo(1.0);
        assertThat(config.at("/stats/model_usage/openai~1gpt-4o-mini/total_tokens").asLong()).isEqualTo(463);
        assertThat(config.at("/plan/steps/0/solver").asText()).isEqualTo("input_solver");
        assertThat(config.has("samples")).isFalse();
    }

    @Test
    void theRealSampleBecomesAPassingCaseWithItsAnswerTokensAndGrading() throws IOException {
        CanonicalEvalCase evalCase = read(reader, realLog()).cases.get(0);

        assertThat(evalCase.caseKey).isEqualTo("id:1");
        assertThat(evalCase.provider).isEqualTo("openai/gpt-4o-mini");
        assertThat(evalCase.testIndex).isZero();
        assertThat(evalCase.promptText).startsWith("Hey there, hipster! Please answer any questions");
        assertThat(evalCase.expectedOutput).isEmpty();
        assertThat(evalCase.actualOutput).startsWith("Yo, in February, St. Paul usually chills")
                .contains("10°F (-12°C)").endsWith("fam! ❄️🧣");
        assertThat(evalCase.status).isEqualTo(CaseStatus.PASS);
        assertThat(evalCase.score).isEqualTo(1.0);
        assertThat(evalCase.inputTokens).isEqualTo(53);
        assertThat(evalCase.outputTokens).isEqualTo(46);
        assertThat(evalCase.totalTokens).isEqualTo(99);
        assertThat(evalCase.costUsd).isNull();
        assertThat(JsonValues.MAPPER.readTree(evalCase.varsJson).get("input").asText())
                .startsWith("Hey there, hipster!");
        JsonNode assertion = JsonValues.MAPPER.readTree(evalCase.assertionsJson).get(0);
        assertThat(assertion.get("type").asText()).isEqualTo("model_graded_fact");
        assertThat(assertion.get("pass").asBoolean()).isTrue();
        assertThat(assertion.get("score").asDouble()).isEqualTo(1.0);
        assertThat(assertion.get("value").asText()).startsWith("Yo, in February");
        assertThat(assertion.get("reason").asText()).endsWith("I conclude with GRADE: C.");
        assertThat(assertion.get("scoreValue").asText()).isEqualTo("C");
        assertThat(evalCase.namedScoresJson).isEqualTo("{\"model_graded_fact\":1.0}");
        assertThat(evalCase.traceId).isEqualTo("2BnNsHEspZ94qvnbpxq9wJ/1/1");
    }

    @Test
    void theRealTranscriptBecomesATraceWithOneLlmSpanPerModelCall() throws IOException {
        CollectingSink sink = read(reader, realLog());

        assertThat(sink.spans).extracting(span -> span.spanId).containsExactly("sample", "model-6", "model-10");
        assertThat(sink.spans).allSatisfy(span -> assertThat(span.traceId).isEqualTo("2BnNsHEspZ94qvnbpxq9wJ/1/1"));
        CanonicalSpan root = sink.span("sample");
        assertThat(root.kind).isEqualTo(SpanKind.CHAIN);
        assertThat(root.traceName).isEqualTo("input_task sample 1");
        assertThat(root.startNs).isEqualTo(JsonValues.epochNanos(Instant.parse("2024-11-05T18:31:45.581641Z")));
        assertThat(root.durationNs).isEqualTo(34_335_754_000L);
        // the human input event is kept with its ANSI escapes and box drawing as written
        assertThat(root.eventsJson).contains("\\u001B[2K").contains("───── Question Request");

        CanonicalSpan answer = sink.span("model-6");
        assertThat(answer.kind).isEqualTo(SpanKind.LLM);
        assertThat(answer.parentSpanId).isEqualTo("sample");
        assertThat(answer.provider).isEqualTo("openai");
        assertThat(answer.requestedModel).isEqualTo("openai/gpt-4o-mini");
        assertThat(answer.servedModel).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(answer.parametersJson).isEqualTo("{\"max_connections\":4}");
        assertThat(answer.inputTokens).isEqualTo(53);
        assertThat(answer.outputTokens).isEqualTo(46);
        assertThat(answer.totalTokens).isEqualTo(99);
        assertThat(answer.status).isEqualTo(SpanStatus.OK);
        assertThat(answer.messages(MessageDirection.INPUT)).extracting(m -> m.content()).containsExactly(
                "Hey there, hipster! Please answer any questions that I answer using the type of lingo that Gen Z would use.",
                "What is average low temperature in St. Paul, Minnesota during the month of February?");
        assertThat(answer.messages(MessageDirection.OUTPUT)).singleElement().satisfies(message -> {
            assertThat(message.role()).isEqualTo("assistant");
            assertThat(message.content()).startsWith("Yo, in February");
            assertThat(message.finishReason()).isEqualTo("stop");
        });
        assertThat(answer.attributesJson).contains("chatcmpl-AQIdcXftfV5dUHWHuWDnT3Jysck4f")
                .doesNotContain("attachment://");

        CanonicalSpan grader = sink.span("model-10");
        assertThat(grader.totalTokens).isEqualTo(364);
        assertThat(grader.inputText).startsWith("user: \nYou are comparing a submitted answer");
    }

    @Test
    void readsAGzippedLogLikeAPlainOne() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(InspectFixtures.realLogBytes());
        }
        CollectingSink sink = read(reader, write(dir, "log.json.gz", gzipped.toByteArray()));

        assertThat(sink.cases).singleElement().satisfies(c -> assertThat(c.totalTokens).isEqualTo(99));
    }

    @Test
    void findsTheHeaderWhenItComesAfterTheSamples() throws IOException {
        ObjectNode header = InspectFixtures.realHeader();
        String log = "{\"samples\":[" + InspectFixtures.realSample() + "],"
                + header.toString().substring(1);
        CollectingSink sink = read(reader, write(dir, "late-header.json", log));

        assertThat(sink.runs).singleElement().satisfies(run -> assertThat(run.externalRunId).isEqualTo("2BnNsHEspZ94qvnbpxq9wJ"));
        assertThat(sink.cases).singleElement().satisfies(c -> assertThat(c.status).isEqualTo(CaseStatus.PASS));
    }

    @Test
    void aTruncatedLogKeepsTheSamplesBeforeTheBreakAndRejectsTheRest() throws IOException {
        String sample = InspectFixtures.realSample().toString();
        String secondSample = sample.replace("\"id\":1,", "\"id\":2,");
        String log = "{\"version\":2,\"eval\":" + InspectFixtures.realHeader().get("eval") + ",\"samples\":["
                + sample + ",\n" + secondSample.substring(0, secondSample.length() / 2);
        CollectingSink sink = read(reader, write(dir, "truncated.json", log));

        assertThat(sink.cases).extracting(c -> c.caseKey).containsExactly("id:1");
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("$.samples[1]");
            assertThat(rejection.lineNumber()).isEqualTo(2);
            assertThat(rejection.rawText()).startsWith("{\"id\":2,").hasSize(secondSample.length() / 2);
            assertThat(rejection.reason()).contains("breaks").contains("end-of-input");
        });
    }

    @Test
    void aLogBrokenBeforeItsEvalHeaderIsRefusedNamingTheFile() throws IOException {
        Path file = write(dir, "broken.json", "{\"version\":2,\"status\":\"success\",\"eval\":{\"run_id\":\"abc");

        assertThatThrownBy(() -> read(reader, file)).isInstanceOf(IOException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("eval header");
    }

    @Test
    void anEmptyFileOrAnotherJsonShapeIsRefusedNamingTheFile() throws IOException {
        Path empty = write(dir, "empty.json", "");
        Path array = write(dir, "array.json", "[1,2]");
        Path other = write(dir, "other.json", "{\"version\":3,\"results\":[]}");

        assertThatThrownBy(() -> read(reader, empty)).hasMessageContaining("empty.json").hasMessageContaining("empty");
        assertThatThrownBy(() -> read(reader, array)).hasMessageContaining("array.json").hasMessageContaining("[");
        assertThatThrownBy(() -> read(reader, other)).hasMessageContaining("other.json").hasMessageContaining("\"eval\"");
    }

    @Test
    void aNullSampleIsRejectedAndTheOthersImported() throws IOException {
        String sample = InspectFixtures.realSample().toString();
        String log = "{\"version\":2,\"eval\":" + InspectFixtures.realHeader().get("eval") + ",\"samples\":[null,\n"
                + sample + ",\"text\"]}";
        CollectingSink sink = read(reader, write(dir, "nulls.json", log));

        assertThat(sink.cases).extracting(c -> c.testIndex).containsExactly(1);
        assertThat(sink.rejections).extracting(r -> r.locator()).containsExactly("$.samples[0]", "$.samples[2]");
        assertThat(sink.rejections.get(0).reason()).contains("null where an Inspect EvalSample object belongs");
        assertThat(sink.rejections.get(1).rawText()).isEqualTo("\"text\"");
    }

    @Test
    void invalidUtf8InASampleKeepsTheSamplesBeforeItAndRejectsFromThere() throws IOException {
        String head = "{\"version\":2,\"eval\":" + InspectFixtures.realHeader().get("eval") + ",\"samples\":["
                + InspectFixtures.realSample() + ",\n{\"id\":2,\"input\":\"caf";
        byte[] bytes = concat(head.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                "\"}]}".getBytes(StandardCharsets.UTF_8));
        CollectingSink sink = read(reader, write(dir, "bad-utf8.json", bytes));

        assertThat(sink.cases).hasSize(1);
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("$.samples[1]");
            assertThat(rejection.reason()).containsIgnoringCase("UTF-8");
            assertThat(rejection.rawText()).startsWith("{\"id\":2,\"input\":\"caf");
        });
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
