package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.REVIEW_QUEUE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Record3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which queues a rule's items go into: the "Flagged" queue (definition {@code {"kind":"FLAGGED"}},
 * seeded by V7) for every rule, and each queue defined as {@code {"kind":"RULES","rules":[names]}}
 * that names the rule.
 */
final class RuleQueues {

    static final String FLAGGED = "Flagged";

    private final Long flaggedQueueId;
    private final Map<String, List<Long>> queuesByRuleName;

    private RuleQueues(Long flaggedQueueId, Map<String, List<Long>> queuesByRuleName) {
        this.flaggedQueueId = flaggedQueueId;
        this.queuesByRuleName = queuesByRuleName;
    }

    static RuleQueues load(DSLContext dsl) {
        Long flagged = null;
        Long flaggedByName = null;
        Map<String, List<Long>> byRule = new HashMap<>();
        for (Record3<Long, String, String> queue : dsl.select(REVIEW_QUEUE.ID, REVIEW_QUEUE.NAME, REVIEW_QUEUE.DEFINITION_JSON)
                .from(REVIEW_QUEUE).orderBy(REVIEW_QUEUE.ID).fetch()) {
            JsonNode definition = read(queue.value3());
            String kind = definition.path("kind").asText("");
            if (kind.equalsIgnoreCase("FLAGGED") && flagged == null) {
                flagged = queue.value1();
            } else if (kind.equalsIgnoreCase("RULES") && definition.path("rules").isArray()) {
                for (JsonNode rule : definition.path("rules")) {
                    byRule.computeIfAbsent(rule.asText(), name -> new ArrayList<>()).add(queue.value1());
                }
            }
            if (FLAGGED.equals(queue.value2())) {
                flaggedByName = queue.value1();
            }
        }
        return new RuleQueues(flagged != null ? flagged : flaggedByName, byRule);
    }

    /** The queues a rule of this name fills, the Flagged queue first. */
    List<Long> queuesFor(String ruleName) {
        List<Long> queues = new ArrayList<>();
        if (flaggedQueueId != null) {
            queues.add(flaggedQueueId);
        }
        for (Long queue : queuesByRuleName.getOrDefault(ruleName, List.of())) {
            if (!queues.contains(queue)) {
                queues.add(queue);
            }
        }
        return queues;
    }

    private static JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            return RuleConfigJson.MAPPER.missingNode();
        }
        try {
            JsonNode node = RuleConfigJson.MAPPER.readTree(json);
            return node == null ? RuleConfigJson.MAPPER.missingNode() : node;
        } catch (JsonProcessingException e) {
            return RuleConfigJson.MAPPER.missingNode();
        }
    }
}
