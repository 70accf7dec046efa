package dev.tracedesk.ingest.otlp.dialect;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.MessageDirection;

/**
 * The GenAI message events of semconv 1.28–1.36 ({@code gen_ai.user.message}, {@code gen_ai.choice},
 * …) and the newer {@code gen_ai.client.inference.operation.details}, which arrive as span events
 * or as log records: the same reading for both.
 */
public final class GenAiEvents {

    public static final String OPERATION_DETAILS = "gen_ai.client.inference.operation.details";
    public static final String CHOICE = "gen_ai.choice";
    /** Where some SDKs (Azure AI Inference) put a span event's body: a JSON string. */
    static final String EVENT_CONTENT = "gen_ai.event.content";

    private GenAiEvents() {
    }

    /** The role a message event stands for, or null when the name is no message event. */
    public static String roleOf(String eventName) {
        if (eventName == null) {
            return null;
        }
        return switch (eventName) {
            case "gen_ai.system.message" -> "system";
            case "gen_ai.user.message" -> "user";
            case "gen_ai.assistant.message", CHOICE -> "assistant";
            case "gen_ai.tool.message" -> "tool";
            default -> null;
        };
    }

    public static boolean isMessageEvent(String eventName) {
        return roleOf(eventName) != null;
    }

    /**
     * The message a message event carries. The body is {content, role?, tool_calls?, id?}, or for a
     * choice {index, finish_reason, message}. An event without content (capture turned off) still
     * gives a message with its role, since a message was there.
     */
    public static CanonicalMessage message(String eventName, JsonNode body) {
        String role = roleOf(eventName);
        MessageDirection direction = CHOICE.equals(eventName) ? MessageDirection.OUTPUT : MessageDirection.INPUT;
        CanonicalMessage message = body == null ? null : MessageJson.message(body, direction, role);
        if (message == null) {
            return new CanonicalMessage(direction, role, null, null, null, null, null);
        }
        if ("tool".equals(message.role()) && message.toolCallId() == null && body.isObject()) {
            // a tool message's body names the call it answers "id"
            return new CanonicalMessage(direction, message.role(), message.name(), message.content(),
                    message.toolCallsJson(), Values.text(body.get("id")), message.finishReason());
        }
        return message;
    }

    /** A span event's body: its JSON content attribute when it has one, else its attributes. */
    public static JsonNode bodyFromAttributes(ObjectNode attributes) {
        JsonNode content = attributes.get(EVENT_CONTENT);
        JsonNode parsed = content == null ? null : Values.structured(content);
        return parsed != null ? parsed : attributes;
    }

    /**
     * Input messages from gen_ai.input.messages with gen_ai.system_instructions as a leading system
     * message; null when there are no input messages. System instructions alone make no messages:
     * the instrumentation then sends the conversation as a log event (operation details) that
     * holds them too, and a span with input messages of its own would not take those in.
     */
    public static List<CanonicalMessage> inputMessages(JsonNode inputMessages, JsonNode systemInstructions) {
        List<CanonicalMessage> input = MessageJson.parse(inputMessages, MessageDirection.INPUT, "user");
        CanonicalMessage system = input == null ? null : systemMessage(systemInstructions);
        if (system == null) {
            return input;
        }
        List<CanonicalMessage> all = new ArrayList<>(input.size() + 1);
        all.add(system);
        all.addAll(input);
        return all;
    }

    public static List<CanonicalMessage> outputMessages(JsonNode outputMessages) {
        return MessageJson.parse(outputMessages, MessageDirection.OUTPUT, "assistant");
    }

    /** System instructions are a list of parts (or plain text), not messages. */
    private static CanonicalMessage systemMessage(JsonNode instructions) {
        JsonNode parts = Values.structured(instructions);
        if (parts == null) {
            String text = Values.text(instructions);
            return text == null ? null : CanonicalMessage.text(MessageDirection.INPUT, "system", text);
        }
        MessageDraft draft = new MessageDraft();
        if (parts.isArray()) {
            parts.forEach(part -> MessageJson.readPart(part, draft));
        } else {
            MessageJson.readPart(parts, draft);
        }
        draft.role = "system";
        return draft.build(MessageDirection.INPUT, "system");
    }
}
