package dev.tracedesk.review.rules;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Why an item is in review: one rule that fired on it. A review item's {@code reasons_json} is a
 * JSON array of these, {@code {"ruleId":n,"rule":"name","type":"LATENCY_ABOVE","detail":"…"}}, at
 * most one per rule.
 */
public record Reason(long ruleId, String rule, String type, String detail) {

    /** Reads a {@code reasons_json}; entries it cannot read are skipped, never fatal. */
    public static List<Reason> parseAll(String reasonsJson) {
        List<Reason> reasons = new ArrayList<>();
        if (reasonsJson == null || reasonsJson.isBlank()) {
            return reasons;
        }
        try {
            JsonNode array = RuleConfigJson.MAPPER.readTree(reasonsJson);
            if (array != null && array.isArray()) {
                for (JsonNode entry : array) {
                    if (entry.isObject()) {
                        reasons.add(new Reason(entry.path("ruleId").asLong(0), entry.path("rule").asText(""),
                                entry.path("type").asText(""), entry.path("detail").asText("")));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // an unreadable array counts as no reasons; merging writes a readable one
        }
        return reasons;
    }

    public static String toJson(List<Reason> reasons) {
        ArrayNode array = RuleConfigJson.MAPPER.createArrayNode();
        for (Reason reason : reasons) {
            ObjectNode entry = array.addObject();
            entry.put("ruleId", reason.ruleId());
            entry.put("rule", reason.rule());
            entry.put("type", reason.type());
            entry.put("detail", reason.detail());
        }
        return array.toString();
    }

    /**
     * The stored reasons with this one added, or null when the rule is already among them (its
     * first detail is kept, so re-applying changes nothing). Entries that could not be read are
     * kept as they were written.
     */
    static String mergedInto(String reasonsJson, Reason reason) {
        if (parseAll(reasonsJson).stream().anyMatch(existing -> existing.ruleId() == reason.ruleId())) {
            return null;
        }
        try {
            JsonNode stored = reasonsJson == null || reasonsJson.isBlank() ? null : RuleConfigJson.MAPPER.readTree(reasonsJson);
            ArrayNode array = stored != null && stored.isArray() ? (ArrayNode) stored : RuleConfigJson.MAPPER.createArrayNode();
            ObjectNode entry = array.addObject();
            entry.put("ruleId", reason.ruleId());
            entry.put("rule", reason.rule());
            entry.put("type", reason.type());
            entry.put("detail", reason.detail());
            return array.toString();
        } catch (JsonProcessingException e) {
            return toJson(List.of(reason));
        }
    }
}
