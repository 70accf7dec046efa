package dev.tracedesk.review.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON columns of a log entry. Empty values are stored as null, scores in name order, so the
 * same label always serialises to the same text (the text is what the hash covers).
 */
final class LabelJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LabelJson() {
    }

    static String categories(List<String> categories) {
        return categories.isEmpty() ? null : write(categories);
    }

    static String scores(Map<String, Double> scores) {
        return scores.isEmpty() ? null : write(new TreeMap<>(scores));
    }

    static String relevance(Map<String, DocumentRelevance> relevance) {
        return relevance.isEmpty() ? null : write(relevance);
    }

    static List<String> parseCategories(String json) {
        return json == null ? List.of() : read(json, new TypeReference<List<String>>() { });
    }

    static Map<String, Double> parseScores(String json) {
        return json == null ? Map.of() : read(json, new TypeReference<TreeMap<String, Double>>() { });
    }

    static Map<String, DocumentRelevance> parseRelevance(String json) {
        return json == null ? Map.of() : read(json, new TypeReference<LinkedHashMap<String, DocumentRelevance>>() { });
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException unreadable) {
            // A stored entry someone edited by hand; verify-log reports it, the history shows it as empty.
            throw new UncheckedIOException("A review log entry holds JSON that cannot be read: " + json, unreadable);
        }
    }
}
