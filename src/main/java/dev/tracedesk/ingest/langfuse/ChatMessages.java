package dev.tracedesk.ingest.langfuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * Chat messages as Langfuse records an observation's input and output: whatever the SDK or
 * integration passed, most often OpenAI-style {role, content} (content a string or a list of
 * parts, tool_calls, tool_call_id), a request {messages: [...]}, a response {choices: [...]},
 * LangChain's {type: "human"|"ai", content}, Anthropic content blocks (text, tool_use) or
 * Gemini-style parts. A value that is none of these holds no messages: its raw text is kept instead.
 */
final class ChatMessages {

    private static final Map<String, String> LANGCHAIN_ROLES = Map.of(
            "human", "user", "ai", "assistant", "system", "system", "tool", "tool", "function", "function");

    private ChatMessages() {
    }

    /**
     * The messages the value holds, or an empty list. With a {@code bareTextRole} (for LLM calls)
     * a plain string, or an object with only content or text, is one message of that role.
     */
    static List<CanonicalMessage> read(JsonNode value, MessageDirection direction, String bareTextRole) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return bareTextRole == null ? List.of() : List.of(CanonicalMessage.text(direction, bareTextRole, value.textValue()));
        }
        if (value.isArray()) {
            return allMessages(value, direction);
        }
        if (!value.isObject()) {
            return List.of();
        }
        JsonNode messages = value.get("messages");
        if (messages != null && messages.isArray()) {
            return allMessages(messages, direction);
        }
        JsonNode choices = value.get("choices");
        if (choices != null && choices.isArray()) {
            return choices(choices, direction);
        }
        if (isMessage(value)) {
            return List.of(message(value, direction, null));
        }
        if (bareTextRole != null && value.size() <= 3) {
            String text = contentText(value.has("content") ? value.get("content") : value.get("text"));
            if (text != null) {
                return List.of(new CanonicalMessage(direction, bareTextRole, null, text, null, null,
                        JsonValues.text(firstPresent(value, "finish_reason", "finishReason", "stop_reason"))));
            }
        }
        return List.of();
    }

    /** One message: its content; several: "role: content" blocks, as a reviewer reads them. */
    static String render(List<CanonicalMessage> messages) {
        if (messages.isEmpty()) {
            return null;
        }
        if (messages.size() == 1) {
            return body(messages.get(0));
        }
        StringBuilder text = new StringBuilder();
        for (CanonicalMessage message : messages) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(message.role()).append(": ").append(body(message));
        }
        return text.toString();
    }

    /** Every element must be a message; a list that is partly something else is not a conversation. */
    private static List<CanonicalMessage> allMessages(JsonNode array, MessageDirection direction) {
        if (array.isEmpty()) {
            return List.of();
        }
        List<CanonicalMessage> messages = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (!isMessage(element)) {
                return List.of();
            }
            messages.add(message(element, direction, null));
        }
        return messages;
    }

    private static List<CanonicalMessage> choices(JsonNode choices, MessageDirection direction) {
        List<CanonicalMessage> messages = new ArrayList<>();
        for (JsonNode choice : choices) {
            JsonNode message = choice.get("message");
            String finishReason = JsonValues.text(firstPresent(choice, "finish_reason", "finishReason"));
            if (message != null && isMessage(message)) {
                messages.add(message(message, direction, finishReason));
            } else if (choice.hasNonNull("text")) {
                messages.add(new CanonicalMessage(direction, "assistant", null, choice.get("text").asText(), null, null, finishReason));
            }
        }
        return messages;
    }

    static boolean isMessage(JsonNode node) {
        if (node == null || !node.isObject()) {
            return false;
        }
        boolean body = node.has("content") || node.has("tool_calls") || node.has("parts") || node.has("function_call");
        JsonNode role = node.get("role");
        if (role != null && role.isTextual()) {
            return body;
        }
        JsonNode type = node.get("type");
        return type != null && type.isTextual() && LANGCHAIN_ROLES.containsKey(type.textValue()) && node.has("content");
    }

    private static CanonicalMessage message(JsonNode node, MessageDirection direction, String finishReason) {
        JsonNode roleNode = node.get("role");
        String role = roleNode != null && roleNode.isTextual() ? roleNode.textValue()
                : LANGCHAIN_ROLES.get(node.path("type").asText());
        JsonNode content = node.has("content") ? node.get("content") : node.get("parts");
        ArrayNode toolCalls = toolCalls(node);
        return new CanonicalMessage(direction, role, JsonValues.text(node.get("name")), contentText(content),
                toolCalls.isEmpty() ? null : toolCalls.toString(),
                JsonValues.text(firstPresent(node, "tool_call_id", "toolCallId")),
                finishReason != null ? finishReason
                        : JsonValues.text(firstPresent(node, "finish_reason", "finishReason", "stop_reason")));
    }

    /** The text of a content value: a string, or the text parts of a list joined by line breaks. */
    static String contentText(JsonNode content) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (content.isArray()) {
            List<String> texts = new ArrayList<>();
            for (JsonNode part : content) {
                String text = partText(part);
                if (text != null) {
                    texts.add(text);
                }
            }
            return texts.isEmpty() ? null : String.join("\n", texts);
        }
        String text = partText(content);
        return text != null ? text : content.toString();
    }

    /** Text of one part; images, audio and tool_use blocks have none (they stay in the raw attributes). */
    private static String partText(JsonNode part) {
        if (part.isTextual()) {
            return part.textValue();
        }
        if (!part.isObject()) {
            return null;
        }
        JsonNode text = part.get("text");
        if (text != null && text.isTextual()) {
            return text.textValue();
        }
        if ("tool_result".equals(part.path("type").asText())) {
            return contentText(part.get("content"));
        }
        return null;
    }

    /** {id, name, arguments} for OpenAI tool_calls, the older function_call, and Anthropic tool_use blocks. */
    private static ArrayNode toolCalls(JsonNode message) {
        ArrayNode calls = JsonValues.MAPPER.createArrayNode();
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray()) {
            for (JsonNode call : toolCalls) {
                JsonNode function = call.has("function") ? call.get("function") : call;
                calls.add(call(call.get("id"), function.get("name"), function.get("arguments")));
            }
        }
        JsonNode functionCall = message.get("function_call");
        if (functionCall != null && functionCall.isObject()) {
            calls.add(call(null, functionCall.get("name"), functionCall.get("arguments")));
        }
        JsonNode content = message.get("content");
        if (content != null && content.isArray()) {
            for (JsonNode part : content) {
                if ("tool_use".equals(part.path("type").asText())) {
                    calls.add(call(part.get("id"), part.get("name"), part.get("input")));
                }
            }
        }
        return calls;
    }

    private static ObjectNode call(JsonNode id, JsonNode name, JsonNode arguments) {
        ObjectNode call = JsonValues.MAPPER.createObjectNode();
        call.put("id", JsonValues.text(id));
        call.put("name", JsonValues.text(name));
        call.put("arguments", JsonValues.text(arguments));
        return call;
    }

    private static String body(CanonicalMessage message) {
        String calls = callsText(message.toolCallsJson());
        if (message.content() == null) {
            return calls == null ? "" : calls;
        }
        return calls == null ? message.content() : message.content() + "\n" + calls;
    }

    /** Tool calls as name(arguments), one per line. */
    private static String callsText(String toolCallsJson) {
        JsonNode calls = toolCallsJson == null ? null : LangfuseRecord.parseJsonText(toolCallsJson);
        if (calls == null || calls.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode call : calls) {
            lines.add(call.path("name").asText("tool") + "(" + call.path("arguments").asText("") + ")");
        }
        return String.join("\n", lines);
    }

    private static JsonNode firstPresent(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (JsonValues.present(value)) {
                return value;
            }
        }
        return null;
    }
}
