package dev.tracedesk.ingest.openaievals;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * Prompts and answers as OpenAI Evals write them: a plain string, or chat messages
 * {role, content} whose content is a string or a list of parts ({type: text|input_text|
 * output_text, text}).
 */
final class OpenAiChat {

    private OpenAiChat() {
    }

    /** A string as is; chat messages as one "role: content" line each; anything else as JSON. */
    static String render(JsonNode prompt) {
        if (!JsonValues.present(prompt)) {
            return null;
        }
        if (isChat(prompt)) {
            List<String> lines = new ArrayList<>();
            for (JsonNode message : prompt) {
                String content = content(message.get("content"));
                lines.add(message.path("role").asText("user") + ": " + (content == null ? "" : content));
            }
            return String.join("\n", lines);
        }
        return JsonValues.text(prompt);
    }

    /** A list of strings (several samples or acceptable answers) one per line; else as {@link #render}. */
    static String lines(JsonNode value) {
        if (value != null && value.isArray() && !isChat(value)) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(JsonValues.text(item)));
            return String.join("\n", items);
        }
        return render(value);
    }

    static boolean isChat(JsonNode value) {
        return value != null && value.isArray() && !value.isEmpty() && value.get(0).isObject()
                && value.get(0).has("role");
    }

    /** A message content: the string, or its text parts joined by line breaks. */
    static String content(JsonNode content) {
        if (!JsonValues.present(content)) {
            return null;
        }
        if (content.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : content) {
                if (part.isTextual()) {
                    parts.add(part.asText());
                } else if (part.has("text")) {
                    parts.add(part.path("text").asText());
                } else {
                    parts.add("[" + part.path("type").asText("part") + "]");
                }
            }
            return String.join("\n", parts);
        }
        return JsonValues.text(content);
    }

    /** Chat messages as canonical messages; a plain string prompt as one user message. */
    static List<CanonicalMessage> messages(JsonNode chat, MessageDirection direction, String defaultRole) {
        List<CanonicalMessage> messages = new ArrayList<>();
        if (isChat(chat)) {
            for (JsonNode message : chat) {
                messages.add(new CanonicalMessage(direction, message.path("role").asText(defaultRole),
                        JsonValues.text(message.get("name")), content(message.get("content")),
                        JsonValues.json(nonEmpty(message.get("tool_calls"))),
                        JsonValues.text(message.get("tool_call_id")), null));
            }
        } else if (JsonValues.present(chat)) {
            messages.add(CanonicalMessage.text(direction, defaultRole, lines(chat)));
        }
        return messages;
    }

    private static JsonNode nonEmpty(JsonNode node) {
        return node != null && node.isArray() && node.isEmpty() ? null : node;
    }
}
