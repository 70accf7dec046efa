package dev.tracedesk.ingest.otlp;

import java.util.IdentityHashMap;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.otlp.dialect.SpanEvent;

/**
 * A span as read from the file, before mapping: the envelope fields as written, attributes and
 * events already plain JSON, and where its text is, for a rejection.
 */
final class RawSpan {

    String traceId;
    String spanId;
    String parentSpanId;
    String name;
    Long startNs;
    Long endNs;
    JsonNode statusCode;
    String statusMessage;
    ObjectNode attributes;
    List<SpanEvent> events = List.of();
    /** droppedAttributesCount of each event that has one, by event index; null when none has. */
    JsonNode[] eventDroppedCounts;
    /** Fields with no canonical place (kind, trace state, links, unknown fields), as otel.* keys. */
    ObjectNode envelope;
    /** Why the span cannot be mapped although it is valid JSON (a field of the wrong type); null when fine. */
    String problem;
    /**
     * When read from a line held as text: for each string attribute value, where its JSON text
     * (quotes and escapes as written) is in that line, start and end packed in a long, so the
     * attributes JSON can copy it instead of escaping the string again. Null otherwise.
     */
    IdentityHashMap<JsonNode, Long> stringSlices;
    /** The line the slices point into (set by whoever holds it). */
    String sourceText;
    /** The span's own JSON when it was read whole (console format), for a rejection. */
    JsonNode rawTree;
    /** Where its text starts and ends: byte offsets in a document, char offsets in a line. */
    long rawStart = -1;
    long rawEnd = -1;
}
