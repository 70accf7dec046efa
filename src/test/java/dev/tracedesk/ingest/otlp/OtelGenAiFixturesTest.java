package dev.tracedesk.ingest.otlp;

import static dev.tracedesk.ingest.otlp.OtlpReading.readFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;

/**
 * The files {@code @opentelemetry/instrumentation-openai} 0.21 wrote (fixtures/otel-genai, see
 * the fixtures README): spans without content, and the messages as GenAI log events.
 */
class OtelGenAiFixturesTest {

    @Test
    void everySpanOfTheTracesFileIsReadWithModelsUsageAndParameters() throws IOException {
        CollectingSink sink = readFixture("otel-genai/traces.jsonl");

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).hasSize(10);
        assertThat(sink.spans.stream().map(span -> span.traceId).distinct()).hasSize(6);
        CanonicalSpan first = sink.span("7bbcf193dd3c68d7");
        assertThat(first.traceId).isEqualTo("97c57862dadb6120809dcb9b6d25706e");
        assertThat(first.kind).isEqualTo(SpanKind.LLM);
        assertThat(first.operationName).isEqualTo("chat");
        assertThat(first.provider).as("from the deprecated gen_ai.system").isEqualTo("openai");
        assertThat(first.requestedModel).isEqualTo("gpt-4o-mini");
        assertThat(first.servedModel).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(first.inputTokens).isEqualTo(35);
        assertThat(first.outputTokens).isEqualTo(2);
        assertThat(first.totalTokens).isEqualTo(37);
        assertThat(first.parametersJson).isEqualTo("{\"max_tokens\":50,\"temperature\":0.2,\"top_p\":1}");
        assertThat(first.traceName).isEqualTo("chat gpt-4o-mini");
        assertThat(first.messages).as("content went to the log file").isEmpty();
        assertThat(first.resourceJson).contains("\"service.name\":\"fixture-otel-genai-app\"");
        JsonNode attributes = OtlpEnvelopes.JSON.readTree(first.attributesJson);
        assertThat(attributes.get("gen_ai.response.finish_reasons").toString()).isEqualTo("[\"stop\"]");
        assertThat(attributes.get("otel.scope.name").asText()).isEqualTo("@opentelemetry/instrumentation-openai");
        assertThat(attributes.get("otel.span.kind").asText()).isEqualTo("CLIENT");
    }

    @Test
    void theFailedCallTheToolSpansAndTheEmbeddingsCallKeepTheirKindAndStatus() throws IOException {
        CollectingSink sink = readFixture("otel-genai/traces.jsonl");

        CanonicalSpan failed = sink.spans.stream().filter(span -> span.status == SpanStatus.ERROR).findFirst().orElseThrow();
        assertThat(failed.traceId).isEqualTo("5f89f2d61b4d72a37a94b67c6744a40d");
        assertThat(failed.errorMessage).isEqualTo("500 The server had an error while processing your request. Sorry about that!");
        assertThat(failed.servedModel).isNull();
        assertThat(sink.spans).filteredOn(span -> span.kind == SpanKind.TOOL)
                .extracting(span -> span.name, span -> span.operationName, span -> span.parentSpanId)
                .containsOnly(tuple("execute_tool get_weather", "execute_tool", "b33a9c55dbe40b38"))
                .hasSize(2);
        CanonicalSpan embeddings = sink.spans.stream().filter(span -> span.kind == SpanKind.EMBEDDING).findFirst().orElseThrow();
        assertThat(embeddings.requestedModel).isEqualTo("text-embedding-3-small");
        assertThat(embeddings.inputTokens).isEqualTo(17);
        assertThat(embeddings.outputTokens).isNull();
        assertThat(sink.span("b33a9c55dbe40b38").traceName).isEqualTo("weather_assistant_turn");
        assertThat(sink.span("b33a9c55dbe40b38").kind).isEqualTo(SpanKind.OTHER);
    }

    @Test
    void theResponsesApiSpanLeavesItsSystemInstructionsToTheLogEvent() throws IOException {
        CanonicalSpan responses = readFixture("otel-genai/traces.jsonl").span("832714bf319f2179");

        assertThat(responses.provider).isEqualTo("openai");
        assertThat(responses.messages)
                .as("the conversation, system instructions included, arrives in the operation details log event").isEmpty();
        assertThat(OtlpEnvelopes.JSON.readTree(responses.attributesJson).has("gen_ai.system_instructions")).isTrue();
    }

    @Test
    void theLogFileGivesEveryMessageWithItsSpanRoleToolCallsAndFinishReason() throws IOException {
        CollectingSink logs = readFixture("otel-genai/logs.jsonl");
        CollectingSink traces = readFixture("otel-genai/traces.jsonl");

        assertThat(logs.rejections).isEmpty();
        assertThat(logs.spans).isEmpty();
        assertThat(logs.logEvents).hasSize(18);
        Set<String> spanKeys = traces.spans.stream().map(span -> span.traceId + "/" + span.spanId).collect(Collectors.toSet());
        assertThat(logs.logEvents).allSatisfy(event -> {
            assertThat(spanKeys).contains(event.traceId() + "/" + event.spanId());
            assertThat(event.timeNs()).isNotNull();
        });
        assertThat(messagesOf(logs, "7bbcf193dd3c68d7")).extracting(CanonicalMessage::direction, CanonicalMessage::role,
                        CanonicalMessage::content, CanonicalMessage::finishReason)
                .containsExactly(
                        tuple(MessageDirection.INPUT, "system", "You are a geography assistant. Answer with the city name only.", null),
                        tuple(MessageDirection.INPUT, "user", "What is the capital of France?", null),
                        tuple(MessageDirection.OUTPUT, "assistant", "Paris", "stop"));
        assertThat(messagesOf(logs, "d31b31e5c5d11115")).extracting(CanonicalMessage::role, CanonicalMessage::toolCallId)
                .containsExactly(tuple("system", null), tuple("user", null), tuple("assistant", null),
                        tuple("tool", "call_b2fc9d6b4d2b6e763fae4c15"), tuple("tool", "call_d518b4bc7602c58b677fda22"),
                        tuple("assistant", null));
        assertThat(messagesOf(logs, "c752d9609c0571ee")).last().satisfies(call -> {
            assertThat(call.finishReason()).isEqualTo("tool_calls");
            assertThat(call.toolCallsJson()).isEqualTo("[{\"id\":\"call_b2fc9d6b4d2b6e763fae4c15\",\"name\":\"get_weather\","
                    + "\"arguments\":{\"location\":\"Paris\",\"unit\":\"celsius\"}},{\"id\":\"call_d518b4bc7602c58b677fda22\","
                    + "\"name\":\"get_weather\",\"arguments\":{\"location\":\"London\",\"unit\":\"celsius\"}}]");
        });
        assertThat(messagesOf(logs, "21c2b3ca1530bcf9")).as("the failed call still has its question")
                .extracting(CanonicalMessage::content).containsExactly("What is the capital of Atlantis?");
        assertThat(messagesOf(logs, "832714bf319f2179")).as("operation details: structured messages and system instructions")
                .extracting(CanonicalMessage::role, CanonicalMessage::content)
                .containsExactly(tuple("system", "You are a geography assistant. Answer with the city name only."),
                        tuple("user", "What is the capital of Canada?"), tuple("assistant", "Ottawa"));
    }

    @Test
    void aSinglePrettyPrintedRequestIsStreamedLikeTheLines() throws IOException {
        CollectingSink sink = readFixture("otel-genai/tool-call-trace.json");

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).hasSize(5).allSatisfy(span -> assertThat(span.traceId).isEqualTo("695bca29908ba5df953dccd96d98b6d0"));
        assertThat(sink.spans).extracting(span -> span.kind)
                .containsExactlyInAnyOrder(SpanKind.LLM, SpanKind.LLM, SpanKind.TOOL, SpanKind.TOOL, SpanKind.OTHER);
        assertThat(sink.spans).filteredOn(span -> span.kind == SpanKind.LLM).extracting(span -> span.totalTokens)
                .containsExactlyInAnyOrder(178L, 217L);
    }

    private static java.util.List<CanonicalMessage> messagesOf(CollectingSink sink, String spanId) {
        return sink.logEvents.stream().filter(event -> event.spanId().equals(spanId)).map(CanonicalLogEvent::message).toList();
    }
}
