package dev.tracedesk.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a queue's label form asks for beyond the verdict: failure categories (each with its key on
 * the review screen) and optional numeric scores. Stored per queue as
 * {@code {"categories":[{"name","key"}],"scores":[{"name","min","max"}]}}; a queue without one
 * uses {@link #DEFAULT}.
 */
public record LabelSchema(List<Category> categories, List<Score> scores) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Category(String name, char key) {
    }

    public record Score(String name, double min, double max) {
    }

    /** The default categories; keys are mnemonic and avoid J/K/E/N/T/A, which navigate, edit, open the trace and add to the golden set. */
    public static final LabelSchema DEFAULT = new LabelSchema(List.of(
            new Category("unsupported claim", 'U'),
            new Category("retrieval miss", 'R'),
            new Category("irrelevant context used", 'I'),
            new Category("prompt problem", 'P'),
            new Category("model regression", 'M'),
            new Category("format or schema", 'F'),
            new Category("refusal", 'D'),
            new Category("unsafe", 'S'),
            new Category("grader error", 'G')), List.of());

    public LabelSchema {
        categories = List.copyOf(categories);
        scores = List.copyOf(scores);
    }

    /** The category with this name, ignoring case. */
    public Optional<Category> category(String name) {
        return categories.stream().filter(c -> c.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    public Optional<Category> categoryForKey(char key) {
        char upper = Character.toUpperCase(key);
        return categories.stream().filter(c -> c.key() == upper).findFirst();
    }

    public String categoryNames() {
        return String.join(", ", categories.stream().map(Category::name).toList());
    }

    /** The default categories with these scores (each from 1 to 5), as the New queue dialog makes it. */
    public static LabelSchema withScores(List<String> scoreNames) {
        return new LabelSchema(DEFAULT.categories(), scoreNames.stream().map(String::trim).filter(n -> !n.isEmpty())
                .distinct().map(n -> new Score(n, 1, 5)).toList());
    }

    /** The stored form; null for the default schema, so queues that use it store nothing. */
    public String toJson() {
        if (this.equals(DEFAULT)) {
            return null;
        }
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("categories", categories.stream().map(c -> java.util.Map.of("name", c.name(), "key", String.valueOf(c.key()))).toList());
        json.put("scores", scores.stream().map(s -> java.util.Map.of("name", s.name(), "min", s.min(), "max", s.max())).toList());
        try {
            return MAPPER.writeValueAsString(json);
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Tolerant: a missing or unreadable schema is the default one, so a queue always opens. */
    public static LabelSchema parse(String json) {
        if (json == null || json.isBlank()) {
            return DEFAULT;
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            List<Category> categories = new ArrayList<>();
            for (JsonNode node : root.path("categories")) {
                String name = node.path("name").asText("").trim();
                String key = node.path("key").asText("").trim();
                if (!name.isEmpty()) {
                    categories.add(new Category(name, key.isEmpty() ? ' ' : key.toUpperCase(Locale.ROOT).charAt(0)));
                }
            }
            List<Score> scores = new ArrayList<>();
            for (JsonNode node : root.path("scores")) {
                scores.add(new Score(node.path("name").asText("score"), node.path("min").asDouble(0),
                        node.path("max").asDouble(5)));
            }
            return new LabelSchema(categories.isEmpty() ? DEFAULT.categories() : categories, scores);
        } catch (Exception unreadable) {
            return DEFAULT;
        }
    }
}
