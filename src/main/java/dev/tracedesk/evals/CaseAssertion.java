package dev.tracedesk.evals;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One assertion result of an eval case, read from the stored flat array every reader writes
 * ({@code [{type, value, pass, score, reason, …}]}). {@code value} is shown as text; {@code pass}
 * is null when the tool did not say.
 */
public record CaseAssertion(String type, String value, Boolean pass, Double score, String reason) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The assertions in stored order; none for a case never graded or a value that is not an array. */
    public static List<CaseAssertion> parse(String assertionsJson) {
        if (assertionsJson == null || assertionsJson.isBlank()) {
            return List.of();
        }
        JsonNode array;
        try {
            array = MAPPER.readTree(assertionsJson);
        } catch (Exception unreadable) {
            return List.of(); // the raw JSON stays in the store; the pane just has no table for it
        }
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<CaseAssertion> assertions = new ArrayList<>();
        for (JsonNode entry : array) {
            if (entry.isObject()) {
                assertions.add(new CaseAssertion(text(entry.get("type"), "check"), text(entry.get("value"), ""),
                        entry.path("pass").isBoolean() ? entry.get("pass").asBoolean() : null,
                        entry.path("score").isNumber() ? entry.get("score").asDouble() : null,
                        text(entry.get("reason"), "")));
            }
        }
        return List.copyOf(assertions);
    }

    private static String text(JsonNode node, String absent) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return absent;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    public boolean failed() {
        return Boolean.FALSE.equals(pass);
    }
}
