package dev.tracedesk.ingest.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The resource and instrumentation scope a span or log record was reported under. Built once per
 * scope block and shared by its records, so the resource JSON is written once, not per span.
 *
 * @param resourceJson the resource attributes as a JSON object, or null when there are none
 */
record ResourceScope(String resourceJson, String scopeName, String scopeVersion, ObjectNode scopeAttributes) {

    static final ResourceScope NONE = new ResourceScope(null, null, null, null);

    static ResourceScope of(JsonNode resource, JsonNode scope) {
        ObjectNode resourceAttributes = resource == null ? null : AnyValues.keyValues(resource.get("attributes"));
        String resourceJson = resourceAttributes == null || resourceAttributes.isEmpty() ? null : resourceAttributes.toString();
        if (scope == null || !scope.isObject()) {
            return new ResourceScope(resourceJson, null, null, null);
        }
        ObjectNode scopeAttributes = AnyValues.keyValues(scope.get("attributes"));
        return new ResourceScope(resourceJson, text(scope.get("name")), text(scope.get("version")),
                scopeAttributes.isEmpty() ? null : scopeAttributes);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isEmpty() ? node.textValue() : null;
    }
}
