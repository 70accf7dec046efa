package dev.tracedesk.ingest.otlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.otlp.dialect.Dialects;
import dev.tracedesk.ingest.otlp.dialect.SpanEvent;
import dev.tracedesk.ingest.otlp.dialect.SpanFacts;

/**
 * One OTLP span (as a JSON tree) to a canonical span: the envelope fields here, the attribute
 * dialects in {@link Dialects}. Span fields with no canonical place (OTel span kind, scope, trace
 * state, links, dropped counts, fields OTLP does not define) are kept in the attributes JSON under
 * {@code otel.*} keys — the names OTel uses for them outside OTLP — never over a source attribute.
 */
final class OtlpSpanMapper {

    static final String SOURCE_SYSTEM = "otlp";
    private static final String[] SPAN_KINDS = {null, "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};

    CanonicalSpan map(ObjectNode tree, ResourceScope context) throws BadRecordException {
        CanonicalSpan span = new CanonicalSpan();
        span.sourceSystem = SOURCE_SYSTEM;
        String rawTraceId = null;
        String rawSpanId = null;
        Long endNs = null;
        JsonNode status = null;
        JsonNode attributeList = null;
        JsonNode eventList = null;
        ObjectNode envelope = null;
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "traceId", "trace_id" -> rawTraceId = idText(value, "traceId");
                case "spanId", "span_id" -> rawSpanId = idText(value, "spanId");
                case "parentSpanId", "parent_span_id" ->
                        span.parentSpanId = OtlpIds.normalize(idText(value, "parentSpanId"), OtlpIds.SPAN_ID_HEX);
                case "name" -> span.name = value.isTextual() ? value.textValue() : value.asText();
                case "startTimeUnixNano", "start_time_unix_nano" -> span.startNs = OtlpTimes.nanos(value);
                case "endTimeUnixNano", "end_time_unix_nano" -> endNs = OtlpTimes.nanos(value);
                case "attributes" -> attributeList = value;
                case "events" -> eventList = value;
                case "status" -> status = value;
                case "kind" -> envelope = put(envelope, "otel.span.kind", spanKind(value));
                case "traceState", "trace_state" -> envelope = put(envelope, "otel.trace_state", value);
                case "flags" -> envelope = put(envelope, "otel.span.flags", value);
                case "links" -> envelope = put(envelope, "otel.links", links(value));
                case "droppedAttributesCount", "dropped_attributes_count" ->
                        envelope = put(envelope, "otel.dropped_attributes_count", value);
                case "droppedEventsCount", "dropped_events_count" -> envelope = put(envelope, "otel.dropped_events_count", value);
                case "droppedLinksCount", "dropped_links_count" -> envelope = put(envelope, "otel.dropped_links_count", value);
                default -> envelope = put(envelope, "otel.span." + field.getKey(), value);
            }
        }
        span.traceId = OtlpIds.normalize(rawTraceId, OtlpIds.TRACE_ID_HEX);
        span.spanId = OtlpIds.normalize(rawSpanId, OtlpIds.SPAN_ID_HEX);
        if (span.traceId == null || span.spanId == null) {
            throw new BadRecordException(span.traceId == null ? "the span has no traceId" : "the span has no spanId");
        }
        if (span.name == null) {
            span.name = "";
        }
        if (span.startNs != null && endNs != null) {
            span.durationNs = Math.max(0, endNs - span.startNs);
        }
        applyStatus(status, span);
        if (attributeList != null && !attributeList.isNull() && !attributeList.isArray()) {
            throw new BadRecordException("the span's attributes are not a list of {key, value}");
        }
        ObjectNode attributes = AnyValues.keyValues(attributeList);
        List<SpanEvent> events = events(eventList);
        boolean root = span.parentSpanId == null;
        Dialects.apply(new SpanFacts(attributes, events, root), span);
        if (root) {
            span.traceName = CanonicalSpan.firstNonNull(span.traceName, span.name.isEmpty() ? null : span.name);
        }
        addEnvelope(attributes, context, envelope);
        span.attributesJson = attributes.toString();
        span.resourceJson = context.resourceJson();
        span.eventsJson = eventsJson(events, eventList);
        return span;
    }

    private static String idText(JsonNode value, String field) throws BadRecordException {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRecordException("the span's " + field + " is not a string: " + value);
        }
        return value.textValue();
    }

    /** status.code is 0 UNSET, 1 OK, 2 ERROR, or the enum's name in the proto3 JSON mapping. */
    private static void applyStatus(JsonNode status, CanonicalSpan span) {
        if (status == null || !status.isObject()) {
            return;
        }
        JsonNode code = status.get("code");
        String name = code == null ? "" : code.asText();
        if (name.equals("2") || name.endsWith("ERROR")) {
            span.status = SpanStatus.ERROR;
        } else if (name.equals("1") || name.endsWith("OK")) {
            span.status = SpanStatus.OK;
        }
        JsonNode message = status.get("message");
        if (message != null && message.isTextual() && !message.textValue().isBlank()) {
            span.errorMessage = message.textValue();
        }
    }

    private static JsonNode spanKind(JsonNode kind) {
        if (kind.canConvertToInt()) {
            int number = kind.asInt();
            return number > 0 && number < SPAN_KINDS.length ? JsonNodeFactory.instance.textNode(SPAN_KINDS[number]) : null;
        }
        String text = kind.asText().replace("SPAN_KIND_", "");
        return text.isEmpty() || text.equals("UNSPECIFIED") ? null : JsonNodeFactory.instance.textNode(text);
    }

    private static JsonNode links(JsonNode links) {
        if (links == null || !links.isArray() || links.isEmpty()) {
            return null;
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (JsonNode link : links) {
            ObjectNode copy = result.addObject();
            link.properties().forEach(field -> copy.set(field.getKey(),
                    field.getKey().equals("attributes") ? AnyValues.keyValues(field.getValue()) : field.getValue()));
        }
        return result;
    }

    private static List<SpanEvent> events(JsonNode eventList) {
        if (eventList == null || !eventList.isArray() || eventList.isEmpty()) {
            return List.of();
        }
        List<SpanEvent> events = new ArrayList<>(eventList.size());
        int index = 0;
        for (JsonNode event : eventList) {
            if (event.isObject()) {
                JsonNode time = event.has("timeUnixNano") ? event.get("timeUnixNano") : event.get("time_unix_nano");
                events.add(new SpanEvent(index, event.path("name").asText(""), OtlpTimes.nanos(time),
                        AnyValues.keyValues(event.get("attributes"))));
            }
            index++;
        }
        return events;
    }

    /** Events as [{name, timeUnixNano, attributes: {…}}], attributes as plain JSON like the span's. */
    private static String eventsJson(List<SpanEvent> events, JsonNode eventList) {
        if (events.isEmpty()) {
            return null;
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode(events.size());
        for (SpanEvent event : events) {
            ObjectNode json = result.addObject();
            json.put("name", event.name());
            if (event.timeNs() != null) {
                json.put("timeUnixNano", event.timeNs());
            }
            json.set("attributes", event.attributes());
            JsonNode dropped = eventList.get(event.index()).get("droppedAttributesCount");
            if (dropped != null) {
                json.set("droppedAttributesCount", dropped);
            }
        }
        return result.toString();
    }

    private static void addEnvelope(ObjectNode attributes, ResourceScope context, ObjectNode envelope) {
        if (context.scopeName() != null) {
            attributes.putIfAbsent("otel.scope.name", JsonNodeFactory.instance.textNode(context.scopeName()));
        }
        if (context.scopeVersion() != null) {
            attributes.putIfAbsent("otel.scope.version", JsonNodeFactory.instance.textNode(context.scopeVersion()));
        }
        if (context.scopeAttributes() != null) {
            attributes.putIfAbsent("otel.scope.attributes", context.scopeAttributes());
        }
        if (envelope != null) {
            envelope.properties().forEach(field -> attributes.putIfAbsent(field.getKey(), field.getValue()));
        }
    }

    private static ObjectNode put(ObjectNode envelope, String key, JsonNode value) {
        boolean unset = value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())
                || (value.isNumber() && value.asLong() == 0);
        if (unset) {
            return envelope;
        }
        ObjectNode target = envelope == null ? JsonNodeFactory.instance.objectNode() : envelope;
        target.set(key, value);
        return target;
    }
}
