package dev.tracedesk.ingest.inspect;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * Text out of one Inspect sample: message contents (a string or a list of content parts), chat
 * inputs, targets. Inspect stores repeated content once, in {@code sample.attachments}, and writes
 * {@code attachment://<hash>} where it was; every reference is resolved here against the sample's
 * own attachments. Text is kept as written (non-ASCII, ANSI escapes).
 */
final class InspectContent {

    private static final String ATTACHMENT_PREFIX = "attachment://";

    private final JsonNode attachments;

    InspectContent(JsonNode attachments) {
        this.attachments = attachments == null ? JsonValues.MAPPER.createObjectNode() : attachments;
    }

    /** The text an {@code attachment://} reference points to; other text, or an unknown hash, as is. */
    String resolve(String text) {
        if (text == null || !text.startsWith(ATTACHMENT_PREFIX)) {
            return text;
        }
        JsonNode stored = attachments.get(text.substring(ATTACHMENT_PREFIX.length()));
        return stored != null && stored.isTextual() ? stored.asText() : text;
    }

    /** A copy of the tree with every attachment reference replaced by its text. */
    JsonNode resolveAll(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String resolved = resolve(node.asText());
            return resolved.equals(node.asText()) ? node : TextNode.valueOf(resolved);
        }
        if (node.isArray()) {
            ArrayNode copy = JsonValues.MAPPER.createArrayNode();
            node.forEach(item -> copy.add(resolveAll(item)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonValues.MAPPER.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), resolveAll(field.getValue()));
            }
            return copy;
        }
        return node;
    }

    /**
     * A message's content as text: a string, or its content parts joined by line breaks. Reasoning
     * parts are left out (they are not the answer); images, audio and other non-text parts appear
     * as a placeholder such as {@code [image]} so that a reader sees something was there.
     */
    String text(JsonNode content) {
        if (!JsonValues.present(content)) {
            return null;
        }
        if (content.isTextual()) {
            return resolve(content.asText());
        }
        if (!content.isArray()) {
            return content.isValueNode() ? content.asText() : resolveAll(content).toString();
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : content) {
            if (part.isTextual()) {
                parts.add(resolve(part.asText()));
            } else if (part.isObject()) {
                String type = part.path("type").asText("text");
                if (type.equals("text")) {
                    parts.add(resolve(part.path("text").asText("")));
                } else if (!type.equals("reasoning")) {
                    parts.add("[" + type + "]");
                }
            }
        }
        return String.join("\n", parts);
    }

    /** A sample input: the string itself, or chat messages as one "role: content" line each. */
    String inputText(JsonNode input) {
        if (!JsonValues.present(input)) {
            return null;
        }
        if (input.isArray()) {
            List<String> lines = new ArrayList<>();
            for (JsonNode message : input) {
                lines.add(message.path("role").asText("user") + ": " + orEmpty(text(message.get("content"))));
            }
            return String.join("\n", lines);
        }
        return input.isTextual() ? resolve(input.asText()) : text(input);
    }

    /** A target: a string, or a list of acceptable answers one per line. */
    static String targetText(JsonNode target) {
        if (!JsonValues.present(target)) {
            return null;
        }
        if (target.isArray()) {
            List<String> answers = new ArrayList<>();
            target.forEach(answer -> answers.add(JsonValues.text(answer)));
            return String.join("\n", answers);
        }
        return JsonValues.text(target);
    }

    /** Chat messages as canonical messages, in order, with their tool calls and tool call ids. */
    List<CanonicalMessage> messages(JsonNode chat, MessageDirection direction) {
        List<CanonicalMessage> messages = new ArrayList<>();
        if (chat == null || !chat.isArray()) {
            return messages;
        }
        for (JsonNode message : chat) {
            messages.add(message(message, direction, null));
        }
        return messages;
    }

    CanonicalMessage message(JsonNode message, MessageDirection direction, String finishReason) {
        return new CanonicalMessage(direction,
                message.path("role").asText(null),
                JsonValues.text(message.get("function")),
                text(message.get("content")),
                toolCalls(message.get("tool_calls")),
                JsonValues.text(message.get("tool_call_id")),
                finishReason);
    }

    /** Inspect's tool calls ({id, function, arguments}) as the canonical [{id, name, arguments}]. */
    private String toolCalls(JsonNode calls) {
        if (calls == null || !calls.isArray() || calls.isEmpty()) {
            return null;
        }
        ArrayNode canonical = JsonValues.MAPPER.createArrayNode();
        for (JsonNode call : calls) {
            ObjectNode entry = canonical.addObject();
            entry.set("id", call.get("id"));
            entry.set("name", call.get("function"));
            entry.set("arguments", resolveAll(call.get("arguments")));
        }
        return canonical.toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
