package dev.tracedesk.ingest.langfuse;

import static dev.tracedesk.ingest.langfuse.LangfuseFixtures.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.CheckTarget;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/** camelCase API records one per line, and the API's list responses {data, meta}. */
class LangfuseApiListsTest {

    private static final String TRACE = "3f9e1c52-8a4b-4d7e-9b21-6c0d5e8fa413";
    private static final String ROOT = "0c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5";
    private static final String SUMMARIZE = "1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6";
    private static final String CLASSIFY = "2e3f4a5b-6c7d-4e8f-90a1-b2c3d4e5f607";

    @Test
    void eachLineIsReadAsWhatItIsObservationsAsSpansAndAScoreAsACheck() throws Exception {
        CollectingSink sink = LangfuseFixtures.read("api-observations.jsonl");
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).extracting(span -> span.spanId, span -> span.kind, span -> span.parentSpanId)
                .containsExactly(tuple(ROOT, SpanKind.CHAIN, null), tuple(SUMMARIZE, SpanKind.LLM, ROOT),
                        tuple(CLASSIFY, SpanKind.LLM, ROOT));
        assertThat(sink.checkTargets).containsExactly(new CheckTarget(TRACE, SUMMARIZE));
        assertThat(sink.checks).singleElement().isEqualTo(new CanonicalCheck("4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c7d",
                CheckSource.ANNOTATION, "summary-quality", null, 4.0, null, "Accurate, but drop the word 'needs'.",
                nanos("2025-09-19T08:05:00Z")));
    }

    @Test
    void olderSdkUsageNamesAndTheCalculatedCostAreRead() throws Exception {
        CanonicalSpan summarize = LangfuseFixtures.read("api-observations.jsonl").span(SUMMARIZE);
        assertThat(summarize.inputTokens).isEqualTo(52);
        assertThat(summarize.outputTokens).isEqualTo(18);
        assertThat(summarize.totalTokens).isEqualTo(70);
        assertThat(summarize.costUsd).isEqualByComparingTo(new BigDecimal("0.000053"));
        assertThat(summarize.requestedModel).isEqualTo("gpt-3.5-turbo-0125");
        assertThat(summarize.provider).as("no metadata names it").isNull();
        assertThat(summarize.parametersJson).isEqualTo("{\"temperature\":\"0\",\"maxTokens\":\"120\"}");
        assertThat(summarize.durationNs).isEqualTo(1_532_000_000L);
        assertThat(summarize.timeToFirstTokenNs).isNull();
    }

    @Test
    void aWarningIsNotAnErrorAndItsMessageStaysInTheAttributes() throws Exception {
        CanonicalSpan summarize = LangfuseFixtures.read("api-observations.jsonl").span(SUMMARIZE);
        assertThat(summarize.status).isEqualTo(SpanStatus.UNSET);
        assertThat(summarize.errorMessage).isNull();
        assertThat(JsonValues.MAPPER.readTree(summarize.attributesJson).path("statusMessage").asText())
                .startsWith("finish_reason=length");
    }

    @Test
    void aGenerationsPlainStringInputAndOutputAreAUserAndAnAssistantMessage() throws Exception {
        CanonicalSpan summarize = LangfuseFixtures.read("api-observations.jsonl").span(SUMMARIZE);
        assertThat(summarize.messages).extracting(CanonicalMessage::direction, CanonicalMessage::role)
                .containsExactly(tuple(MessageDirection.INPUT, "user"), tuple(MessageDirection.OUTPUT, "assistant"));
        assertThat(summarize.outputText).isEqualTo("App v5.4 logs users out repeatedly; needs session-token fix.");
        CanonicalSpan root = LangfuseFixtures.read("api-observations.jsonl").span(ROOT);
        assertThat(root.messages).as("a span's plain text is not a conversation").isEmpty();
        assertThat(root.inputText).startsWith("Ticket #88213: customer reports");
    }

    @Test
    void aV2ApiRowWithProvidedModelNameAndJsonStringContentBlocksIsRead() throws Exception {
        CanonicalSpan classify = LangfuseFixtures.read("api-observations.jsonl").span(CLASSIFY);
        assertThat(classify.requestedModel).isEqualTo("claude-3-5-sonnet-20241022");
        assertThat(classify.messages(MessageDirection.INPUT)).singleElement()
                .satisfies(message -> assertThat(message.content()).startsWith("Severity (low/medium/high) of: App v5.4"));
        assertThat(classify.messages(MessageDirection.OUTPUT)).singleElement().satisfies(message -> {
            assertThat(message.content()).isEqualTo("high");
            assertThat(message.finishReason()).isEqualTo("end_turn");
        });
        assertThat(classify.inputTokens).isEqualTo(31);
        assertThat(classify.outputTokens).isEqualTo(2);
        assertThat(classify.costUsd).isEqualByComparingTo(new BigDecimal("0.000123"));
        assertThat(classify.promptTemplateName).isEqualTo("severity-classifier");
        assertThat(classify.promptTemplateVersion).isEqualTo("2");
        assertThat(classify.timeToFirstTokenNs).isEqualTo(250_000_000L);
        assertThat(classify.userId).isEqualTo("agent-ops-17");
        assertThat(classify.sessionId).isEqualTo("ticket-88213");
    }

    @Test
    void theUiExportsRowShapeWithItsInUsdAndInSecondsFieldsAndScoreMapIsRead(@TempDir Path dir) throws Exception {
        // Langfuse's UI export writes JSON as "[" + rows joined by "," + "]" on one line
        Path export = dir.resolve("generations.json");
        Files.writeString(export, "[{\"id\":\"g1\",\"traceId\":\"t1\",\"type\":\"GENERATION\",\"name\":\"chat\","
                + "\"startTime\":\"2025-10-05T10:00:00.000Z\",\"endTime\":null,\"model\":\"gpt-4o\",\"promptTokens\":10,"
                + "\"completionTokens\":5,\"totalTokens\":15,\"unit\":\"TOKENS\",\"calculatedTotalCostInUSD\":0.000075,"
                + "\"latencyInSeconds\":1.25,\"timeToFirstTokenInSeconds\":0.3,\"traceName\":\"qa\",\"promptName\":\"qa\","
                + "\"promptVersion\":\"4\",\"scores\":{\"accuracy\":0.9,\"tone\":\"neutral\"}}]");
        CollectingSink sink = LangfuseFixtures.read(export);
        CanonicalSpan chat = sink.span("g1");
        assertThat(chat.inputTokens).isEqualTo(10);
        assertThat(chat.outputTokens).isEqualTo(5);
        assertThat(chat.totalTokens).isEqualTo(15);
        assertThat(chat.costUsd).isEqualByComparingTo(new BigDecimal("0.000075"));
        assertThat(chat.durationNs).isEqualTo(1_250_000_000L);
        assertThat(chat.timeToFirstTokenNs).isEqualTo(300_000_000L);
        assertThat(chat.traceName).isEqualTo("qa");
        assertThat(chat.promptTemplateVersion).isEqualTo("4");
        assertThat(chat.checks).extracting(CanonicalCheck::externalId, CanonicalCheck::name, CanonicalCheck::value,
                        CanonicalCheck::label, CanonicalCheck::source)
                .containsExactly(tuple("g1:accuracy", "accuracy", 0.9, null, CheckSource.EVALUATION),
                        tuple("g1:tone", "tone", null, "neutral", CheckSource.EVALUATION));
    }

    @Test
    void aPrettyPrintedObservationsPageIsStreamedElementByElement() throws Exception {
        CollectingSink sink = LangfuseFixtures.read("api-observations-page.json");
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).extracting(span -> span.spanId).containsExactly(ROOT, SUMMARIZE);
        assertThat(sink.span(SUMMARIZE).inputTokens).isEqualTo(52);
    }

    @Test
    void aTracesPageGivesOneRootSpanPerTraceEvenWithoutObservations() throws Exception {
        CollectingSink sink = LangfuseFixtures.read("api-traces-page.json");
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).extracting(span -> span.spanId, span -> span.kind, span -> span.name, span -> span.durationNs)
                .containsExactly(tuple(TRACE, SpanKind.CHAIN, "ticket-triage", 2_887_000_000L),
                        tuple("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", SpanKind.CHAIN, "ticket-triage", 0L));
        CanonicalSpan first = sink.span(TRACE);
        assertThat(first.inputText).isEqualTo("Ticket #88213");
        assertThat(first.outputText).isEqualTo(
                "{\"summary\":\"App v5.4 logs users out repeatedly; needs session-token fix.\",\"severity\":\"high\"}");
        assertThat(first.sessionId).isEqualTo("ticket-88213");
        assertThat(JsonValues.MAPPER.readTree(first.attributesJson).path("observations")).as("the id list is kept").hasSize(3);
        assertThat(sink.span("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e").outputText).isNull();
        assertThat(sink.checks).isEmpty();
    }
}
