package dev.tracedesk.ingest.otlp;

import static dev.tracedesk.ingest.otlp.OtlpReading.readFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalDocument;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;

/** The files {@code @arizeai/openinference-instrumentation-openai} 4.2.7 and a RAG app wrote (fixtures/openinference). */
class OpenInferenceFixturesTest {

    @Test
    void everySpanIsReadWithItsOpenInferenceKind() throws IOException {
        CollectingSink sink = readFixture("openinference/traces.jsonl");

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).hasSize(20);
        Map<SpanKind, Long> kinds = sink.spans.stream().collect(Collectors.groupingBy(span -> span.kind, Collectors.counting()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(SpanKind.EMBEDDING, 4L, SpanKind.LLM, 6L,
                SpanKind.RETRIEVER, 4L, SpanKind.CHAIN, 4L, SpanKind.TOOL, 1L, SpanKind.AGENT, 1L));
    }

    @Test
    void theRagCallHasItsTemplateVersionVariablesMessagesUsageAndSession() throws IOException {
        CanonicalSpan call = readFixture("openinference/traces.jsonl").span("859c85dd531986a7");

        assertThat(call.kind).isEqualTo(SpanKind.LLM);
        assertThat(call.provider).isEqualTo("openai");
        assertThat(call.requestedModel).as("from llm.invocation_parameters").isEqualTo("gpt-4o-mini");
        assertThat(call.servedModel).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(call.inputTokens).isEqualTo(158);
        assertThat(call.outputTokens).isEqualTo(17);
        assertThat(call.totalTokens).isEqualTo(175);
        assertThat(call.costUsd).as("the instrumentation reports no cost").isNull();
        assertThat(call.promptTemplateVersion).isEqualTo("rag-answer-v3");
        assertThat(call.promptTemplateText).isEqualTo(
                "Answer the customer's question using only the context below.\n\nContext:\n{context}\n\nQuestion: {question}");
        assertThat(OtlpEnvelopes.JSON.readTree(call.promptVariablesJson).get("question").asText())
                .isEqualTo("How many days do I have to return an item?");
        assertThat(call.sessionId).isEqualTo("sess-0001");
        assertThat(call.userId).isEqualTo("user-ana");
        assertThat(call.messages).extracting(CanonicalMessage::direction, CanonicalMessage::role, CanonicalMessage::finishReason)
                .containsExactly(tuple(MessageDirection.INPUT, "system", null), tuple(MessageDirection.INPUT, "user", null),
                        tuple(MessageDirection.OUTPUT, "assistant", "stop"));
        assertThat(call.outputText).isEqualTo("You can return an item within 30 days of delivery for a full refund.");
        assertThat(call.parametersJson).isEqualTo("{\"model\":\"gpt-4o-mini\",\"temperature\":0}");
    }

    @Test
    void theRetrieverHasItsRankedDocumentsWithScoresAndSources() throws IOException {
        CollectingSink sink = readFixture("openinference/traces.jsonl");

        CanonicalSpan retriever = sink.span("3880f9d3829c9b93");
        assertThat(retriever.inputText).isEqualTo("How many days do I have to return an item?");
        assertThat(retriever.documents).extracting(CanonicalDocument::rank, CanonicalDocument::documentId,
                        CanonicalDocument::score, CanonicalDocument::source)
                .containsExactly(tuple(0, "kb-returns-001", 0.6, "policies/returns.md"),
                        tuple(1, "kb-returns-003", 0.5, "policies/returns.md"),
                        tuple(2, "kb-shipping-004", 0.333, "policies/shipping.md"));
        assertThat(retriever.documents.get(2).content()).startsWith("Destinations: we ship to the United States, Canada and Mexico.");
        CanonicalSpan root = sink.span("c6bc82bf4fd6b98f");
        assertThat(root.kind).isEqualTo(SpanKind.CHAIN);
        assertThat(root.traceName).isEqualTo("rag_pipeline");
        assertThat(root.outputText).isEqualTo("You can return an item within 30 days of delivery for a full refund.");
    }

    @Test
    void theFailedQuestionIsAnErrorWithItsExceptionAndTheToolRoundTripKeepsCallIds() throws IOException {
        CollectingSink sink = readFixture("openinference/traces.jsonl");

        CanonicalSpan failed = sink.span("b49a8815561a06dc");
        assertThat(failed.status).isEqualTo(SpanStatus.ERROR);
        assertThat(failed.errorMessage).isEqualTo("500 The server had an error while processing your request. Sorry about that!");
        assertThat(failed.eventsJson).contains("\"name\":\"exception\"");
        CanonicalSpan answer = sink.span("b78449a761b137a0");
        assertThat(answer.messages(MessageDirection.INPUT)).extracting(CanonicalMessage::role, CanonicalMessage::toolCallId)
                .containsExactly(tuple("system", null), tuple("user", null), tuple("assistant", null),
                        tuple("tool", "call_d04183dce3f82649f68038fa"));
        assertThat(answer.messages(MessageDirection.INPUT).get(2).toolCallsJson()).isEqualTo(
                "[{\"id\":\"call_d04183dce3f82649f68038fa\",\"name\":\"get_weather\",\"arguments\":{\"location\":\"Tokyo\",\"unit\":\"celsius\"}}]");
        assertThat(OtlpEnvelopes.JSON.readTree(answer.parametersJson).get("tools")).as("the request's own tools, once")
                .hasSize(1);
        CanonicalSpan streamed = sink.span("ad5f788db1ad5b2d");
        assertThat(streamed.outputText).isEqualTo("Rio de Janeiro");
        assertThat(streamed.inputTokens).as("the streamed call reports no usage").isNull();
    }

    @Test
    void thePrettyPrintedTraceGivesTheSameSpansAsItsLineInTheJsonlFile() throws IOException {
        CollectingSink document = readFixture("openinference/rag-trace.json");
        Map<String, CanonicalSpan> fromLines = readFixture("openinference/traces.jsonl").spans.stream()
                .collect(Collectors.toMap(span -> span.spanId, Function.identity()));

        assertThat(document.rejections).isEmpty();
        assertThat(document.spans).hasSize(4);
        for (CanonicalSpan span : document.spans) {
            CanonicalSpan line = fromLines.get(span.spanId);
            assertThat(span).usingRecursiveComparison().ignoringFields("attributesJson").isEqualTo(line);
            assertThat(OtlpEnvelopes.JSON.readTree(span.attributesJson)).isEqualTo(OtlpEnvelopes.JSON.readTree(line.attributesJson));
        }
    }
}
