package dev.tracedesk.ingest.otlp;

import static dev.tracedesk.ingest.otlp.OtlpEnvelopes.JSON;
import static dev.tracedesk.ingest.otlp.OtlpEnvelopes.span;
import static dev.tracedesk.ingest.otlp.OtlpEnvelopes.tracesData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalDocument;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;

/** Each attribute dialect on a span built inline, and the precedence between dialects. */
class OtlpDialectsTest {

    @TempDir
    Path temp;

    @Test
    void openLlmetryFlattenedMessagesToolCallsAndFunctionsAreRead() throws IOException {
        CanonicalSpan span = readSpan(attributes("""
                {"gen_ai.system":"openai","llm.request.type":"chat","gen_ai.request.model":"gpt-4o",
                 "gen_ai.response.model":"gpt-4o-2024-08-06","gen_ai.request.temperature":0.2,
                 "gen_ai.prompt.0.role":"system","gen_ai.prompt.0.content":"Be brief.",
                 "gen_ai.prompt.1.role":"user","gen_ai.prompt.1.content":"Weather in Oslo?",
                 "gen_ai.completion.0.role":"assistant","gen_ai.completion.0.finish_reason":"tool_calls",
                 "gen_ai.completion.0.tool_calls.0.id":"call_1","gen_ai.completion.0.tool_calls.0.name":"weather",
                 "gen_ai.completion.0.tool_calls.0.arguments":"{\\"city\\":\\"Oslo\\"}",
                 "llm.request.functions.0.name":"weather","llm.request.functions.0.parameters":"{\\"type\\":\\"object\\"}",
                 "gen_ai.usage.prompt_tokens":20,"gen_ai.usage.completion_tokens":7,"llm.usage.total_tokens":27}"""));

        assertThat(span.kind).isEqualTo(SpanKind.LLM);
        assertThat(span.provider).isEqualTo("openai");
        assertThat(span.requestedModel).isEqualTo("gpt-4o");
        assertThat(span.servedModel).isEqualTo("gpt-4o-2024-08-06");
        assertThat(span.messages).extracting(CanonicalMessage::direction, CanonicalMessage::role, CanonicalMessage::content,
                        CanonicalMessage::toolCallsJson, CanonicalMessage::finishReason)
                .containsExactly(
                        tuple(MessageDirection.INPUT, "system", "Be brief.", null, null),
                        tuple(MessageDirection.INPUT, "user", "Weather in Oslo?", null, null),
                        tuple(MessageDirection.OUTPUT, "assistant", null,
                                "[{\"id\":\"call_1\",\"name\":\"weather\",\"arguments\":{\"city\":\"Oslo\"}}]", "tool_calls"));
        assertThat(span.outputText).isEqualTo("weather({\"city\":\"Oslo\"})");
        assertThat(span.inputTokens).isEqualTo(20);
        assertThat(span.outputTokens).isEqualTo(7);
        assertThat(span.totalTokens).isEqualTo(27);
        assertThat(JSON.readTree(span.parametersJson)).isEqualTo(JSON.readTree(
                "{\"temperature\":0.2,\"tools\":[{\"name\":\"weather\",\"parameters\":{\"type\":\"object\"}}]}"));
    }

    @Test
    void structuredMessagesAndSystemInstructionsAreReadLikeJsonStrings() throws IOException {
        CanonicalSpan span = readSpan(attributes("""
                {"gen_ai.operation.name":"chat","gen_ai.provider.name":"anthropic",
                 "gen_ai.system_instructions":[{"type":"text","content":"You are terse."}],
                 "gen_ai.input.messages":[{"role":"user","parts":[{"type":"text","content":"Hi"},
                     {"type":"image_url_of_the_future","uri":"x"}]}],
                 "gen_ai.output.messages":[{"role":"assistant","finish_reason":"end_turn",
                     "parts":[{"type":"reasoning","content":"thinking"},{"type":"text","content":"Hello."}]}],
                 "gen_ai.response.time_to_first_chunk":0.25,"gen_ai.conversation.id":"conv-7","user.id":"u-1"}"""));

        assertThat(span.messages).extracting(CanonicalMessage::direction, CanonicalMessage::role, CanonicalMessage::content,
                        CanonicalMessage::finishReason)
                .containsExactly(
                        tuple(MessageDirection.INPUT, "system", "You are terse.", null),
                        tuple(MessageDirection.INPUT, "user", "Hi", null),
                        tuple(MessageDirection.OUTPUT, "assistant", "Hello.", "end_turn"));
        assertThat(span.provider).isEqualTo("anthropic");
        assertThat(span.timeToFirstTokenNs).isEqualTo(250_000_000L);
        assertThat(span.sessionId).isEqualTo("conv-7");
        assertThat(span.userId).isEqualTo("u-1");
        assertThat(JSON.readTree(span.attributesJson).at("/gen_ai.output.messages/0/parts/0/content").asText())
                .as("the reasoning part has no canonical place and stays in the raw attributes").isEqualTo("thinking");
    }

    @Test
    void pythonReprPromptIsKeptAsRawText() throws IOException {
        CanonicalSpan span = readSpan(attributes("""
                {"gen_ai.system":"openai","gen_ai.request.model":"gpt-3.5-turbo",
                 "gen_ai.prompt":"[{'role': 'user', 'content': 'What is 2+2?'}]","gen_ai.completion":"4"}"""));

        assertThat(span.messages).isEmpty();
        assertThat(span.inputText).isEqualTo("[{'role': 'user', 'content': 'What is 2+2?'}]");
        assertThat(span.outputText).isEqualTo("4");
    }

    @Test
    void contentEventsAndMessageEventsOnTheSpanBecomeMessages() throws IOException {
        ObjectNode withContentEvents = span("00f067aa0ba902b7", null, "chat", attributes("{\"gen_ai.system\":\"openai\"}"));
        withContentEvents.set("events", JSON.readTree("""
                [{"name":"gen_ai.content.prompt","timeUnixNano":"1760000000100000000","attributes":[
                   {"key":"gen_ai.prompt","value":{"stringValue":"[{\\"role\\":\\"user\\",\\"content\\":\\"Ping?\\"}]"}}]},
                 {"name":"gen_ai.content.completion","timeUnixNano":"1760000000200000000","attributes":[
                   {"key":"gen_ai.completion","value":{"stringValue":"[{\\"role\\":\\"assistant\\",\\"content\\":\\"Pong.\\"}]"}}]}]"""));
        ObjectNode withMessageEvents = span("00f067aa0ba902b8", null, "chat", attributes("{\"gen_ai.system\":\"az.ai.inference\"}"));
        withMessageEvents.set("events", JSON.readTree("""
                [{"name":"gen_ai.system.message","attributes":[{"key":"gen_ai.event.content",
                   "value":{"stringValue":"{\\"role\\":\\"system\\",\\"content\\":\\"Be kind.\\"}"}}]},
                 {"name":"gen_ai.user.message","attributes":[{"key":"content","value":{"stringValue":"Hello"}}]},
                 {"name":"gen_ai.choice","attributes":[{"key":"gen_ai.event.content","value":{"stringValue":
                   "{\\"index\\":0,\\"finish_reason\\":\\"stop\\",\\"message\\":{\\"content\\":\\"Hi there\\"}}"}}]}]"""));

        CollectingSink sink = read(tracesData(withContentEvents, withMessageEvents));

        assertThat(sink.span("00f067aa0ba902b7").messages).extracting(CanonicalMessage::role, CanonicalMessage::content)
                .containsExactly(tuple("user", "Ping?"), tuple("assistant", "Pong."));
        assertThat(sink.span("00f067aa0ba902b8").messages)
                .extracting(CanonicalMessage::direction, CanonicalMessage::role, CanonicalMessage::content, CanonicalMessage::finishReason)
                .containsExactly(
                        tuple(MessageDirection.INPUT, "system", "Be kind.", null),
                        tuple(MessageDirection.INPUT, "user", "Hello", null),
                        tuple(MessageDirection.OUTPUT, "assistant", "Hi there", "stop"));
        assertThat(JSON.readTree(sink.span("00f067aa0ba902b7").eventsJson).get(0).get("name").asText())
                .isEqualTo("gen_ai.content.prompt");
        assertThat(sink.span("00f067aa0ba902b7").kind).as("a span with messages is a model call").isEqualTo(SpanKind.LLM);
    }

    @Test
    void whenTwoDialectsDisagreeOtelGenAiWinsAndBothStayInTheAttributes() throws IOException {
        CanonicalSpan span = readSpan(attributes("""
                {"gen_ai.operation.name":"chat","gen_ai.response.model":"model-from-genai",
                 "gen_ai.usage.input_tokens":10,"gen_ai.usage.output_tokens":5,
                 "gen_ai.input.messages":"[{\\"role\\":\\"user\\",\\"parts\\":[{\\"type\\":\\"text\\",\\"content\\":\\"A\\"}]}]",
                 "openinference.span.kind":"LLM","llm.model_name":"model-from-openinference",
                 "llm.token_count.prompt":99,"llm.input_messages.0.message.role":"user",
                 "llm.input_messages.0.message.content":"B","llm.cost.total":0.0042}"""));

        assertThat(span.servedModel).isEqualTo("model-from-genai");
        assertThat(span.inputTokens).isEqualTo(10);
        assertThat(span.messages(MessageDirection.INPUT)).extracting(CanonicalMessage::content).containsExactly("A");
        assertThat(span.costUsd).as("a fact only one dialect has is still taken").isEqualByComparingTo("0.0042");
        assertThat(JSON.readTree(span.attributesJson).get("llm.model_name").asText()).isEqualTo("model-from-openinference");
    }

    @Test
    void openInferenceRetrieverTemplateCostAndAnnotationsAreRead() throws IOException {
        ObjectNode retriever = span("1111111111111111", "2222222222222222", "retrieve", attributes("""
                {"openinference.span.kind":"RETRIEVER","input.value":"what is otlp?",
                 "retrieval.documents.0.document.id":"doc-1","retrieval.documents.0.document.score":0.83,
                 "retrieval.documents.0.document.content":"OTLP is the OpenTelemetry protocol.",
                 "retrieval.documents.0.document.metadata":"{\\"source\\":\\"a.pdf\\",\\"page\\":3}",
                 "retrieval.documents.1.document.id":"doc-2","retrieval.documents.1.document.content":"Second."}"""));
        ObjectNode llm = span("3333333333333333", "2222222222222222", "ChatCompletion", attributes("""
                {"openinference.span.kind":"LLM","llm.model_name":"gpt-4o-mini-2024-07-18","llm.provider":"openai",
                 "llm.prompt_template.template":"Answer {question} from {context}",
                 "llm.prompt_template.variables":"{\\"question\\":\\"what is otlp?\\"}","llm.prompt_template.version":"v3",
                 "llm.cost.prompt":0.001,"llm.cost.completion":0.002,
                 "llm.output_messages.0.message.role":"assistant","llm.output_messages.0.message.content":"A protocol.",
                 "llm.finish_reason":"length","session.id":"s-9",
                 "annotations.0.annotation.name":"correctness","annotations.0.annotation.label":"incorrect",
                 "annotations.0.annotation.score":0,"annotations.0.annotation.annotator_kind":"HUMAN",
                 "annotations.0.annotation.explanation":"misses the point"}"""));

        CollectingSink sink = read(tracesData(retriever, llm));

        CanonicalSpan retrieved = sink.span("1111111111111111");
        assertThat(retrieved.kind).isEqualTo(SpanKind.RETRIEVER);
        assertThat(retrieved.inputText).isEqualTo("what is otlp?");
        assertThat(retrieved.documents).extracting(CanonicalDocument::rank, CanonicalDocument::documentId,
                        CanonicalDocument::score, CanonicalDocument::source, CanonicalDocument::metadataJson)
                .containsExactly(tuple(0, "doc-1", 0.83, "a.pdf", "{\"source\":\"a.pdf\",\"page\":3}"),
                        tuple(1, "doc-2", null, null, null));
        CanonicalSpan call = sink.span("3333333333333333");
        assertThat(call.promptTemplateText).isEqualTo("Answer {question} from {context}");
        assertThat(call.promptVariablesJson).isEqualTo("{\"question\":\"what is otlp?\"}");
        assertThat(call.promptTemplateVersion).isEqualTo("v3");
        assertThat(call.costUsd).isEqualByComparingTo(new BigDecimal("0.003"));
        assertThat(call.messages).singleElement().extracting(CanonicalMessage::finishReason).isEqualTo("length");
        assertThat(call.sessionId).isEqualTo("s-9");
        assertThat(call.checks).extracting(CanonicalCheck::source, CanonicalCheck::name, CanonicalCheck::label,
                        CanonicalCheck::value, CanonicalCheck::passed, CanonicalCheck::explanation)
                .containsExactly(tuple(CheckSource.ANNOTATION, "correctness", "incorrect", 0.0, false, "misses the point"));
    }

    @Test
    void langfuseObservationAttributesAreRead() throws IOException {
        CanonicalSpan span = readSpan(attributes("""
                {"langfuse.observation.type":"generation","langfuse.observation.model.name":"gpt-4o",
                 "langfuse.observation.model.parameters":"{\\"temperature\\":0.1}",
                 "langfuse.observation.input":"[{\\"role\\":\\"user\\",\\"content\\":\\"Q?\\"}]",
                 "langfuse.observation.output":"{\\"role\\":\\"assistant\\",\\"content\\":\\"A.\\"}",
                 "langfuse.observation.usage_details":"{\\"input\\":12,\\"output\\":3}",
                 "langfuse.observation.cost_details":"{\\"input\\":0.00003,\\"output\\":0.00002}",
                 "langfuse.observation.prompt.name":"qa-prompt","langfuse.observation.prompt.version":4,
                 "langfuse.observation.level":"ERROR","langfuse.observation.status_message":"rate limited",
                 "langfuse.observation.completion_start_time":"2025-10-09T08:53:20.400Z",
                 "langfuse.trace.name":"qa","langfuse.session.id":"sess-1","langfuse.user.id":"user-2"}"""));

        assertThat(span.kind).isEqualTo(SpanKind.LLM);
        assertThat(span.requestedModel).isEqualTo("gpt-4o");
        assertThat(span.parametersJson).isEqualTo("{\"temperature\":0.1}");
        assertThat(span.messages).extracting(CanonicalMessage::role, CanonicalMessage::content)
                .containsExactly(tuple("user", "Q?"), tuple("assistant", "A."));
        assertThat(span.inputTokens).isEqualTo(12);
        assertThat(span.totalTokens).isEqualTo(15);
        assertThat(span.costUsd).isEqualByComparingTo("0.00005");
        assertThat(span.promptTemplateName).isEqualTo("qa-prompt");
        assertThat(span.promptTemplateVersion).isEqualTo("4");
        assertThat(span.status).isEqualTo(SpanStatus.ERROR);
        assertThat(span.errorMessage).isEqualTo("rate limited");
        assertThat(span.timeToFirstTokenNs).as("start is 1760000000 s = 2025-10-09T08:53:20Z").isEqualTo(400_000_000L);
        assertThat(span.traceName).isEqualTo("qa");
        assertThat(span.sessionId).isEqualTo("sess-1");
        assertThat(span.userId).isEqualTo("user-2");
    }

    @Test
    void guardrailAndEvaluationEventsBecomeChecksWithProviderNativeValues() throws IOException {
        ObjectNode guarded = span("00f067aa0ba902b7", null, "apply_guardrail bedrock",
                attributes("{\"gen_ai.operation.name\":\"apply_guardrail\",\"gen_ai.provider.name\":\"aws.bedrock\"}"));
        guarded.set("events", JSON.readTree("""
                [{"name":"gen_ai.guardrail.result","timeUnixNano":"1760000000500000000","attributes":[
                   {"key":"gen_ai.guardrail.policy.id","value":{"stringValue":"gr-123"}},
                   {"key":"gen_ai.guardrail.result.type","value":{"stringValue":"action"}},
                   {"key":"gen_ai.guardrail.result.value","value":{"stringValue":"GUARDRAIL_INTERVENED"}},
                   {"key":"gen_ai.guardrail.result.reason","value":{"stringValue":"PII detected"}}]},
                 {"name":"gen_ai.evaluation.result","timeUnixNano":"1760000000600000000","attributes":[
                   {"key":"gen_ai.evaluation.name","value":{"stringValue":"relevance"}},
                   {"key":"gen_ai.evaluation.score.value","value":{"doubleValue":0.4}},
                   {"key":"gen_ai.evaluation.score.label","value":{"stringValue":"fail"}},
                   {"key":"gen_ai.evaluation.explanation","value":{"stringValue":"off topic"}}]}]"""));

        CanonicalSpan span = read(tracesData(guarded)).spans.get(0);

        assertThat(span.kind).isEqualTo(SpanKind.GUARDRAIL);
        assertThat(span.checks).extracting(CanonicalCheck::source, CanonicalCheck::name, CanonicalCheck::label,
                        CanonicalCheck::value, CanonicalCheck::passed, CanonicalCheck::explanation, CanonicalCheck::createdNs)
                .containsExactly(
                        tuple(CheckSource.GUARDRAIL, "gr-123", "GUARDRAIL_INTERVENED", null, null, "PII detected",
                                1760000000500000000L),
                        tuple(CheckSource.EVALUATION, "relevance", "fail", 0.4, false, "off topic", 1760000000600000000L));
        assertThat(span.checks).extracting(CanonicalCheck::externalId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("otlp:" + OtlpEnvelopes.TRACE_ID + ":00f067aa0ba902b7:"));
    }

    @Test
    void errorStatusWithAnExceptionEventGivesTheErrorMessage() throws IOException {
        ObjectNode failed = span("00f067aa0ba902b7", null, "chat", attributes("{\"gen_ai.operation.name\":\"chat\"}"));
        failed.set("status", JSON.readTree("{\"code\":2}"));
        failed.set("events", JSON.readTree("""
                [{"name":"exception","attributes":[{"key":"exception.type","value":{"stringValue":"RateLimitError"}},
                   {"key":"exception.message","value":{"stringValue":"429 Too Many Requests"}}]}]"""));
        ObjectNode typed = span("00f067aa0ba902b8", null, "chat",
                attributes("{\"gen_ai.operation.name\":\"chat\",\"error.type\":\"timeout\"}"));

        CollectingSink sink = read(tracesData(failed, typed));

        assertThat(sink.span("00f067aa0ba902b7").status).isEqualTo(SpanStatus.ERROR);
        assertThat(sink.span("00f067aa0ba902b7").errorMessage).isEqualTo("RateLimitError: 429 Too Many Requests");
        assertThat(sink.span("00f067aa0ba902b8").status).isEqualTo(SpanStatus.ERROR);
        assertThat(sink.span("00f067aa0ba902b8").errorMessage).isEqualTo("timeout");
    }

    @Test
    void genAiRetrievalDocumentsAndOperationDetailsEventAreRead() throws IOException {
        ObjectNode retrieval = span("00f067aa0ba902b7", null, "retrieval", attributes("""
                {"gen_ai.operation.name":"retrieval","gen_ai.retrieval.query.text":"refund policy",
                 "gen_ai.retrieval.documents":"[{\\"id\\":\\"doc_123\\",\\"score\\":0.95,\\"content\\":\\"Refunds within 30 days.\\"}]"}"""));
        ObjectNode details = span("00f067aa0ba902b8", null, "chat", attributes("{\"gen_ai.operation.name\":\"chat\"}"));
        details.set("events", JSON.readTree("""
                [{"name":"gen_ai.client.inference.operation.details","attributes":[
                   {"key":"gen_ai.input.messages","value":{"stringValue":"[{\\"role\\":\\"user\\",\\"parts\\":[{\\"type\\":\\"text\\",\\"content\\":\\"Hey\\"}]}]"}},
                   {"key":"gen_ai.output.messages","value":{"stringValue":"[{\\"role\\":\\"assistant\\",\\"parts\\":[{\\"type\\":\\"text\\",\\"content\\":\\"Yo\\"}],\\"finish_reason\\":\\"stop\\"}]"}}]}]"""));

        CollectingSink sink = read(tracesData(retrieval, details));

        CanonicalSpan retrieved = sink.span("00f067aa0ba902b7");
        assertThat(retrieved.kind).isEqualTo(SpanKind.RETRIEVER);
        assertThat(retrieved.inputText).isEqualTo("refund policy");
        assertThat(retrieved.documents).extracting(CanonicalDocument::documentId, CanonicalDocument::score, CanonicalDocument::content)
                .containsExactly(tuple("doc_123", 0.95, "Refunds within 30 days."));
        assertThat(sink.span("00f067aa0ba902b8").messages).extracting(CanonicalMessage::role, CanonicalMessage::content)
                .containsExactly(tuple("user", "Hey"), tuple("assistant", "Yo"));
    }

    @Test
    void aSpanWithoutGenAiMarkersIsOtherAndAnOpenInferenceChainIsChain() throws IOException {
        CollectingSink sink = read(tracesData(
                span("00f067aa0ba902b7", null, "GET /health", attributes("{\"http.method\":\"GET\"}")),
                span("00f067aa0ba902b8", null, "pipeline", attributes("""
                        {"openinference.span.kind":"CHAIN","input.value":"q","output.value":"a"}"""))));

        assertThat(sink.span("00f067aa0ba902b7").kind).isEqualTo(SpanKind.OTHER);
        assertThat(sink.span("00f067aa0ba902b7").inputText).isNull();
        assertThat(sink.span("00f067aa0ba902b8").kind).isEqualTo(SpanKind.CHAIN);
        assertThat(sink.span("00f067aa0ba902b8").outputText).isEqualTo("a");
    }

    private static ObjectNode attributes(String json) throws IOException {
        return (ObjectNode) JSON.readTree(json);
    }

    private CanonicalSpan readSpan(ObjectNode attributes) throws IOException {
        CollectingSink sink = read(tracesData(span("00f067aa0ba902b7", null, "span", attributes)));
        assertThat(sink.spans).hasSize(1);
        return sink.spans.get(0);
    }

    private CollectingSink read(String content) throws IOException {
        CollectingSink sink = OtlpReading.readText(new OtlpTracesReader(), temp, "spans.jsonl", content);
        assertThat(sink.rejections).isEmpty();
        return sink;
    }
}
