package dev.tracedesk.review;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Why an item is in review: one flag rule that fired, with a sentence on what it saw
 * ("latency 12.4 s over the 10 s budget"). Read from {@code review_item.reasons_json}, which the
 * rule applier writes as an array of {ruleId, rule, type, detail}.
 */
public record FlagReason(Long ruleId, String rule, String type, String detail) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How a reviewer reads it: "Slow call — latency 12.4 s over the 10 s budget". */
    public String describe() {
        String name = rule == null || rule.isBlank() ? (type == null ? "Flagged" : type) : rule;
        return detail == null || detail.isBlank() ? name : name + " — " + detail;
    }

    /** Tolerant: a malformed or foreign value becomes one reason quoting it, never an error. */
    public static List<FlagReason> parseAll(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            List<FlagReason> reasons = new ArrayList<>();
            for (JsonNode node : root.isArray() ? root : List.of(root)) {
                if (node.isTextual()) {
                    reasons.add(new FlagReason(null, node.asText(), null, null));
                    continue;
                }
                reasons.add(new FlagReason(node.hasNonNull("ruleId") ? node.get("ruleId").asLong() : null,
                        text(node, "rule"), text(node, "type"), text(node, "detail")));
            }
            return List.copyOf(reasons);
        } catch (Exception unreadable) {
            return List.of(new FlagReason(null, "Flagged", null, json));
        }
    }

    /** The array {@code reasons_json} holds. */
    public static String toJson(List<FlagReason> reasons) {
        List<java.util.Map<String, Object>> rows = new ArrayList<>();
        for (FlagReason reason : reasons) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            if (reason.ruleId() != null) {
                row.put("ruleId", reason.ruleId());
            }
            row.put("rule", reason.rule());
            row.put("type", reason.type());
            if (reason.detail() != null) {
                row.put("detail", reason.detail());
            }
            rows.add(row);
        }
        try {
            return MAPPER.writeValueAsString(rows);
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
