package dev.tracedesk.ingest.otlp.dialect;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CanonicalMessage;

/**
 * Messages as text a reviewer reads at a glance: one message is just its content; several are
 * "role: content" blocks. A message that only calls tools shows the calls as name(arguments).
 */
final class MessageTexts {

    private MessageTexts() {
    }

    static String render(List<CanonicalMessage> messages) {
        if (messages.isEmpty()) {
            return null;
        }
        if (messages.size() == 1) {
            return body(messages.get(0));
        }
        int length = 0;
        for (CanonicalMessage message : messages) {
            length += (message.content() == null ? 64 : message.content().length()) + 16;
        }
        StringBuilder text = new StringBuilder(length);
        for (CanonicalMessage message : messages) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(message.role()).append(": ").append(body(message));
        }
        return text.toString();
    }

    private static String body(CanonicalMessage message) {
        String calls = calls(message.toolCallsJson());
        if (message.content() == null) {
            return calls == null ? "" : calls;
        }
        return calls == null ? message.content() : message.content() + "\n" + calls;
    }

    private static String calls(String toolCallsJson) {
        JsonNode calls = toolCallsJson == null ? null : Values.parseJson(toolCallsJson);
        if (calls == null || calls.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode call : calls) {
            if (text.length() > 0) {
                text.append('\n');
            }
            JsonNode arguments = call.get("arguments");
            text.append(call.path("name").asText("tool")).append('(')
                    .append(arguments == null ? "" : arguments.isTextual() ? arguments.textValue() : arguments.toString())
                    .append(')');
        }
        return text.toString();
    }
}
