package dev.tracedesk.ingest.otlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.tracedesk.ingest.otlp.dialect.SpanEvent;
import dev.tracedesk.ingest.otlp.dialect.Values;

/**
 * Spans as the Python SDK's {@code span.to_json()} / ConsoleSpanExporter writes them (one
 * object per span: {@code context.trace_id} with a {@code 0x} prefix, {@code parent_id}, ISO
 * times, {@code status.status_code}, flat {@code attributes}, {@code resource.attributes}), and
 * the close cousin Phoenix's REST API returns ({@code span_kind}, {@code status_code},
 * {@code status_message}). People pipe console output to files, so they are read like OTLP.
 */
final class ConsoleSpans {

    /** The top-level fields such a span has; only these are kept while looking at a root object. */
    static final Set<String> FIELDS = Set.of("name", "context", "kind", "span_kind", "parent_id", "parent_span_id",
            "start_time", "end_time", "status", "status_code", "status_message", "attributes", "events", "links",
            "resource");

    private ConsoleSpans() {
    }

    /** Whether the fields read from a root object are such a span. */
    static boolean isSpan(ObjectNode fields) {
        return fields != null && fields.path("context").has("trace_id");
    }

    static RawSpan toRaw(ObjectNode console) {
        RawSpan span = new RawSpan();
        span.rawTree = console;
        JsonNode context = console.get("context");
        span.traceId = Values.text(context.get("trace_id"));
        span.spanId = Values.text(context.get("span_id"));
        span.parentSpanId = Values.text(console.has("parent_id") ? console.get("parent_id") : console.get("parent_span_id"));
        span.name = Values.text(console.get("name"));
        span.startNs = OtlpTimes.nanos(console.get("start_time"));
        span.endNs = OtlpTimes.nanos(console.get("end_time"));
        JsonNode status = console.get("status");
        if (status != null && status.isObject()) {
            span.statusCode = status.get("status_code");
            span.statusMessage = Values.text(status.get("description"));
        } else {
            span.statusCode = console.get("status_code");
            span.statusMessage = Values.text(console.get("status_message"));
        }
        JsonNode attributes = console.get("attributes");
        span.attributes = attributes != null && attributes.isObject()
                ? (ObjectNode) attributes : JsonNodeFactory.instance.objectNode();
        if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
            span.problem = "the span's attributes are not an object";
        }
        String openInferenceKind = Values.text(console.get("span_kind"));
        if (openInferenceKind != null) {
            // Phoenix's projection of the same attribute
            span.attributes.putIfAbsent("openinference.span.kind", TextNode.valueOf(openInferenceKind));
        }
        span.events = events(console.get("events"));
        span.envelope = envelope(console, context);
        return span;
    }

    static ResourceScope context(ObjectNode console) {
        JsonNode attributes = console.path("resource").get("attributes");
        boolean none = attributes == null || !attributes.isObject() || attributes.isEmpty();
        return new ResourceScope(none ? null : attributes.toString(), null, null, null);
    }

    private static List<SpanEvent> events(JsonNode events) {
        if (events == null || !events.isArray() || events.isEmpty()) {
            return List.of();
        }
        List<SpanEvent> result = new ArrayList<>(events.size());
        int index = 0;
        for (JsonNode event : events) {
            JsonNode attributes = event.get("attributes");
            result.add(new SpanEvent(index++, event.path("name").asText(""), OtlpTimes.nanos(event.get("timestamp")),
                    attributes != null && attributes.isObject() ? (ObjectNode) attributes : JsonNodeFactory.instance.objectNode()));
        }
        return result;
    }

    private static ObjectNode envelope(ObjectNode console, JsonNode context) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        String kind = Values.text(console.get("kind"));
        if (kind != null) {
            envelope.put("otel.span.kind", kind.replace("SpanKind.", ""));
        }
        String traceState = Values.text(context.get("trace_state"));
        if (traceState != null && !traceState.equals("[]")) {
            envelope.put("otel.trace_state", traceState);
        }
        JsonNode links = console.get("links");
        if (links != null && links.isArray() && !links.isEmpty()) {
            envelope.set("otel.links", links);
        }
        for (Map.Entry<String, JsonNode> field : console.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                envelope.set("otel.span." + field.getKey(), field.getValue());
            }
        }
        return envelope.isEmpty() ? null : envelope;
    }
}
