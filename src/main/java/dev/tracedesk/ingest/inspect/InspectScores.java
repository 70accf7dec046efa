package dev.tracedesk.ingest.inspect;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.source.JsonValues;

/**
 * What an Inspect score value means. Scorers write letters (C correct, I incorrect, P partial,
 * N no answer), numbers, booleans, numeric strings, or a dict / list of those (one per metric).
 * The numbers follow Inspect's own reading of them (C = 1, P = 0.5, I and N = 0); a case passes
 * only when the value is fully correct (1 or more, true, C).
 */
final class InspectScores {

    /** One scorer's verdict: a score (null when the value means nothing numeric) and pass/fail. */
    record Verdict(Double score, boolean passed) {
    }

    /** The verdicts of a sample's scorers, in order, as canonical assertions and named scores. */
    record Scoring(List<Verdict> verdicts, ArrayNode assertions, ObjectNode namedScores) {

        boolean isEmpty() {
            return verdicts.isEmpty();
        }

        boolean allPassed() {
            return !verdicts.isEmpty() && verdicts.stream().allMatch(Verdict::passed);
        }

        /** One scorer's score, or the mean of several (those with a score). */
        Double score() {
            return mean(verdicts);
        }
    }

    private InspectScores() {
    }

    static Verdict verdict(JsonNode value) {
        if (!JsonValues.present(value)) {
            return new Verdict(null, false);
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? new Verdict(1.0, true) : new Verdict(0.0, false);
        }
        if (value.isNumber()) {
            double number = value.asDouble();
            return new Verdict(number, number >= 1.0);
        }
        if (value.isTextual()) {
            return fromText(value.asText().trim());
        }
        List<Verdict> parts = new ArrayList<>();
        value.forEach(part -> parts.add(verdict(part)));
        return new Verdict(mean(parts), !parts.isEmpty() && parts.stream().allMatch(Verdict::passed));
    }

    private static Verdict fromText(String text) {
        switch (text) {
            case "C":
                return new Verdict(1.0, true);
            case "P":
                return new Verdict(0.5, false);
            case "I":
            case "N":
                return new Verdict(0.0, false);
            default:
                break;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("yes") || lower.equals("true")) {
            return new Verdict(1.0, true);
        }
        if (lower.equals("no") || lower.equals("false")) {
            return new Verdict(0.0, false);
        }
        try {
            double number = Double.parseDouble(text);
            return new Verdict(number, number >= 1.0);
        } catch (NumberFormatException notNumeric) {
            return new Verdict(null, false);
        }
    }

    /**
     * Every scorer of {@code sample.scores}: an assertion {type: scorer, value: answer, pass, score,
     * reason: explanation} each, keeping the raw value and metadata beside them.
     */
    static Scoring scoring(JsonNode scores, InspectContent content) {
        List<Verdict> verdicts = new ArrayList<>();
        ArrayNode assertions = JsonValues.MAPPER.createArrayNode();
        ObjectNode namedScores = JsonValues.MAPPER.createObjectNode();
        if (scores == null || !scores.isObject()) {
            return new Scoring(verdicts, assertions, namedScores);
        }
        Iterator<Map.Entry<String, JsonNode>> scorers = scores.fields();
        while (scorers.hasNext()) {
            Map.Entry<String, JsonNode> scorer = scorers.next();
            JsonNode score = scorer.getValue();
            JsonNode value = score.isObject() ? score.get("value") : score;
            Verdict verdict = verdict(value);
            verdicts.add(verdict);
            ObjectNode assertion = assertions.addObject();
            assertion.put("type", scorer.getKey());
            assertion.put("value", content.resolve(JsonValues.text(score.get("answer"))));
            assertion.put("pass", verdict.passed());
            assertion.put("score", verdict.score());
            assertion.put("reason", content.resolve(JsonValues.text(score.get("explanation"))));
            assertion.set("scoreValue", value == null ? null : content.resolveAll(value));
            if (JsonValues.present(score.get("metadata"))) {
                assertion.set("metadata", content.resolveAll(score.get("metadata")));
            }
            namedScores.put(scorer.getKey(), verdict.score());
        }
        return new Scoring(verdicts, assertions, namedScores);
    }

    private static Double mean(List<Verdict> verdicts) {
        double sum = 0;
        int count = 0;
        for (Verdict verdict : verdicts) {
            if (verdict.score() != null) {
                sum += verdict.score();
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }
}
