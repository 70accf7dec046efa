package dev.tracedesk.ingest.otlp.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.MessageDirection;

/**
 * A message being assembled from parts (content parts, tool calls, a finish reason), whichever
 * dialect they come from, so every dialect yields the same canonical message for the same call.
 */
final class MessageDraft {

    String role;
    String name;
    String toolCallId;
    String finishReason;
    /** The first text part as it is; a builder only once a second part comes (most messages have one). */
    private String firstText;
    private StringBuilder content;
    private ArrayNode toolCalls;

    void addText(String text) {
        if (text == null) {
            return;
        }
        if (firstText == null) {
            firstText = text;
        } else {
            if (content == null) {
                content = new StringBuilder(firstText);
            }
            content.append('\n').append(text);
        }
    }

    /**
     * A call in the canonical shape {id, name, arguments}. Arguments written as a JSON string
     * (OpenAI, OpenInference) are stored as the JSON they hold, like those written as an object
     * (OTel GenAI), so the same call reads the same from every dialect.
     */
    void addToolCall(String id, String toolName, JsonNode arguments) {
        if (id == null && toolName == null && arguments == null) {
            return;
        }
        ObjectNode call = JsonNodeFactory.instance.objectNode();
        if (id != null) {
            call.put("id", id);
        }
        if (toolName != null) {
            call.put("name", toolName);
        }
        if (arguments != null && !arguments.isNull()) {
            call.set("arguments", Values.normalizedJson(arguments));
        }
        if (toolCalls == null) {
            toolCalls = JsonNodeFactory.instance.arrayNode();
        }
        toolCalls.add(call);
    }

    boolean isEmpty() {
        return role == null && firstText == null && toolCalls == null && toolCallId == null;
    }

    CanonicalMessage build(MessageDirection direction, String defaultRole) {
        return new CanonicalMessage(direction, role != null ? role : defaultRole, name,
                content != null ? content.toString() : firstText,
                toolCalls == null ? null : toolCalls.toString(), toolCallId, finishReason);
    }
}
