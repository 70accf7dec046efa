package dev.tracedesk.ingest.otlp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.tracedesk.ingest.otlp.dialect.SpanEvent;

/**
 * Reads one OTLP span straight from the parser into a {@link RawSpan}: attributes go from
 * {@code [{"key":…,"value":{"stringValue":…}}]} to a flat object without building the typed
 * tree first, which is most of the cost of a span (values by {@link AnyValueReader}).
 */
final class OtlpSpanDecoder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] SPAN_KINDS = {null, "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};

    /** Whether the text parsed is held in memory, so string values' places in it are worth noting. */
    private final boolean textHeld;

    OtlpSpanDecoder(boolean textHeld) {
        this.textHeld = textHeld;
    }

    /** Reads the span object at the parser's START_OBJECT, up to and with its END_OBJECT. */
    RawSpan decode(JsonParser parser) throws IOException {
        RawSpan span = new RawSpan();
        JsonLocation start = parser.currentTokenLocation();
        span.rawStart = offset(start);
        if (textHeld && span.rawStart >= 0) {
            span.stringSlices = new IdentityHashMap<>();
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "traceId", "trace_id" -> span.traceId = id(parser, span, "traceId");
                case "spanId", "span_id" -> span.spanId = id(parser, span, "spanId");
                case "parentSpanId", "parent_span_id" -> span.parentSpanId = id(parser, span, "parentSpanId");
                case "name" -> span.name = token == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                case "startTimeUnixNano", "start_time_unix_nano" -> span.startNs = OtlpTimes.nanos(scalar(parser));
                case "endTimeUnixNano", "end_time_unix_nano" -> span.endNs = OtlpTimes.nanos(scalar(parser));
                case "attributes" -> span.attributes = attributes(parser, span);
                case "events" -> events(parser, span);
                case "status" -> status(parser, span);
                case "kind" -> envelope(span, "otel.span.kind", spanKind(AnyValueReader.value(parser)));
                case "traceState", "trace_state" -> envelope(span, "otel.trace_state", AnyValueReader.value(parser));
                case "flags" -> envelope(span, "otel.span.flags", AnyValueReader.value(parser));
                case "links" -> envelope(span, "otel.links", links(AnyValueReader.value(parser)));
                case "droppedAttributesCount", "dropped_attributes_count" ->
                        envelope(span, "otel.dropped_attributes_count", AnyValueReader.value(parser));
                case "droppedEventsCount", "dropped_events_count" ->
                        envelope(span, "otel.dropped_events_count", AnyValueReader.value(parser));
                case "droppedLinksCount", "dropped_links_count" ->
                        envelope(span, "otel.dropped_links_count", AnyValueReader.value(parser));
                default -> envelope(span, "otel.span." + field, AnyValueReader.value(parser));
            }
        }
        span.rawEnd = offset(parser.currentLocation());
        if (span.attributes == null) {
            span.attributes = NODES.objectNode();
        }
        return span;
    }

    /**
     * Byte offset when reading bytes, char offset when reading a string; the same for a line of
     * plain ASCII, which is read either way.
     */
    static long offset(JsonLocation location) {
        long bytes = location.getByteOffset();
        return bytes >= 0 ? bytes : location.getCharOffset();
    }

    private static String id(JsonParser parser, RawSpan span, String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token != JsonToken.VALUE_NULL) {
            span.problem = "the span's " + field + " is not a string: " + AnyValueReader.value(parser);
        }
        return null;
    }

    private static JsonNode scalar(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT -> LongNode.valueOf(parser.getLongValue());
            default -> AnyValueReader.value(parser);
        };
    }

    private static ObjectNode attributes(JsonParser parser, RawSpan span) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            return AnyValueReader.keyValues(parser, span.stringSlices);
        }
        if (token != JsonToken.VALUE_NULL) {
            span.problem = "the span's attributes are not a list of {key, value}";
            parser.skipChildren();
        }
        return null;
    }

    private static void events(JsonParser parser, RawSpan span) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        List<SpanEvent> events = new ArrayList<>();
        List<JsonNode> dropped = null;
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                index++;
                continue;
            }
            String name = "";
            Long timeNs = null;
            ObjectNode attributes = null;
            JsonNode droppedCount = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "name" -> name = token == JsonToken.VALUE_STRING ? parser.getText() : name;
                    case "timeUnixNano", "time_unix_nano" -> timeNs = OtlpTimes.nanos(scalar(parser));
                    case "attributes" -> attributes = token == JsonToken.START_ARRAY ? AnyValueReader.keyValues(parser) : skip(parser);
                    case "droppedAttributesCount", "dropped_attributes_count" -> droppedCount = AnyValueReader.value(parser);
                    default -> parser.skipChildren();
                }
            }
            events.add(new SpanEvent(index++, name, timeNs, attributes == null ? NODES.objectNode() : attributes));
            if (droppedCount != null) {
                dropped = dropped == null ? new ArrayList<>() : dropped;
                while (dropped.size() < events.size() - 1) {
                    dropped.add(null);
                }
                dropped.add(droppedCount);
            }
        }
        span.events = events;
        span.eventDroppedCounts = dropped == null ? null : dropped.toArray(new JsonNode[0]);
    }

    private static ObjectNode skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }

    private static void status(JsonParser parser, RawSpan span) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (field.equals("code")) {
                span.statusCode = scalar(parser);
            } else if (field.equals("message") && token == JsonToken.VALUE_STRING) {
                span.statusMessage = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
    }

    private static JsonNode spanKind(JsonNode kind) {
        if (kind.canConvertToInt()) {
            int number = kind.asInt();
            return number > 0 && number < SPAN_KINDS.length ? TextNode.valueOf(SPAN_KINDS[number]) : null;
        }
        String text = kind.asText().replace("SPAN_KIND_", "");
        return text.isEmpty() || text.equals("UNSPECIFIED") ? null : TextNode.valueOf(text);
    }

    private static JsonNode links(JsonNode links) {
        if (links == null || !links.isArray() || links.isEmpty()) {
            return null;
        }
        ArrayNode result = NODES.arrayNode();
        for (JsonNode link : links) {
            ObjectNode copy = result.addObject();
            link.properties().forEach(field -> copy.set(field.getKey(),
                    field.getKey().equals("attributes") ? AnyValues.keyValues(field.getValue()) : field.getValue()));
        }
        return result;
    }

    /** Keeps a field with no canonical place, unless it is unset (absent, empty, zero). */
    private static void envelope(RawSpan span, String key, JsonNode value) {
        boolean unset = value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())
                || (value.isNumber() && value.asLong() == 0 && !value.isFloatingPointNumber());
        if (unset) {
            return;
        }
        if (span.envelope == null) {
            span.envelope = NODES.objectNode();
        }
        span.envelope.set(key, value);
    }
}
