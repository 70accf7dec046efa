package dev.tracedesk.ingest.promptfoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.source.JsonValues;

/**
 * promptfoo's per-assertion results ({@code gradingResult.componentResults}) as one flat JSON array
 * of {@code {path, type, value, threshold, metric, weight, pass, score, reason}} (plus {@code template}
 * when the value was rendered from one, e.g. {@code "{{category}}"} → {@code "billing"}). An assert-set
 * keeps its own entry and its members follow it with a dotted path ("2", "2.0", "2.1"), so nothing
 * nested is lost and a reader can still rebuild the tree.
 */
final class AssertionResults {

    /** Deeper nesting than this is not something promptfoo writes; it ends the walk safely. */
    private static final int MAX_DEPTH = 32;

    private AssertionResults() {
    }

    /** Null when the result was never graded (no gradingResult, as for an errored call). */
    static String flatten(JsonNode gradingResult) {
        if (!gradingResult(gradingResult)) {
            return null;
        }
        ArrayNode flat = JsonValues.MAPPER.createArrayNode();
        JsonNode components = gradingResult.get("componentResults");
        if (components != null && components.isArray() && !components.isEmpty()) {
            addAll(flat, components, "", 0);
        } else if (JsonValues.present(gradingResult.get("assertion"))) {
            // one assertion graded on its own carries no component list
            flat.add(entry(gradingResult, "0"));
        }
        return flat.toString();
    }

    private static boolean gradingResult(JsonNode node) {
        return node != null && node.isObject();
    }

    private static void addAll(ArrayNode flat, JsonNode components, String parentPath, int depth) {
        int index = 0;
        for (JsonNode component : components) {
            String path = parentPath.isEmpty() ? String.valueOf(index) : parentPath + "." + index;
            index++;
            if (!component.isObject()) {
                continue;
            }
            flat.add(entry(component, path));
            JsonNode children = component.get("componentResults");
            if (children != null && children.isArray() && depth < MAX_DEPTH) {
                addAll(flat, children, path, depth + 1);
            }
        }
    }

    private static ObjectNode entry(JsonNode component, String path) {
        JsonNode assertion = component.path("assertion");
        ObjectNode entry = JsonValues.MAPPER.createObjectNode();
        entry.put("path", path);
        entry.set("type", value(assertion.get("type")));
        // a templated value ("{{category}}") is kept as checked, with the template beside it
        JsonNode template = assertion.get("value");
        JsonNode rendered = component.path("metadata").get("renderedAssertionValue");
        boolean renderedDiffers = JsonValues.present(rendered) && !rendered.equals(template);
        entry.set("value", value(renderedDiffers ? rendered : template));
        if (renderedDiffers) {
            entry.set("template", value(template));
        }
        entry.set("threshold", value(assertion.get("threshold")));
        entry.set("metric", value(assertion.get("metric")));
        entry.set("weight", value(assertion.get("weight")));
        entry.set("pass", value(component.get("pass")));
        entry.set("score", value(component.get("score")));
        entry.set("reason", value(component.get("reason")));
        return entry;
    }

    private static JsonNode value(JsonNode node) {
        return JsonValues.present(node) ? node : JsonValues.MAPPER.nullNode();
    }
}
