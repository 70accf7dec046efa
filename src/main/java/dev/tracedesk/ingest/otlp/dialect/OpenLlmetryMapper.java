package dev.tracedesk.ingest.otlp.dialect;

import static dev.tracedesk.ingest.model.CanonicalSpan.firstNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;

/**
 * OpenLLMetry / Traceloop: messages flattened as gen_ai.prompt.N.* and gen_ai.completion.N.*
 * (role, content, tool_call_id, finish_reason, tool_calls.K.{id,name,arguments}, function_call),
 * llm.usage.*, llm.request.type, llm.request.functions.N.*, traceloop.span.kind and
 * traceloop.entity.input / output.
 */
final class OpenLlmetryMapper implements DialectMapper {

    private static final String PROMPT = "gen_ai.prompt";
    private static final String COMPLETION = "gen_ai.completion";
    private static final String FUNCTIONS = "llm.request.functions";

    @Override
    public void map(SpanFacts facts, CanonicalSpan span) {
        if (!facts.hasAny(SpanFacts.GEN_AI | SpanFacts.LLM | SpanFacts.TRACELOOP)) {
            return;
        }
        Map<String, List<ObjectNode>> lists = IndexedKeys.group(facts.attributes(), PROMPT, COMPLETION, FUNCTIONS);
        SpanFacts.offerMessages(span, MessageDirection.INPUT, messages(lists.get(PROMPT), MessageDirection.INPUT));
        SpanFacts.offerMessages(span, MessageDirection.OUTPUT, messages(lists.get(COMPLETION), MessageDirection.OUTPUT));
        functions(facts, lists.get(FUNCTIONS));
        span.inputTokens = firstNonNull(span.inputTokens, facts.whole("llm.usage.prompt_tokens"));
        span.outputTokens = firstNonNull(span.outputTokens, facts.whole("llm.usage.completion_tokens"));
        span.totalTokens = firstNonNull(span.totalTokens, facts.whole("llm.usage.total_tokens"));
        span.requestedModel = firstNonNull(span.requestedModel, facts.text("llm.request.model"));
        span.servedModel = firstNonNull(span.servedModel, facts.text("llm.response.model"));
        span.provider = firstNonNull(span.provider, facts.text("llm.vendor"));
        String requestType = facts.text("llm.request.type");
        if (requestType != null) {
            Dialects.offerKind(span, switch (requestType) {
                case "chat", "completion" -> SpanKind.LLM;
                case "embedding" -> SpanKind.EMBEDDING;
                case "rerank" -> SpanKind.RETRIEVER;
                default -> null;
            });
        }
        String traceloopKind = facts.text("traceloop.span.kind");
        if (traceloopKind != null) {
            Dialects.offerKind(span, switch (traceloopKind) {
                case "workflow", "task" -> SpanKind.CHAIN;
                case "agent" -> SpanKind.AGENT;
                case "tool" -> SpanKind.TOOL;
                default -> null;
            });
        }
        span.sessionId = firstNonNull(span.sessionId, facts.text("traceloop.association.properties.session_id"));
        span.userId = firstNonNull(span.userId, facts.text("traceloop.association.properties.user_id"));
        facts.offerRawInput(facts.text("traceloop.entity.input"));
        facts.offerRawOutput(facts.text("traceloop.entity.output"));
    }

    private static List<CanonicalMessage> messages(List<ObjectNode> items, MessageDirection direction) {
        if (items == null) {
            return null;
        }
        List<CanonicalMessage> messages = new ArrayList<>(items.size());
        for (ObjectNode item : items) {
            MessageDraft draft = new MessageDraft();
            draft.role = Values.text(item.get("role"));
            draft.name = Values.text(item.get("name"));
            draft.toolCallId = Values.text(item.get("tool_call_id"));
            draft.finishReason = Values.text(item.get("finish_reason"));
            content(item.get("content"), draft);
            for (ObjectNode call : IndexedKeys.items(item, "tool_calls")) {
                draft.addToolCall(Values.text(call.get("id")), Values.text(call.get("name")), call.get("arguments"));
            }
            if (item.has("function_call.name")) {
                draft.addToolCall(null, Values.text(item.get("function_call.name")), item.get("function_call.arguments"));
            }
            messages.add(draft.build(direction, direction == MessageDirection.INPUT ? "user" : "assistant"));
        }
        return messages;
    }

    /**
     * Content is text, or (multimodal) a JSON string of content parts. The string "null" is how
     * the instrumentation writes an assistant message that only called tools: no content.
     */
    private static void content(JsonNode content, MessageDraft draft) {
        if (content != null && "null".equals(content.asText())) {
            return;
        }
        JsonNode parts = Values.structured(content);
        if (parts != null && parts.isArray()) {
            parts.forEach(part -> MessageJson.readPart(part, draft));
        } else {
            draft.addText(Values.text(content));
        }
    }

    private static void functions(SpanFacts facts, List<ObjectNode> items) {
        if (items == null) {
            return;
        }
        ArrayNode functions = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode item : items) {
            ObjectNode function = functions.addObject();
            item.properties().forEach(field -> function.set(field.getKey(), Values.normalizedJson(field.getValue())));
        }
        facts.offerToolDefinitions(functions);
    }
}
