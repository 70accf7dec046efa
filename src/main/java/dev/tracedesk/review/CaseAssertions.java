package dev.tracedesk.review;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An eval case's assertion results as reviewer-readable lines, failed ones first: "✗ contains "Paris": …". */
final class CaseAssertions {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CaseAssertions() {
    }

    static List<String> describe(String assertionsJson) {
        if (assertionsJson == null || assertionsJson.isBlank()) {
            return List.of();
        }
        JsonNode assertions;
        try {
            assertions = MAPPER.readTree(assertionsJson);
        } catch (Exception unreadable) {
            return List.of();
        }
        List<String> failed = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (JsonNode assertion : assertions.isArray() ? assertions : List.<JsonNode>of()) {
            boolean pass = assertion.path("pass").asBoolean(true);
            StringBuilder line = new StringBuilder(pass ? "✓ " : "✗ ").append(assertion.path("type").asText("check"));
            JsonNode value = assertion.get("value");
            if (value != null && !value.isNull()) {
                line.append(' ').append(value.isTextual() ? '"' + abbreviate(value.asText(), 80) + '"' : abbreviate(value.toString(), 80));
            }
            String reason = assertion.path("reason").asText("");
            if (!pass && !reason.isBlank()) {
                line.append(": ").append(abbreviate(reason, 200));
            }
            (pass ? passed : failed).add(line.toString());
        }
        failed.addAll(passed);
        return failed;
    }

    private static String abbreviate(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
