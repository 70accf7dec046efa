package dev.tracedesk.ingest.otlp;

import static dev.tracedesk.ingest.otlp.OtlpEnvelopes.resource;
import static dev.tracedesk.ingest.otlp.OtlpEnvelopes.span;
import static dev.tracedesk.ingest.otlp.OtlpEnvelopes.tracesData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/** The real files in fixtures/otlp-shared (see its README): the OTLP example and GenAI attribute maps. */
class OtlpSharedFixturesTest {

    private static final String DIR = "/fixtures/otlp-shared/";
    private final OtlpTracesReader reader = new OtlpTracesReader();

    @TempDir
    Path temp;

    @Test
    void readsTheOfficialExampleWithUpperCaseIdsAndNumericTimes() throws IOException {
        Path file = OtlpReading.copyResource(temp, DIR + "trace.json");

        assertThat(reader.confidence(Sniff.of(ImportSource.of(file)))).isEqualTo(100);
        CollectingSink sink = OtlpReading.read(reader, file);

        assertThat(sink.rejections).isEmpty();
        CanonicalSpan span = sink.span("eee19b7ec3c1b174");
        assertThat(span.traceId).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(span.parentSpanId).isEqualTo("eee19b7ec3c1b173");
        assertThat(span.name).isEqualTo("I'm a server span");
        assertThat(span.startNs).isEqualTo(1544712660000000000L);
        assertThat(span.durationNs).isEqualTo(1_000_000_000L);
        assertThat(span.kind).isEqualTo(SpanKind.OTHER);
        assertThat(span.status).isEqualTo(SpanStatus.UNSET);
        assertThat(span.sourceSystem).isEqualTo("otlp");
        assertThat(span.traceName).as("not a root span").isNull();
        JsonNode attributes = OtlpEnvelopes.JSON.readTree(span.attributesJson);
        assertThat(attributes.get("my.span.attr").asText()).isEqualTo("some value");
        assertThat(attributes.get("otel.span.kind").asText()).isEqualTo("SERVER");
        assertThat(attributes.get("otel.scope.name").asText()).isEqualTo("my.library");
        assertThat(attributes.get("otel.scope.version").asText()).isEqualTo("1.0.0");
        assertThat(attributes.at("/otel.scope.attributes/my.scope.attribute").asText()).isEqualTo("some scope attribute");
        assertThat(span.resourceJson).isEqualTo("{\"service.name\":\"my.service\"}");
    }

    @Test
    void theSameCallInOtelGenAiAndOpenInferenceGivesTheSameCanonicalCall() throws IOException {
        CanonicalSpan genAi = readFlat("otel_genai_client_span_tool_calls.json");
        CanonicalSpan openInference = readFlat("openinference_client_span_tool_calls.json");

        for (CanonicalSpan span : new CanonicalSpan[] {genAi, openInference}) {
            assertThat(span.kind).isEqualTo(SpanKind.LLM);
            assertThat(span.provider).isEqualTo("openai");
            assertThat(span.requestedModel).isEqualTo("gpt-4");
            assertThat(span.servedModel).isEqualTo("gpt-4-0613");
            assertThat(span.inputTokens).isEqualTo(97);
            assertThat(span.outputTokens).isEqualTo(52);
            assertThat(span.totalTokens).isEqualTo(149);
            assertThat(span.outputText).isEqualTo("The weather in Paris is currently rainy with a temperature of 57°F.");
        }
        assertThat(openInference.messages).containsExactlyElementsOf(genAi.messages);
        assertThat(genAi.messages).extracting(CanonicalMessage::direction, CanonicalMessage::role,
                        CanonicalMessage::content, CanonicalMessage::toolCallsJson, CanonicalMessage::toolCallId,
                        CanonicalMessage::finishReason)
                .containsExactly(
                        tuple(MessageDirection.INPUT, "user", "Weather in Paris?", null, null, null),
                        tuple(MessageDirection.INPUT, "assistant", "Absolutely! Let me check the weather for you.",
                                "[{\"id\":\"1234\",\"name\":\"get_weather\",\"arguments\":{\"location\":\"Paris\"}}]", null, null),
                        tuple(MessageDirection.INPUT, "tool", "rainy, 57°F", null, "1234", null),
                        tuple(MessageDirection.OUTPUT, "assistant",
                                "The weather in Paris is currently rainy with a temperature of 57°F.", null, null, "stop"));
        assertThat(genAi.inputText).isEqualTo("""
                user: Weather in Paris?

                assistant: Absolutely! Let me check the weather for you.
                get_weather({"location":"Paris"})

                tool: rainy, 57°F""");
        assertThat(OtlpEnvelopes.JSON.readTree(genAi.parametersJson))
                .isEqualTo(OtlpEnvelopes.JSON.readTree("{\"max_tokens\":200,\"temperature\":0.5,\"top_p\":0.9}"));
        assertThat(OtlpEnvelopes.JSON.readTree(openInference.parametersJson).get("max_completion_tokens").asInt()).isEqualTo(200);
        assertThat(genAi.operationName).isEqualTo("chat");
    }

    @Test
    void deprecatedPromptAndCompletionAttributesBecomeMessages() throws IOException {
        CanonicalSpan span = readFlat("otel_genai_deprecated_client_span_tool_calls.json");

        assertThat(span.messages(MessageDirection.INPUT)).extracting(CanonicalMessage::role)
                .containsExactly("user", "assistant", "tool");
        assertThat(span.messages(MessageDirection.INPUT).get(2).content()).isEqualTo("rainy, 57°F");
        assertThat(span.messages(MessageDirection.OUTPUT)).singleElement().satisfies(message -> {
            assertThat(message.content()).isEqualTo("The weather in Paris is currently rainy with a temperature of 57°F.");
            assertThat(message.finishReason()).isEqualTo("stop");
        });
    }

    @Test
    void openInferenceInputAndOutputValuesAloneStillGiveMessages() throws IOException {
        CanonicalSpan span = readFlat("openinference_client_span_input_output_only.json");

        assertThat(span.kind).isEqualTo(SpanKind.LLM);
        assertThat(span.servedModel).isEqualTo("gpt-4-0613");
        assertThat(span.requestedModel).as("from llm.invocation_parameters").isEqualTo("gpt-4");
        assertThat(span.messages(MessageDirection.INPUT)).extracting(CanonicalMessage::role)
                .containsExactly("user", "assistant", "tool");
        assertThat(span.messages(MessageDirection.OUTPUT)).extracting(CanonicalMessage::finishReason).containsExactly("stop");
        assertThat(span.totalTokens).isEqualTo(149);
    }

    @Test
    void aToolExecutionSpanIsAToolWithItsArgumentsAndResultAsText() throws IOException {
        CanonicalSpan span = readFlat("otel_genai_tool_execution_span.json");

        assertThat(span.kind).isEqualTo(SpanKind.TOOL);
        assertThat(span.operationName).isEqualTo("execute_tool");
        assertThat(span.inputText).isEqualTo("{\"city\": \"New York\"}");
        assertThat(span.outputText).startsWith("{\"status\": \"success\"");
        assertThat(span.messages).isEmpty();
        assertThat(OtlpEnvelopes.JSON.readTree(span.attributesJson).get("gen_ai.tool.call.id").asText()).isEqualTo("1234");
    }

    /** The flat attribute map wrapped in an envelope as a root span, read back. */
    private CanonicalSpan readFlat(String fixture) throws IOException {
        String content = tracesData(span("00f067aa0ba902b7", null, "chat gpt-4", resource(DIR + fixture)));
        CollectingSink sink = OtlpReading.readText(reader, temp, fixture + ".jsonl", content);
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).hasSize(1);
        CanonicalSpan span = sink.spans.get(0);
        assertThat(span.traceName).isEqualTo("chat gpt-4");
        return span;
    }
}
