package dev.tracedesk.ingest.langfuse;

import static dev.tracedesk.ingest.langfuse.LangfuseFixtures.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/** GET /api/public/traces/{id}: a RAG trace with its observations and scores inline (api-trace-rag.json). */
class LangfuseApiTraceTest {

    private static final String TRACE = "4f8c1a2b9d3e4f50a6b7c8d9e0f1a2b3";
    private static CollectingSink sink;

    @BeforeAll
    static void read() throws Exception {
        sink = LangfuseFixtures.read("api-trace-rag.json");
    }

    @Test
    void theTraceIsARootChainSpanAndEveryObservationASpanOfIt() {
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).extracting(span -> span.spanId, span -> span.kind, span -> span.parentSpanId)
                .containsExactly(
                        tuple(TRACE, SpanKind.CHAIN, null),
                        tuple("a1b2c3d4e5f60718", SpanKind.CHAIN, TRACE),
                        tuple("b2c3d4e5f6071829", SpanKind.OTHER, "a1b2c3d4e5f60718"),
                        tuple("c3d4e5f60718293a", SpanKind.RETRIEVER, "a1b2c3d4e5f60718"),
                        tuple("d4e5f60718293a4b", SpanKind.TOOL, "a1b2c3d4e5f60718"),
                        tuple("e5f60718293a4b5c", SpanKind.LLM, "a1b2c3d4e5f60718"));
        assertThat(sink.spans).allSatisfy(span -> {
            assertThat(span.traceId).isEqualTo(TRACE);
            assertThat(span.sourceSystem).isEqualTo("langfuse");
            assertThat(span.traceName).isEqualTo("support-rag-answer");
            assertThat(span.sessionId).isEqualTo("sess-2025-10-01-7781");
            assertThat(span.userId).isEqualTo("user-4412");
        });
    }

    @Test
    void theRootCarriesTheTracesNameTimesInputOutputAndRawFieldsButNotItsObservationsAgain() throws Exception {
        CanonicalSpan root = sink.span(TRACE);
        assertThat(root.name).isEqualTo("support-rag-answer");
        assertThat(root.startNs).isEqualTo(nanos("2025-10-01T12:00:00.000Z"));
        // the last observation ends at 12:00:02.480
        assertThat(root.durationNs).isEqualTo(2_480_000_000L);
        assertThat(root.inputText).isEqualTo("{\"question\":\"Can I return a laptop after 45 days?\"}");
        assertThat(root.outputText).contains("within 60 days of delivery");
        var attributes = JsonValues.MAPPER.readTree(root.attributesJson);
        assertThat(attributes.path("tags").toString()).isEqualTo("[\"support\",\"rag\"]");
        assertThat(attributes.path("release").asText()).isEqualTo("v2.3.1");
        assertThat(attributes.path("metadata").path("tenant").asText()).isEqualTo("acme");
        assertThat(attributes.path("htmlPath").asText()).endsWith("/traces/" + TRACE);
        assertThat(attributes.has("observations")).isFalse();
        assertThat(attributes.has("scores")).isFalse();
    }

    @Test
    void theGenerationHasItsModelParametersPromptTokensCostAndTimeToFirstToken() throws Exception {
        CanonicalSpan answer = sink.span("e5f60718293a4b5c");
        assertThat(answer.name).isEqualTo("answer");
        assertThat(answer.requestedModel).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(answer.servedModel).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(answer.provider).isEqualTo("openai");
        assertThat(JsonValues.MAPPER.readTree(answer.parametersJson))
                .isEqualTo(JsonValues.MAPPER.readTree("{\"temperature\":0.2,\"max_tokens\":400,\"top_p\":1}"));
        assertThat(answer.promptTemplateName).isEqualTo("support-answer");
        assertThat(answer.promptTemplateVersion).isEqualTo("7");
        assertThat(answer.inputTokens).isEqualTo(412);
        assertThat(answer.outputTokens).isEqualTo(63);
        assertThat(answer.totalTokens).isEqualTo(475);
        assertThat(answer.costUsd).isEqualByComparingTo(new BigDecimal("0.0000996"));
        assertThat(answer.startNs).isEqualTo(nanos("2025-10-01T12:00:00.700Z"));
        assertThat(answer.durationNs).isEqualTo(1_750_000_000L);
        assertThat(answer.timeToFirstTokenNs).isEqualTo(350_000_000L);
        assertThat(answer.status).isEqualTo(SpanStatus.UNSET);
        assertThat(JsonValues.MAPPER.readTree(answer.attributesJson).path("promptId").asText())
                .isEqualTo("cm1y0aa3b0007lf08prompt07");
    }

    @Test
    void theGenerationsMessagesAreReadInOrderWithTheirRoles() {
        CanonicalSpan answer = sink.span("e5f60718293a4b5c");
        assertThat(answer.messages(MessageDirection.INPUT)).extracting(CanonicalMessage::role).containsExactly("system", "user");
        assertThat(answer.messages(MessageDirection.INPUT).get(1).content()).isEqualTo("Can I return a laptop after 45 days?");
        assertThat(answer.messages(MessageDirection.OUTPUT)).singleElement().satisfies(message -> {
            assertThat(message.role()).isEqualTo("assistant");
            assertThat(message.content()).startsWith("Yes, laptops can be returned within 60 days");
        });
        assertThat(answer.inputText).startsWith("system: You answer customer questions").contains("\n\nuser: Can I return a laptop");
        assertThat(answer.outputText).isEqualTo(
                "Yes, laptops can be returned within 60 days of delivery if they are in their original packaging.");
    }

    @Test
    void theRetrieversOutputBecomesRankedDocumentsWithIdsScoresAndSources() {
        CanonicalSpan search = sink.span("c3d4e5f60718293a");
        assertThat(search.documents).extracting(d -> d.rank(), d -> d.documentId(), d -> d.score(), d -> d.source())
                .containsExactly(
                        tuple(0, "kb-returns-001", 0.91, "policies/returns.md"),
                        tuple(1, "kb-returns-007", 0.77, "policies/returns.md"),
                        tuple(2, "kb-shipping-003", 0.64, "policies/shipping.md"));
        assertThat(search.documents.get(0).content()).startsWith("Laptops and tablets may be returned");
        assertThat(search.documents.get(2).metadataJson()).isEqualTo("{\"source\":\"policies/shipping.md\",\"section\":\"Returns\"}");
        assertThat(search.messages).isEmpty();
        assertThat(search.inputText).isEqualTo("{\"query\":\"laptop return window\",\"top_k\":3}");
    }

    @Test
    void anErrorLevelObservationIsAFailedSpanWithItsStatusMessage() {
        CanonicalSpan fetch = sink.span("d4e5f60718293a4b");
        assertThat(fetch.status).isEqualTo(SpanStatus.ERROR);
        assertThat(fetch.errorMessage).isEqualTo("HTTP 503 Service Unavailable from policy-service");
        assertThat(fetch.durationNs).isEqualTo(500_000_000L);
        assertThat(fetch.outputText).isNull();
    }

    @Test
    void anEventHasNoEndAndSpansThatCalledNoModelCountNoTokensOrCost() {
        CanonicalSpan event = sink.span("b2c3d4e5f6071829");
        assertThat(event.startNs).isEqualTo(nanos("2025-10-01T12:00:00.010Z"));
        assertThat(event.durationNs).isNull();
        CanonicalSpan pipeline = sink.span("a1b2c3d4e5f60718");
        assertThat(pipeline.inputTokens).isNull();
        assertThat(pipeline.totalTokens).isNull();
        assertThat(pipeline.costUsd).isNull();
        assertThat(pipeline.requestedModel).isNull();
    }

    @Test
    void scoresAttachToTheirObservationOrToTheRootWithTheirSourceValueLabelAndComment() {
        assertThat(sink.checks).as("inline scores travel on their spans").isEmpty();
        CanonicalCheck feedback = sink.span(TRACE).checks.get(0);
        assertThat(feedback).isEqualTo(new CanonicalCheck("9d0c5a8e-1f2b-4c3d-8e9f-0a1b2c3d4e5f", CheckSource.FEEDBACK,
                "user-feedback", "False", 0.0, false, "The answer says yes but I was told 30 days in the store.",
                nanos("2025-10-01T12:01:10.000Z")));
        assertThat(sink.span("e5f60718293a4b5c").checks).extracting(CanonicalCheck::name, CanonicalCheck::source,
                        CanonicalCheck::value, CanonicalCheck::label, CanonicalCheck::passed)
                .containsExactly(
                        tuple("hallucination", CheckSource.EVALUATION, 0.2, null, null),
                        tuple("correctness", CheckSource.ANNOTATION, 1.0, "partially correct", null));
        assertThat(sink.span("e5f60718293a4b5c").checks.get(1).explanation()).startsWith("Right window");
        assertThat(sink.span("c3d4e5f60718293a").checks).singleElement()
                .satisfies(check -> assertThat(check.externalId()).isEqualTo("5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f"));
    }
}
