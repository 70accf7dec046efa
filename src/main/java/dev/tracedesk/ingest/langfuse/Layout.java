package dev.tracedesk.ingest.langfuse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.JsonValues;

/**
 * How a Langfuse file is laid out, told from its first bytes: JSON Lines (one record per line, as
 * the blob export writes JSONL) or one JSON document (an API response, the blob export's JSON).
 */
enum Layout {
    EMPTY,
    JSON_LINES,
    JSON_DOCUMENT;

    static Layout of(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return EMPTY;
        }
        if (stripped.charAt(0) == '[') {
            return JSON_DOCUMENT;
        }
        List<String> lines = firstNonBlankLines(text, 2);
        String first = lines.get(0).strip();
        if (isWholeJson(first)) {
            return JSON_LINES;
        }
        if (first.startsWith("{")) {
            // a pretty-printed document opens with a lone "{" and goes on with "key": value lines; a
            // JSON Lines file whose first line is broken goes on with a whole object on the next line
            boolean secondLineIsARecord = lines.size() > 1 && isWholeJson(lines.get(1).strip())
                    && lines.get(1).strip().startsWith("{");
            return secondLineIsARecord ? JSON_LINES : JSON_DOCUMENT;
        }
        return JSON_LINES;
    }

    private static List<String> firstNonBlankLines(String text, int count) {
        List<String> lines = new ArrayList<>(count);
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank()) {
                lines.add(line);
                if (lines.size() == count) {
                    break;
                }
            }
        }
        return lines;
    }

    /** True when the text is exactly one JSON value, with nothing after it. */
    private static boolean isWholeJson(String text) {
        try (JsonParser parser = JsonValues.MAPPER.getFactory().createParser(text)) {
            JsonNode node = JsonValues.MAPPER.readTree(parser);
            return node != null && parser.nextToken() == null;
        } catch (java.io.IOException | RuntimeException notWhole) {
            return false;
        }
    }
}
