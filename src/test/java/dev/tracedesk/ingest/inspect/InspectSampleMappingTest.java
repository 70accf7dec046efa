package dev.tracedesk.ingest.inspect;

import static dev.tracedesk.ingest.inspect.InspectFixtures.read;
import static dev.tracedesk.ingest.inspect.InspectFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.source.JsonValues;

/** How the parts of an EvalSample map, on small logs written inline. */
class InspectSampleMappingTest {

    @TempDir
    Path dir;

    private CollectingSink readSamples(String... samples) throws IOException {
        String log = "{\"version\":2,\"status\":\"success\",\"eval\":{\"run_id\":\"R1\",\"task\":\"t\","
                + "\"created\":\"2025-01-02T03:04:05+00:00\",\"model\":\"anthropic/claude-3-5-haiku\"},"
                + "\"samples\":[" + String.join(",", samples) + "]}";
        return read(new InspectJsonReader(), write(dir, "log.json", log));
    }

    private CanonicalEvalCase readCase(String sample) throws IOException {
        CollectingSink sink = readSamples(sample);
        assertThat(sink.rejections).isEmpty();
        return sink.cases.get(0);
    }

    @ParameterizedTest(name = "score value {0} means {1} with score {2}")
    @CsvSource(delimiter = '|', value = {
        "\"C\"      | PASS | 1.0",
        "\"I\"      | FAIL | 0.0",
        "\"P\"      | FAIL | 0.5",
        "\"N\"      | FAIL | 0.0",
        "1          | PASS | 1.0",
        "0.75       | FAIL | 0.75",
        "true       | PASS | 1.0",
        "false      | FAIL | 0.0",
        "\"1.0\"    | PASS | 1.0",
        "\"yes\"    | PASS | 1.0",
        "{\"a\":1,\"b\":0.5} | FAIL | 0.75",
        "{\"a\":\"C\",\"b\":true} | PASS | 1.0",
    })
    void scoreValuesMapToStatusAndScore(String value, CaseStatus status, double score) throws IOException {
        CanonicalEvalCase evalCase = readCase("{\"id\":\"q1\",\"epoch\":1,\"input\":\"x\",\"target\":\"y\","
                + "\"scores\":{\"match\":{\"value\":" + value + ",\"answer\":\"y\",\"explanation\":\"because\"}}}");

        assertThat(evalCase.status).isEqualTo(status);
        assertThat(evalCase.score).isEqualTo(score);
        JsonNode assertion = JsonValues.MAPPER.readTree(evalCase.assertionsJson).get(0);
        assertThat(assertion.get("pass").asBoolean()).isEqualTo(status == CaseStatus.PASS);
        assertThat(assertion.get("reason").asText()).isEqualTo("because");
        assertThat(assertion.get("value").asText()).isEqualTo("y");
    }

    @Test
    void aCasePassesOnlyWhenEveryScorerPassesAndScoresTheirMean() throws IOException {
        CanonicalEvalCase evalCase = readCase("{\"id\":1,\"input\":\"x\",\"target\":\"y\",\"scores\":{"
                + "\"exact\":{\"value\":\"C\"},\"includes\":{\"value\":\"I\"}}}");

        assertThat(evalCase.status).isEqualTo(CaseStatus.FAIL);
        assertThat(evalCase.score).isEqualTo(0.5);
        assertThat(evalCase.namedScoresJson).isEqualTo("{\"exact\":1.0,\"includes\":0.0}");
    }

    @Test
    void anUnscoredSampleFailsWithoutScore() throws IOException {
        CanonicalEvalCase evalCase = readCase("{\"id\":1,\"input\":\"x\",\"target\":\"y\"}");

        assertThat(evalCase.status).isEqualTo(CaseStatus.FAIL);
        assertThat(evalCase.score).isNull();
        assertThat(evalCase.assertionsJson).isEqualTo("[]");
    }

    @Test
    void aSampleErrorMakesAnErroredCaseWithItsMessage() throws IOException {
        CollectingSink sink = readSamples("{\"id\":7,\"input\":\"x\",\"target\":\"y\",\"scores\":{\"m\":{\"value\":\"C\"}},"
                + "\"error\":{\"message\":\"RuntimeError('sandbox died')\",\"traceback\":\"Traceback …\"}}");

        assertThat(sink.cases.get(0).status).isEqualTo(CaseStatus.ERROR);
        assertThat(sink.cases.get(0).errorMessage).isEqualTo("RuntimeError('sandbox died')");
        assertThat(sink.span("sample").status).isEqualTo(SpanStatus.ERROR);
    }

    @Test
    void chatInputIsRenderedAsRoleLinesAndATargetListOnePerLine() throws IOException {
        CanonicalEvalCase evalCase = readCase("{\"id\":1,\"input\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is shown?\"},"
                + "{\"type\":\"image\",\"image\":\"attachment://img\"}]}],"
                + "\"target\":[\"a cat\",\"cat\"],\"attachments\":{\"img\":\"data:image/png;base64,AAAA\"},"
                + "\"output\":{\"model\":\"claude-3-5-haiku-20241022\",\"choices\":[{\"message\":{\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"reasoning\",\"reasoning\":\"hmm\"},{\"type\":\"text\",\"text\":\"A cat.\"}]}}]}}");

        assertThat(evalCase.promptText).isEqualTo("system: Be brief.\nuser: What is shown?\n[image]");
        assertThat(evalCase.expectedOutput).isEqualTo("a cat\ncat");
        assertThat(evalCase.actualOutput).isEqualTo("A cat.");
        assertThat(JsonValues.MAPPER.readTree(evalCase.varsJson).at("/input/1/content/1/image").asText())
                .isEqualTo("data:image/png;base64,AAAA");
    }

    @Test
    void laterEpochsGetTheirOwnCaseKeyAndTrace() throws IOException {
        CollectingSink sink = readSamples("{\"id\":\"q\",\"epoch\":1,\"input\":\"x\",\"target\":\"y\"}",
                "{\"id\":\"q\",\"epoch\":2,\"input\":\"x\",\"target\":\"y\"}");

        assertThat(sink.cases).extracting(c -> c.caseKey).containsExactly("id:q", "id:q#2");
        assertThat(sink.cases).extracting(c -> c.traceId).containsExactly("R1/q/1", "R1/q/2");
    }

    @Test
    void latencyComesFromTotalTimeElseWorkingTimeInMilliseconds() throws IOException {
        CollectingSink sink = readSamples(
                "{\"id\":1,\"input\":\"x\",\"target\":\"y\",\"total_time\":12.3456,\"working_time\":3.0}",
                "{\"id\":2,\"input\":\"x\",\"target\":\"y\",\"working_time\":3.0}");

        assertThat(sink.cases).extracting(c -> c.latencyMs).containsExactly(12_346L, 3_000L);
    }

    @Test
    void aModelErrorAndAToolCallBecomeSpansOfTheSampleTrace() throws IOException {
        CollectingSink sink = readSamples("{\"id\":1,\"input\":\"x\",\"target\":\"y\",\"events\":["
                + "{\"uuid\":\"ev-1\",\"timestamp\":\"2025-01-02T03:04:05+00:00\",\"completed\":\"2025-01-02T03:04:06.5+00:00\","
                + "\"event\":\"model\",\"model\":\"anthropic/claude-3-5-haiku\",\"input\":[{\"role\":\"user\",\"content\":\"x\"}],"
                + "\"config\":{\"temperature\":0.2},\"output\":{\"model\":\"claude-3-5-haiku-20241022\",\"choices\":[{\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_1\",\"function\":\"add\","
                + "\"arguments\":{\"a\":1,\"b\":2}}]},\"stop_reason\":\"tool_calls\"}],"
                + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5,\"total_tokens\":15,\"total_cost\":0.00042}}},"
                + "{\"timestamp\":\"2025-01-02T03:04:07+00:00\",\"event\":\"tool\",\"id\":\"call_1\",\"function\":\"add\","
                + "\"arguments\":{\"a\":1,\"b\":2},\"result\":\"3\",\"working_time\":0.25},"
                + "{\"timestamp\":\"2025-01-02T03:04:08+00:00\",\"event\":\"model\",\"model\":\"anthropic/claude-3-5-haiku\","
                + "\"input\":[],\"output\":{\"model\":\"anthropic/claude-3-5-haiku\",\"choices\":[]},"
                + "\"error\":\"rate limited\"}]}");

        CanonicalSpan call = sink.span("ev-1");
        assertThat(call.durationNs).isEqualTo(1_500_000_000L);
        assertThat(call.parametersJson).isEqualTo("{\"temperature\":0.2}");
        assertThat(call.costUsd).isEqualByComparingTo("0.00042");
        assertThat(call.messages.get(1).toolCallsJson()).isEqualTo("[{\"id\":\"call_1\",\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":2}}]");
        assertThat(call.messages.get(1).finishReason()).isEqualTo("tool_calls");
        CanonicalSpan tool = sink.span("tool-1");
        assertThat(tool.kind).isEqualTo(SpanKind.TOOL);
        assertThat(tool.name).isEqualTo("add");
        assertThat(tool.inputText).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(tool.outputText).isEqualTo("3");
        assertThat(tool.durationNs).isEqualTo(250_000_000L);
        CanonicalSpan failed = sink.span("model-2");
        assertThat(failed.status).isEqualTo(SpanStatus.ERROR);
        assertThat(failed.errorMessage).isEqualTo("rate limited");
        assertThat(sink.span("sample").durationNs).isEqualTo(3_000_000_000L);
    }
}
