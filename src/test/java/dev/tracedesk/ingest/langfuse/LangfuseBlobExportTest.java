package dev.tracedesk.ingest.langfuse;

import static dev.tracedesk.ingest.langfuse.LangfuseFixtures.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

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

/** The blob storage export in JSONL: observations_v2/, scores/ and the legacy traces/ rows (snake_case). */
class LangfuseBlobExportTest {

    private static final String TRACE = "7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a";

    @Test
    void eachObservationRowIsASpanAndAnEmptyParentIdMakesARoot() throws Exception {
        CollectingSink sink = LangfuseFixtures.read("blob-observations_v2.jsonl");
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans).extracting(span -> span.spanId, span -> span.kind, span -> span.parentSpanId)
                .containsExactly(
                        tuple("1a2b3c4d5e6f7081", SpanKind.CHAIN, null),
                        tuple("2b3c4d5e6f708192", SpanKind.RETRIEVER, "1a2b3c4d5e6f7081"),
                        tuple("3c4d5e6f708192a3", SpanKind.LLM, "1a2b3c4d5e6f7081"),
                        tuple("4d5e6f708192a3b4", SpanKind.TOOL, "1a2b3c4d5e6f7081"),
                        tuple("5e6f708192a3b4c5", SpanKind.LLM, "1a2b3c4d5e6f7081"));
        assertThat(sink.spans).allSatisfy(span -> {
            assertThat(span.traceId).isEqualTo(TRACE);
            assertThat(span.traceName).isEqualTo("support-chat");
            assertThat(span.sessionId).isEqualTo("sess-77ab");
            assertThat(span.userId).isEqualTo("user-0093");
        });
    }

    @Test
    void zoneLessTimestampsAreUtcAndTimesComeFromThemNotFromTheMillisecondLatencyColumns() throws Exception {
        CanonicalSpan draft = LangfuseFixtures.read("blob-observations_v2.jsonl").span("3c4d5e6f708192a3");
        assertThat(draft.startNs).isEqualTo(nanos("2025-10-02T09:15:00.400Z"));
        assertThat(draft.durationNs).isEqualTo(1_500_000_000L);
        // time_to_first_token is 420 (milliseconds, an integration made before 2026-04-01); the timestamps agree
        assertThat(draft.timeToFirstTokenNs).isEqualTo(420_000_000L);
    }

    @Test
    void aGenerationRowHasItsModelParametersFromAJsonStringUsageCostAndPrompt() throws Exception {
        CanonicalSpan draft = LangfuseFixtures.read("blob-observations_v2.jsonl").span("3c4d5e6f708192a3");
        assertThat(draft.name).isEqualTo("draft-reply");
        assertThat(draft.requestedModel).isEqualTo("gpt-4o-2024-08-06");
        assertThat(draft.servedModel).isEqualTo("gpt-4o-2024-08-06");
        assertThat(draft.provider).isEqualTo("openai");
        assertThat(JsonValues.MAPPER.readTree(draft.parametersJson)).isEqualTo(
                JsonValues.MAPPER.readTree("{\"temperature\":0.7,\"max_tokens\":256,\"tool_choice\":\"auto\"}"));
        assertThat(draft.inputTokens).isEqualTo(120);
        assertThat(draft.outputTokens).isEqualTo(40);
        assertThat(draft.totalTokens).isEqualTo(160);
        assertThat(draft.costUsd).isEqualByComparingTo(new BigDecimal("0.0007"));
        assertThat(draft.promptTemplateName).isEqualTo("reply-draft");
        assertThat(draft.promptTemplateVersion).isEqualTo("3");
        var attributes = JsonValues.MAPPER.readTree(draft.attributesJson);
        assertThat(attributes.path("tool_call_names").get(0).asText()).isEqualTo("create_return_label");
        assertThat(attributes.path("input_price").asText()).isEqualTo("0.0000025");
    }

    @Test
    void inputAndOutputStringsHoldingJsonAreReadAsMessagesWithContentPartsAndToolCalls() throws Exception {
        CanonicalSpan draft = LangfuseFixtures.read("blob-observations_v2.jsonl").span("3c4d5e6f708192a3");
        assertThat(draft.messages(MessageDirection.INPUT)).extracting(CanonicalMessage::role, CanonicalMessage::content)
                .containsExactly(
                        tuple("system", "You are a support agent for Acme. Use the tools to act; be brief."),
                        tuple("user", "My order #5521 arrived damaged, can I get a return label?"));
        CanonicalMessage reply = draft.messages(MessageDirection.OUTPUT).get(0);
        assertThat(reply.role()).isEqualTo("assistant");
        assertThat(reply.content()).isNull();
        assertThat(JsonValues.MAPPER.readTree(reply.toolCallsJson())).isEqualTo(JsonValues.MAPPER.readTree(
                "[{\"id\":\"call_9f2KXa\",\"name\":\"create_return_label\",\"arguments\":\"{\\\"order_id\\\":\\\"5521\\\",\\\"reason\\\":\\\"damaged\\\"}\"}]"));
        assertThat(draft.outputText).isEqualTo("create_return_label({\"order_id\":\"5521\",\"reason\":\"damaged\"})");
    }

    @Test
    void aToolMessageKeepsTheCallItAnswers() throws Exception {
        CanonicalSpan finalReply = LangfuseFixtures.read("blob-observations_v2.jsonl").span("5e6f708192a3b4c5");
        CanonicalMessage toolResult = finalReply.messages(MessageDirection.INPUT).get(2);
        assertThat(toolResult.role()).isEqualTo("tool");
        assertThat(toolResult.toolCallId()).isEqualTo("call_9f2KXa");
        assertThat(toolResult.content()).contains("labels.acme.example/rl/5521-7f3");
    }

    @Test
    void langChainDocumentsInARetrieverOutputStringBecomeDocumentsWithMetadataIdsAndScores() throws Exception {
        CanonicalSpan lookup = LangfuseFixtures.read("blob-observations_v2.jsonl").span("2b3c4d5e6f708192");
        assertThat(lookup.documents).extracting(d -> d.rank(), d -> d.documentId(), d -> d.score(), d -> d.source())
                .containsExactly(tuple(0, "faq-12", 0.82, "faq/returns.md"), tuple(1, "faq-31", 0.47, "faq/shipping.md"));
        assertThat(lookup.documents.get(1).content()).isEqualTo("Labels are valid for 14 days after they are issued.");
    }

    @Test
    void aFailedGenerationIsAnErrorAndAZeroTotalCostWithoutCostDetailsIsNoReportedCost() throws Exception {
        CanonicalSpan failed = LangfuseFixtures.read("blob-observations_v2.jsonl").span("5e6f708192a3b4c5");
        assertThat(failed.status).isEqualTo(SpanStatus.ERROR);
        assertThat(failed.errorMessage).startsWith("429 Too Many Requests: Rate limit reached for gpt-4o");
        assertThat(failed.costUsd).as("left for the writer to estimate, if it can").isNull();
        assertThat(failed.outputText).as("the export writes \"\" for no output").isNull();
        assertThat(failed.messages(MessageDirection.OUTPUT)).isEmpty();
    }

    @Test
    void spanRowsWithEmptyModelAndParametersHaveNone() throws Exception {
        CanonicalSpan tool = LangfuseFixtures.read("blob-observations_v2.jsonl").span("4d5e6f708192a3b4");
        assertThat(tool.requestedModel).isNull();
        assertThat(tool.parametersJson).isNull();
        assertThat(tool.promptTemplateName).isNull();
        assertThat(tool.costUsd).isNull();
        assertThat(tool.status).isEqualTo(SpanStatus.UNSET);
        assertThat(tool.inputText).isEqualTo("{\"order_id\": \"5521\", \"reason\": \"damaged\"}");
    }

    @Test
    void scoreRowsBecomeChecksOnTheirObservationOrTheTraceRoot() throws Exception {
        CollectingSink sink = LangfuseFixtures.read("blob-scores.jsonl");
        assertThat(sink.spans).isEmpty();
        assertThat(sink.checkTargets).containsExactly(
                new CheckTarget(TRACE, null),
                new CheckTarget(TRACE, "3c4d5e6f708192a3"),
                new CheckTarget(TRACE, null),
                new CheckTarget(TRACE, "3c4d5e6f708192a3"),
                new CheckTarget(TRACE, null));
        assertThat(sink.checks).extracting(CanonicalCheck::name, CanonicalCheck::source, CanonicalCheck::value,
                        CanonicalCheck::label, CanonicalCheck::passed)
                .containsExactly(
                        tuple("user-feedback", CheckSource.FEEDBACK, 1.0, null, null),
                        tuple("tool-call-correct", CheckSource.EVALUATION, 1.0, "True", true),
                        tuple("reviewer-note", CheckSource.ANNOTATION, null,
                                "Clear and quick, but it did not apologise for the failed final reply.", null),
                        tuple("tone", CheckSource.ANNOTATION, 0.0, "friendly", null),
                        tuple("exact-match", CheckSource.EVALUATION, 0.0, null, null));
        assertThat(sink.checks.get(0).externalId()).isEqualTo("b6f1c2d3-0a9e-4f8d-9c7b-6a5e4d3c2b1a");
        assertThat(sink.checks.get(0).explanation()).isEqualTo("Quick fix, thanks");
        assertThat(sink.checks.get(0).createdNs()).isEqualTo(nanos("2025-10-02T09:16:05Z"));
    }

    @Test
    void aSessionScoreWithoutATraceIsRejectedWithItsRowAndReason() throws Exception {
        CollectingSink sink = LangfuseFixtures.read("blob-scores.jsonl");
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("line 5");
            assertThat(rejection.lineNumber()).isEqualTo(5);
            assertThat(rejection.rawText()).contains("\"name\":\"session-resolved\"");
            assertThat(rejection.reason()).contains("session sess-77ab").contains("not to a trace");
        });
    }

    @Test
    void aLegacyTracesRowIsARootSpanWithTheTracesInputAndFacts() throws Exception {
        CollectingSink sink = LangfuseFixtures.read("blob-traces.jsonl");
        CanonicalSpan root = sink.span(TRACE);
        assertThat(root.traceId).isEqualTo(TRACE);
        assertThat(root.parentSpanId).isNull();
        assertThat(root.kind).isEqualTo(SpanKind.CHAIN);
        assertThat(root.name).isEqualTo("support-chat");
        assertThat(root.sessionId).isEqualTo("sess-77ab");
        assertThat(root.userId).isEqualTo("user-0093");
        assertThat(root.startNs).isEqualTo(nanos("2025-10-02T09:15:00Z"));
        assertThat(root.durationNs).as("a traces/ row has no latency").isNull();
        assertThat(root.inputText).isEqualTo("{\"message\": \"My order #5521 arrived damaged, can I get a return label?\"}");
    }
}
