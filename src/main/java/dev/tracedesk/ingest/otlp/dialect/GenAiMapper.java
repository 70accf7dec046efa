package dev.tracedesk.ingest.otlp.dialect;

import static dev.tracedesk.ingest.model.CanonicalSpan.firstNonNull;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * The current OTel GenAI semantic conventions (semconv 1.37+): gen_ai.input.messages /
 * output.messages / system_instructions (JSON strings or structured values), provider, request
 * and response model, request parameters, usage, finish reasons, retrieval documents, and the
 * {@code gen_ai.client.inference.operation.details} event. Also the usage names older
 * generations used, which differ only in name.
 */
final class GenAiMapper implements DialectMapper {

    private static final String REQUEST_PREFIX = "gen_ai.request.";

    @Override
    public void map(SpanFacts facts, CanonicalSpan span) {
        if (!facts.hasAny(SpanFacts.GEN_AI) && facts.events().isEmpty()) {
            return;
        }
        String operation = facts.text("gen_ai.operation.name");
        if (operation != null) {
            span.operationName = firstNonNull(span.operationName, operation);
            Dialects.offerKind(span, kindOf(operation));
        }
        span.provider = firstNonNull(span.provider, facts.text("gen_ai.provider.name"), facts.text("gen_ai.system"));
        span.requestedModel = firstNonNull(span.requestedModel, facts.text("gen_ai.request.model"));
        span.servedModel = firstNonNull(span.servedModel, facts.text("gen_ai.response.model"));
        requestParameters(facts);
        facts.offerToolDefinitions(facts.structured("gen_ai.tool.definitions"));
        span.inputTokens = firstNonNull(span.inputTokens, facts.whole("gen_ai.usage.input_tokens"),
                facts.whole("gen_ai.usage.prompt_tokens"));
        span.outputTokens = firstNonNull(span.outputTokens, facts.whole("gen_ai.usage.output_tokens"),
                facts.whole("gen_ai.usage.completion_tokens"));
        span.totalTokens = firstNonNull(span.totalTokens, facts.whole("gen_ai.usage.total_tokens"));
        Double firstChunkSeconds = facts.number("gen_ai.response.time_to_first_chunk");
        span.timeToFirstTokenNs = firstNonNull(span.timeToFirstTokenNs, JsonValues.secondsToNanos(firstChunkSeconds));
        if (facts.finishReasons == null) {
            facts.finishReasons = facts.structured("gen_ai.response.finish_reasons");
        }
        span.promptTemplateName = firstNonNull(span.promptTemplateName, facts.text("gen_ai.prompt.name"));
        span.sessionId = firstNonNull(span.sessionId, facts.text("gen_ai.conversation.id"));
        messages(facts, facts.attributes(), span);
        for (SpanEvent event : facts.events()) {
            if (GenAiEvents.OPERATION_DETAILS.equals(event.name())) {
                messages(facts, event.attributes(), span);
            }
        }
        retrieval(facts, span);
        facts.offerRawInput(facts.text("gen_ai.tool.call.arguments"));
        facts.offerRawOutput(facts.text("gen_ai.tool.call.result"));
    }

    static SpanKind kindOf(String operation) {
        return switch (operation) {
            case "chat", "text_completion", "generate_content", "completion" -> SpanKind.LLM;
            case "embeddings", "embedding" -> SpanKind.EMBEDDING;
            case "retrieval", "search_memory" -> SpanKind.RETRIEVER;
            case "execute_tool" -> SpanKind.TOOL;
            case "invoke_agent", "create_agent" -> SpanKind.AGENT;
            case "invoke_workflow" -> SpanKind.CHAIN;
            case "apply_guardrail" -> SpanKind.GUARDRAIL;
            default -> null;
        };
    }

    /** gen_ai.request.* except the model, under their short names (temperature, max_tokens, …). */
    private static void requestParameters(SpanFacts facts) {
        for (Map.Entry<String, JsonNode> entry : facts.attributes().properties()) {
            String key = entry.getKey();
            if (key.startsWith(REQUEST_PREFIX) && !key.equals("gen_ai.request.model")) {
                facts.parameter(key.substring(REQUEST_PREFIX.length()), entry.getValue());
            }
        }
    }

    private static void messages(SpanFacts facts, ObjectNode source, CanonicalSpan span) {
        JsonNode input = source.get("gen_ai.input.messages");
        List<CanonicalMessage> inputMessages = GenAiEvents.inputMessages(input, source.get("gen_ai.system_instructions"));
        SpanFacts.offerMessages(span, MessageDirection.INPUT, inputMessages);
        if (inputMessages == null) {
            facts.offerRawInput(Values.text(input));
        }
        JsonNode output = source.get("gen_ai.output.messages");
        List<CanonicalMessage> outputMessages = GenAiEvents.outputMessages(output);
        SpanFacts.offerMessages(span, MessageDirection.OUTPUT, outputMessages);
        if (outputMessages == null) {
            facts.offerRawOutput(Values.text(output));
        }
    }

    private static void retrieval(SpanFacts facts, CanonicalSpan span) {
        JsonNode documents = facts.structured("gen_ai.retrieval.documents");
        if (documents != null && documents.isArray() && span.documents.isEmpty()) {
            int rank = 0;
            for (JsonNode document : documents) {
                if (document.isObject()) {
                    span.documents.add(Documents.fromObject(rank++, document));
                }
            }
        }
        facts.offerRawInput(facts.text("gen_ai.retrieval.query.text"));
    }
}
