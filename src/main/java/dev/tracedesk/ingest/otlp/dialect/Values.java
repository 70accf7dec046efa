package dev.tracedesk.ingest.otlp.dialect;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.JsonValues;

/** Lenient reading of attribute values that may be JSON, or JSON written into a string. */
public final class Values {

    private Values() {
    }

    /** A scalar as text, a structure as compact JSON; null when absent, JSON null or blank. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String text = node.isTextual() ? node.textValue() : node.isValueNode() ? node.asText() : node.toString();
        return text.isBlank() ? null : text;
    }

    /**
     * Structured JSON: an object or array as is; a string holding a JSON object or array parsed.
     * Null when the value is absent, a scalar, or a string that is not JSON (Python-repr quoting,
     * plain text): callers then keep the raw text.
     */
    public static JsonNode structured(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            return node;
        }
        if (!node.isTextual()) {
            return null;
        }
        return parseJson(node.textValue());
    }

    /** A JSON object or array from text; null when the text is not one. */
    public static JsonNode parseJson(String text) {
        int start = firstNonBlank(text);
        if (start < 0 || (text.charAt(start) != '{' && text.charAt(start) != '[')) {
            return null;
        }
        try {
            return JsonValues.MAPPER.readTree(text);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** Text that was JSON-encoded once more ("\"2025-…Z\"", as Langfuse writes some times), decoded. */
    public static String unquoted(String text) {
        if (text != null && text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            try {
                return JsonValues.MAPPER.readValue(text, String.class);
            } catch (IOException notJsonAfterAll) {
                return text;
            }
        }
        return text;
    }

    /** A value as stored JSON: parsed when it is JSON text, so both spellings compare equal. */
    public static JsonNode normalizedJson(JsonNode node) {
        JsonNode structured = structured(node);
        return structured != null ? structured : node;
    }

    private static int firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
