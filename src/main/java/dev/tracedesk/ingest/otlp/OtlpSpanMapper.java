package dev.tracedesk.ingest.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.otlp.dialect.Dialects;
import dev.tracedesk.ingest.otlp.dialect.SpanEvent;
import dev.tracedesk.ingest.otlp.dialect.SpanFacts;

/**
 * A read span to a canonical span: the envelope fields here, the attribute dialects in
 * {@link Dialects}. Span fields with no canonical place (OTel span kind, scope, trace state,
 * links, dropped counts, fields OTLP does not define) are kept in the attributes JSON under
 * {@code otel.*} keys — the names OTel uses for them outside OTLP — never over a source attribute.
 */
final class OtlpSpanMapper {

    static final String SOURCE_SYSTEM = "otlp";
    private final FlatJson json = new FlatJson();

    CanonicalSpan map(RawSpan raw, ResourceScope context) throws BadRecordException {
        if (raw.problem != null) {
            throw new BadRecordException(raw.problem);
        }
        CanonicalSpan span = new CanonicalSpan();
        span.sourceSystem = SOURCE_SYSTEM;
        span.traceId = OtlpIds.normalize(raw.traceId, OtlpIds.TRACE_ID_HEX);
        span.spanId = OtlpIds.normalize(raw.spanId, OtlpIds.SPAN_ID_HEX);
        if (span.traceId == null || span.spanId == null) {
            throw new BadRecordException(span.traceId == null ? "the span has no traceId" : "the span has no spanId");
        }
        span.parentSpanId = OtlpIds.normalize(raw.parentSpanId, OtlpIds.SPAN_ID_HEX);
        span.name = raw.name == null ? "" : raw.name;
        span.startNs = raw.startNs;
        if (raw.startNs != null && raw.endNs != null) {
            span.durationNs = Math.max(0, raw.endNs - raw.startNs);
        }
        applyStatus(raw, span);
        ObjectNode attributes = raw.attributes;
        boolean root = span.parentSpanId == null;
        Dialects.apply(new SpanFacts(attributes, raw.events, root), span);
        if (root) {
            span.traceName = CanonicalSpan.firstNonNull(span.traceName, span.name.isEmpty() ? null : span.name);
        }
        addEnvelope(attributes, context, raw.envelope);
        span.attributesJson = json.write(attributes, raw.stringSlices, raw.sourceText);
        span.resourceJson = context.resourceJson();
        span.eventsJson = eventsJson(raw);
        return span;
    }

    /** status.code is 0 UNSET, 1 OK, 2 ERROR, or the enum's name in the proto3 JSON mapping. */
    private static void applyStatus(RawSpan raw, CanonicalSpan span) {
        String code = raw.statusCode == null ? "" : raw.statusCode.asText();
        if (code.equals("2") || code.endsWith("ERROR")) {
            span.status = SpanStatus.ERROR;
        } else if (code.equals("1") || code.endsWith("OK")) {
            span.status = SpanStatus.OK;
        }
        if (raw.statusMessage != null && !raw.statusMessage.isBlank()) {
            span.errorMessage = raw.statusMessage;
        }
    }

    /** Events as [{name, timeUnixNano, attributes: {…}}], attributes as plain JSON like the span's. */
    private String eventsJson(RawSpan raw) {
        if (raw.events.isEmpty()) {
            return null;
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode(raw.events.size());
        for (SpanEvent event : raw.events) {
            ObjectNode json = result.addObject();
            json.put("name", event.name());
            if (event.timeNs() != null) {
                json.put("timeUnixNano", event.timeNs());
            }
            json.set("attributes", event.attributes());
            JsonNode[] dropped = raw.eventDroppedCounts;
            if (dropped != null && event.index() < dropped.length && dropped[event.index()] != null) {
                json.set("droppedAttributesCount", dropped[event.index()]);
            }
        }
        return json.write(result);
    }

    private static void addEnvelope(ObjectNode attributes, ResourceScope context, ObjectNode envelope) {
        if (context.scopeName() != null) {
            attributes.putIfAbsent("otel.scope.name", TextNode.valueOf(context.scopeName()));
        }
        if (context.scopeVersion() != null) {
            attributes.putIfAbsent("otel.scope.version", TextNode.valueOf(context.scopeVersion()));
        }
        if (context.scopeAttributes() != null) {
            attributes.putIfAbsent("otel.scope.attributes", context.scopeAttributes());
        }
        if (envelope != null) {
            envelope.properties().forEach(field -> attributes.putIfAbsent(field.getKey(), field.getValue()));
        }
    }
}
