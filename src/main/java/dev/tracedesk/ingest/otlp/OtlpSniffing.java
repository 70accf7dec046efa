package dev.tracedesk.ingest.otlp;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.Sniff;

/** Detection from content: a top-level key only OTLP has, in a document or on a JSONL file's first line. */
final class OtlpSniffing {

    private OtlpSniffing() {
    }

    static boolean hasKey(Sniff sniff, String camel, String snake) {
        if (sniff.topLevelKeys().contains(camel) || sniff.topLevelKeys().contains(snake)) {
            return true;
        }
        JsonNode firstLine = sniff.firstLineJson();
        return firstLine != null && firstLine.isObject() && (firstLine.has(camel) || firstLine.has(snake));
    }
}
