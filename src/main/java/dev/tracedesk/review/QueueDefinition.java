package dev.tracedesk.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What fills a queue ({@code review_queue.definition_json}): FLAGGED takes everything a flag rule
 * flags; RULES takes what the named rules flag; SAVED_VIEW takes the LLM calls a saved Traces view
 * shows (filled when the queue is made, and again on refresh); MANUAL holds what was put in by hand.
 */
public record QueueDefinition(Kind kind, List<String> rules, String savedView) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public enum Kind { FLAGGED, RULES, SAVED_VIEW, MANUAL }

    public QueueDefinition {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static QueueDefinition flagged() {
        return new QueueDefinition(Kind.FLAGGED, List.of(), null);
    }

    public static QueueDefinition ofRules(List<String> rules) {
        return new QueueDefinition(Kind.RULES, rules, null);
    }

    public static QueueDefinition ofSavedView(String name) {
        return new QueueDefinition(Kind.SAVED_VIEW, List.of(), name);
    }

    /** In a sentence, for the queue list: "Rules: Slow call, Costly call". */
    public String describe() {
        return switch (kind) {
            case FLAGGED -> "Everything a flag rule flags";
            case RULES -> "Rules: " + String.join(", ", rules);
            case SAVED_VIEW -> "Saved view: " + savedView;
            case MANUAL -> "Items added by hand";
        };
    }

    public String toJson() {
        Map<String, Object> json = switch (kind) {
            case RULES -> Map.of("kind", kind.name(), "rules", rules);
            case SAVED_VIEW -> Map.of("kind", kind.name(), "savedView", savedView);
            default -> Map.of("kind", kind.name());
        };
        try {
            return MAPPER.writeValueAsString(json);
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Tolerant: an unreadable or missing definition is MANUAL, so the queue still opens. */
    public static QueueDefinition parse(String json) {
        if (json == null || json.isBlank()) {
            return new QueueDefinition(Kind.MANUAL, List.of(), null);
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            Kind kind = Kind.valueOf(root.path("kind").asText("MANUAL"));
            List<String> rules = new ArrayList<>();
            root.path("rules").forEach(rule -> rules.add(rule.asText()));
            String view = root.hasNonNull("savedView") ? root.get("savedView").asText() : null;
            return new QueueDefinition(kind, rules, view);
        } catch (Exception unreadable) {
            return new QueueDefinition(Kind.MANUAL, List.of(), null);
        }
    }
}
