package dev.tracedesk.ingest.otlp.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event of a span with its attributes decoded to plain JSON.
 *
 * @param index the event's position on the span, which makes ids derived from it stable
 */
public record SpanEvent(int index, String name, Long timeNs, ObjectNode attributes) {
}
