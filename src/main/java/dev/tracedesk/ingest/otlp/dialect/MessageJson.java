package dev.tracedesk.ingest.otlp.dialect;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.MessageDirection;

/**
 * Reads messages written as JSON in any of the shapes the dialects use: OTel GenAI role + parts
 * (text, tool_call, tool_call_response; unknown part types are skipped, their raw form stays in
 * the attributes), OpenAI chat messages (content string or parts, tool_calls, tool_call_id), a
 * choice ({index, finish_reason, message}), a completion ({text, finish_reason}), a request
 * ({messages: […]}) or response ({choices: […]}), or plain strings.
 */
public final class MessageJson {

    private MessageJson() {
    }

    /**
     * The messages in the value (a JSON string is parsed first); null when the value holds none,
     * e.g. Python-repr text that is not JSON: the caller then keeps the raw text.
     */
    public static List<CanonicalMessage> parse(JsonNode value, MessageDirection direction, String defaultRole) {
        JsonNode node = Values.structured(value);
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            JsonNode nested = node.has("messages") ? node.get("messages") : node.get("choices");
            if (nested != null && nested.isArray()) {
                return parse(nested, direction, defaultRole);
            }
            CanonicalMessage single = message(node, direction, defaultRole);
            return single == null ? null : List.of(single);
        }
        List<CanonicalMessage> messages = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            CanonicalMessage message = message(element, direction, defaultRole);
            if (message != null) {
                messages.add(message);
            }
        }
        return messages.isEmpty() ? null : messages;
    }

    /** One message from a message, choice or completion object, or a plain string; null otherwise. */
    public static CanonicalMessage message(JsonNode element, MessageDirection direction, String defaultRole) {
        if (element == null) {
            return null;
        }
        if (element.isTextual()) {
            return CanonicalMessage.text(direction, defaultRole, element.textValue());
        }
        if (!element.isObject()) {
            return null;
        }
        MessageDraft draft = new MessageDraft();
        JsonNode inner = element.get("message");
        read(inner != null && inner.isObject() ? inner : element, draft);
        if (draft.finishReason == null) {
            draft.finishReason = Values.text(firstPresent(element, "finish_reason", "finishReason"));
        }
        return draft.isEmpty() ? null : draft.build(direction, defaultRole);
    }

    /** Reads a message object's fields into the draft. */
    static void read(JsonNode message, MessageDraft draft) {
        draft.role = Values.text(message.get("role"));
        draft.name = Values.text(message.get("name"));
        draft.toolCallId = Values.text(firstPresent(message, "tool_call_id", "toolCallId"));
        draft.finishReason = Values.text(firstPresent(message, "finish_reason", "finishReason"));
        JsonNode parts = message.get("parts");
        if (parts != null && parts.isArray()) {
            parts.forEach(part -> readPart(part, draft));
        }
        readContent(message.get("content"), draft);
        JsonNode text = message.get("text");
        if (text != null && text.isTextual()) {
            draft.addText(text.textValue());
        }
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray()) {
            toolCalls.forEach(call -> readToolCall(call, draft));
        }
        JsonNode functionCall = message.get("function_call");
        if (functionCall != null && functionCall.isObject()) {
            readToolCall(functionCall, draft);
        }
    }

    /** A part of an OTel GenAI message, or of an OpenAI/Anthropic content array. */
    static void readPart(JsonNode part, MessageDraft draft) {
        if (part.isTextual()) {
            draft.addText(part.textValue());
            return;
        }
        String type = Values.text(part.get("type"));
        if (type == null) {
            draft.addText(Values.text(firstPresent(part, "content", "text")));
            return;
        }
        switch (type) {
            case "text", "input_text", "output_text" -> draft.addText(Values.text(firstPresent(part, "content", "text")));
            case "tool_call", "tool_use" -> draft.addToolCall(Values.text(part.get("id")), Values.text(part.get("name")),
                    firstPresent(part, "arguments", "input"));
            case "tool_call_response", "tool_result" -> {
                if (draft.toolCallId == null) {
                    draft.toolCallId = Values.text(firstPresent(part, "id", "tool_use_id"));
                }
                JsonNode result = firstPresent(part, "result", "response", "content");
                if (result != null && result.isArray()) {
                    result.forEach(inner -> readPart(inner, draft));
                } else {
                    draft.addText(Values.text(result));
                }
            }
            default -> {
                // reasoning, blob, uri, file and unknown parts: no canonical place; the raw JSON keeps them
            }
        }
    }

    private static void readContent(JsonNode content, MessageDraft draft) {
        if (content == null || content.isNull()) {
            return;
        }
        if (content.isArray()) {
            content.forEach(part -> readPart(part, draft));
        } else {
            draft.addText(Values.text(content));
        }
    }

    /** {id, type, function: {name, arguments}} (OpenAI) or {id, name, arguments}. */
    static void readToolCall(JsonNode call, MessageDraft draft) {
        if (!call.isObject()) {
            return;
        }
        JsonNode function = call.get("function");
        JsonNode source = function != null && function.isObject() ? function : call;
        draft.addToolCall(Values.text(call.get("id")), Values.text(source.get("name")), source.get("arguments"));
    }

    static JsonNode firstPresent(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }
}
