package dev.tracedesk.evals.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assertions that changed verdict between two sides of a case. Assertions are matched by type,
 * value (the template when the value was rendered from one) and metric, the n-th with the n-th, so
 * a re-ordered assert list still lines up. An assertion on one side only counts when it failed.
 */
final class AssertionFlips {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AssertionFlips() {
    }

    static List<FlippedAssertion> between(String baselineJson, String otherJson) {
        Map<String, JsonNode> baseline = byKey(baselineJson);
        Map<String, JsonNode> other = byKey(otherJson);
        List<String> keys = new ArrayList<>(baseline.keySet());
        other.keySet().stream().filter(key -> !baseline.containsKey(key)).forEach(keys::add);
        List<FlippedAssertion> flips = new ArrayList<>();
        for (String key : keys) {
            JsonNode before = baseline.get(key);
            JsonNode after = other.get(key);
            Boolean passedBefore = pass(before);
            Boolean passesNow = pass(after);
            boolean oneFailed = Boolean.FALSE.equals(passedBefore) || Boolean.FALSE.equals(passesNow);
            if (oneFailed && !Objects.equals(passedBefore, passesNow)) {
                JsonNode named = after != null ? after : before;
                flips.add(new FlippedAssertion(text(named.get("type")), text(named.get("value")), passedBefore,
                        before == null ? null : text(before.get("reason")), passesNow,
                        after == null ? null : text(after.get("reason"))));
            }
        }
        return flips;
    }

    private static Map<String, JsonNode> byKey(String json) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode assertion : parse(json)) {
            JsonNode value = assertion.hasNonNull("template") ? assertion.get("template") : assertion.get("value");
            String key = text(assertion.get("type")) + '\u0000' + text(value) + '\u0000' + text(assertion.get("metric"));
            int occurrence = seen.merge(key, 1, Integer::sum);
            byKey.put(key + '\u0000' + occurrence, assertion);
        }
        return byKey;
    }

    private static Iterable<JsonNode> parse(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            return root != null && root.isArray() ? root : List.of();
        } catch (Exception unreadable) {
            return List.of();
        }
    }

    private static Boolean pass(JsonNode assertion) {
        return assertion == null || !assertion.path("pass").isBoolean() ? null : assertion.get("pass").asBoolean();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
