package dev.tracedesk.ingest.otlp;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.Sniff;

/** Detection from content: a top-level key only OTLP has, in a document or on a JSONL file's first line. */
final class OtlpSniffing {

    private OtlpSniffing() {
    }

    /**
     * Spans as the Python SDK prints them, or as Phoenix's REST API returns them: an object with a
     * context, a name and times. Likely, not certain: other tools could write such objects.
     */
    static boolean looksLikeConsoleSpans(Sniff sniff) {
        JsonNode firstLine = sniff.firstLineJson();
        java.util.Set<String> keys = firstLine != null && firstLine.isObject()
                ? java.util.Set.copyOf(iterable(firstLine)) : sniff.topLevelKeys();
        return keys.contains("context") && keys.contains("name")
                && (keys.contains("start_time") || keys.contains("parent_id"));
    }

    private static java.util.List<String> iterable(JsonNode object) {
        java.util.List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static boolean hasKey(Sniff sniff, String camel, String snake) {
        if (sniff.topLevelKeys().contains(camel) || sniff.topLevelKeys().contains(snake)) {
            return true;
        }
        JsonNode firstLine = sniff.firstLineJson();
        return firstLine != null && firstLine.isObject() && (firstLine.has(camel) || firstLine.has(snake));
    }
}
