package dev.tracedesk.ingest.otlp;

import static dev.tracedesk.ingest.otlp.OtlpReading.readFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalDocument;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;

/** The files OpenLLMetry (current and flattened) and the Langfuse SDK wrote (fixtures/openllmetry, langfuse-otel). */
class OpenLlmetryAndLangfuseFixturesTest {

    @Test
    void openLlmetryWorkflowSpansHaveKindsSessionAndTheToolRoundTrip() throws IOException {
        CollectingSink sink = readFixture("openllmetry/traces.jsonl");

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).hasSize(7);
        assertThat(sink.spans).extracting(span -> span.name, span -> span.kind).contains(
                tuple("weather_workflow.workflow", SpanKind.CHAIN), tuple("plan.task", SpanKind.CHAIN),
                tuple("get_weather.tool", SpanKind.TOOL), tuple("chat gpt-4o-mini", SpanKind.LLM));
        CanonicalSpan root = sink.span("7f322d502a6e6926");
        assertThat(root.traceName).isEqualTo("weather_workflow.workflow");
        assertThat(root.sessionId).isEqualTo("sess-tl-0001");
        assertThat(root.userId).isEqualTo("user-ana");
        CanonicalSpan toolCall = sink.span("4a17cbfd6c64693e");
        assertThat(OtlpEnvelopes.JSON.readTree(toolCall.parametersJson).at("/tools/0/function/name").asText())
                .as("from gen_ai.tool.definitions").isEqualTo("get_weather");
        assertThat(toolCall.messages(MessageDirection.OUTPUT)).singleElement().satisfies(message -> {
            assertThat(message.finishReason()).as("as the instrumentation wrote it").isEqualTo("tool_call");
            assertThat(message.toolCallsJson()).contains("\"id\":\"call_b0214eac21e195a1140cf8ea\"");
        });
        CanonicalSpan answer = sink.span("e8a475159af5abe7");
        assertThat(answer.messages(MessageDirection.INPUT)).extracting(CanonicalMessage::role, CanonicalMessage::content,
                        CanonicalMessage::toolCallId)
                .contains(tuple("tool", "Lisbon: sunny, 24 °C", "call_b0214eac21e195a1140cf8ea"));
        assertThat(answer.totalTokens).isEqualTo(128);
        assertThat(sink.span("5137d41df58b7b30").outputText).isEqualTo("\"Lisbon: sunny, 24 °C\"");
    }

    @Test
    void theFlattenedDialectGivesMessagesUsageAndFunctions() throws IOException {
        CollectingSink sink = readFixture("openllmetry/legacy-flattened.jsonl");

        assertThat(sink.rejections).isEmpty();
        CanonicalSpan first = sink.span("614cb89862ad5f4d");
        assertThat(first.kind).isEqualTo(SpanKind.LLM);
        assertThat(first.provider).isEqualTo("OpenAI");
        assertThat(first.messages).extracting(CanonicalMessage::role, CanonicalMessage::content, CanonicalMessage::finishReason)
                .containsExactly(tuple("system", "Answer with the city name only.", null),
                        tuple("user", "What is the capital of Switzerland?", null), tuple("assistant", "Bern", "stop"));
        assertThat(first.inputTokens).isEqualTo(28);
        assertThat(first.outputTokens).isEqualTo(1);
        assertThat(first.totalTokens).isEqualTo(29);
        CanonicalSpan toolCall = sink.span("e4b163d32f01ef64");
        assertThat(toolCall.messages(MessageDirection.OUTPUT)).singleElement().extracting(CanonicalMessage::toolCallsJson)
                .isEqualTo("[{\"name\":\"get_weather\",\"arguments\":{\"location\":\"Berlin\",\"unit\":\"celsius\"}}]");
        assertThat(OtlpEnvelopes.JSON.readTree(toolCall.parametersJson).at("/tools/0/name").asText()).isEqualTo("get_weather");
        CanonicalSpan followUp = sink.span("3c94161aca83e127");
        assertThat(followUp.messages(MessageDirection.INPUT).get(1).content())
                .as("\"null\" is how it writes a message that only called tools").isNull();
    }

    @Test
    void langfuseObservationsGiveKindsPromptUsageCostDocumentsAndErrors() throws IOException {
        CollectingSink sink = readFixture("langfuse-otel/traces.jsonl");

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).hasSize(5).allSatisfy(span -> assertThat(span.traceName).isNotNull());
        CanonicalSpan generation = sink.span("f1db03cd91e56a22");
        assertThat(generation.kind).isEqualTo(SpanKind.LLM);
        assertThat(generation.servedModel).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(generation.promptTemplateName).isEqualTo("support-answer");
        assertThat(generation.promptTemplateVersion).isEqualTo("3");
        assertThat(generation.inputTokens).isEqualTo(96);
        assertThat(generation.totalTokens).isEqualTo(108);
        assertThat(generation.sessionId).isEqualTo("sess-lf-0001");
        assertThat(generation.userId).isEqualTo("user-ben");
        assertThat(generation.traceName).isEqualTo("support-question");
        assertThat(generation.messages).extracting(CanonicalMessage::role).containsExactly("system", "user", "assistant");
        CanonicalSpan retriever = sink.span("660e4f4d712e2fbe");
        assertThat(retriever.kind).isEqualTo(SpanKind.RETRIEVER);
        assertThat(retriever.documents).extracting(CanonicalDocument::documentId, CanonicalDocument::score)
                .containsExactly(tuple("kb-warranty-002", 0.667), tuple("kb-returns-001", 0.2));
        CanonicalSpan capital = sink.span("0aff5ae3d780486f");
        assertThat(capital.costUsd).isEqualByComparingTo("0.0000048");
        assertThat(capital.timeToFirstTokenNs).as("from a completion start time quoted twice").isEqualTo(157_000_000L);
        assertThat(capital.outputText).isEqualTo("Sydney");
        CanonicalSpan failing = sink.span("313a061bf24ecd06");
        assertThat(failing.status).as("level ERROR although the OTel status is unset").isEqualTo(SpanStatus.ERROR);
        assertThat(failing.errorMessage).startsWith("Error: 500 The server had an error");
        assertThat(failing.costUsd).as("reported as zero").isEqualByComparingTo("0");
    }
}
