package dev.tracedesk.ingest.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds OTLP/JSON envelopes around flat attribute maps, typed the way OTLP exporters type them. */
final class OtlpEnvelopes {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OtlpEnvelopes() {
    }

    /** A fixture file from src/test/resources as a JSON object. */
    static ObjectNode resource(String path) {
        try (InputStream in = OtlpEnvelopes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode span(String spanId, String parentSpanId, String name, ObjectNode flatAttributes) {
        ObjectNode span = NODES.objectNode();
        span.put("traceId", TRACE_ID);
        span.put("spanId", spanId);
        if (parentSpanId != null) {
            span.put("parentSpanId", parentSpanId);
        }
        span.put("name", name);
        span.put("kind", 3);
        span.put("startTimeUnixNano", "1760000000000000000");
        span.put("endTimeUnixNano", "1760000001500000000");
        span.set("attributes", keyValues(flatAttributes));
        span.putObject("status");
        return span;
    }

    /** {"resourceSpans":[{"resource":…,"scopeSpans":[{"scope":…,"spans":[…]}]}]} on one line. */
    static String tracesData(JsonNode... spans) {
        ObjectNode root = NODES.objectNode();
        ObjectNode resourceSpans = root.putArray("resourceSpans").addObject();
        resourceSpans.putObject("resource").set("attributes",
                keyValues(NODES.objectNode().put("service.name", "fixture-app")));
        ObjectNode scopeSpans = resourceSpans.putArray("scopeSpans").addObject();
        scopeSpans.putObject("scope").put("name", "fixture-scope").put("version", "1.2.3");
        ArrayNode list = scopeSpans.putArray("spans");
        for (JsonNode span : spans) {
            list.add(span);
        }
        return root.toString();
    }

    static ArrayNode keyValues(ObjectNode flat) {
        ArrayNode list = NODES.arrayNode();
        for (Map.Entry<String, JsonNode> entry : flat.properties()) {
            list.addObject().put("key", entry.getKey()).set("value", anyValue(entry.getValue()));
        }
        return list;
    }

    /** Integers as decimal strings and structures as arrayValue / kvlistValue, as the OTLP exporters write. */
    static ObjectNode anyValue(JsonNode value) {
        ObjectNode any = NODES.objectNode();
        if (value.isTextual()) {
            any.put("stringValue", value.textValue());
        } else if (value.isIntegralNumber()) {
            any.put("intValue", value.asText());
        } else if (value.isNumber()) {
            any.put("doubleValue", value.doubleValue());
        } else if (value.isBoolean()) {
            any.put("boolValue", value.booleanValue());
        } else if (value.isArray()) {
            ArrayNode values = any.putObject("arrayValue").putArray("values");
            value.forEach(item -> values.add(anyValue(item)));
        } else if (value.isObject()) {
            any.putObject("kvlistValue").set("values", keyValues((ObjectNode) value));
        }
        return any;
    }
}
