package dev.tracedesk.ingest.langfuse;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.JsonValues;

/**
 * One Langfuse record (trace, observation or score) read in either spelling Langfuse writes:
 * the public API's camelCase or the blob export's snake_case. The blob export writes "" for a
 * field that is not set, so an empty string counts as absent everywhere.
 */
final class LangfuseRecord {

    private final JsonNode node;

    LangfuseRecord(JsonNode node) {
        this.node = node;
    }

    JsonNode node() {
        return node;
    }

    /** The value under the first name that holds one (not null, not ""); null otherwise. */
    JsonNode get(String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (JsonValues.present(value) && !(value.isTextual() && value.textValue().isEmpty())) {
                return value;
            }
        }
        return null;
    }

    boolean has(String... names) {
        return get(names) != null;
    }

    /** A scalar as text (numbers too: a prompt version of 7 reads "7"); blank text is absent. */
    String text(String... names) {
        JsonNode value = get(names);
        if (value == null || !value.isValueNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /**
     * An object or array, also when the source wrote it as a JSON string (the blob export's
     * model_parameters, input and output); null when absent or when the string is not JSON.
     */
    JsonNode structured(String... names) {
        JsonNode value = get(names);
        if (value == null) {
            return null;
        }
        if (value.isContainerNode()) {
            return value;
        }
        return value.isTextual() ? parseJsonText(value.textValue()) : null;
    }

    /** A time as epoch nanoseconds: ISO text, the blob export's zone-less UTC text, or epoch numbers. */
    Long nanos(String... names) {
        JsonNode value = get(names);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return epochNumberToNanos(value.doubleValue());
        }
        Instant instant = JsonValues.parseInstant(value.asText());
        return JsonValues.epochNanos(instant);
    }

    /** Parses text that holds a JSON object or array; null when it holds anything else. */
    static JsonNode parseJsonText(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!(trimmed.startsWith("{") && trimmed.endsWith("}")) && !(trimmed.startsWith("[") && trimmed.endsWith("]"))) {
            return null;
        }
        try {
            return JsonValues.MAPPER.readTree(trimmed);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by their size. */
    private static Long epochNumberToNanos(double number) {
        double magnitude = Math.abs(number);
        if (magnitude >= 1e17) {
            return (long) number;
        }
        if (magnitude >= 1e14) {
            return Math.round(number * 1e3);
        }
        if (magnitude >= 1e11) {
            return Math.round(number * 1e6);
        }
        return Math.round(number * 1e9);
    }
}
