package dev.tracedesk.review.rules;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rule's config as the text of the dialog's fields, and back. The way back goes through
 * {@link RuleConfigJson}, so the dialog accepts exactly what a stored config accepts, and its
 * errors name the field's label instead of the JSON key.
 */
public final class RuleDraft {

    private RuleDraft() {
    }

    /** The text of each field of the config's type; lists comma-separated, the schema indented. */
    public static Map<RuleField, String> fieldsOf(RuleConfig config) {
        JsonNode json = RuleConfigJson.tree(config);
        Map<RuleField, String> fields = new EnumMap<>(RuleField.class);
        for (RuleField field : config.type().fields()) {
            JsonNode value = json.get(field.jsonKey());
            fields.put(field, text(field, value));
        }
        if (config instanceof RuleConfig.CallScope scope) {
            // an unscoped per-call budget does not store its grouping; the dialog still names it
            fields.put(RuleField.GROUP_BY, scope.groupBy().cliName());
        }
        return fields;
    }

    /** The fields of a new rule of this type: its defaults. */
    public static Map<RuleField, String> defaultsOf(RuleType type) {
        ObjectNode json = RuleConfigJson.MAPPER.createObjectNode();
        switch (type) {
            case SCORE_BELOW -> {
                json.put("score", "confidence");
                json.put("threshold", 0.5);
            }
            case JSON_SCHEMA -> {
                json.put("promptTemplate", "");
                json.set("schema", json.objectNode().put("type", "object"));
            }
            case LATENCY_ABOVE -> json.put("budgetMs", 30_000);
            case COST_ABOVE -> json.put("budgetUsd", 0.05);
            case P95_LATENCY_ABOVE -> json.put("budgetMs", 10_000).put("groupBy", "model");
            case DAILY_COST_ABOVE -> json.put("budgetUsd", 10).put("groupBy", "model");
            case SPOT_CHECK -> json.put("percent", 2);
            default -> {
                // the other types have defaults for every setting
            }
        }
        Map<RuleField, String> fields = new EnumMap<>(RuleField.class);
        try {
            fields.putAll(fieldsOf(RuleConfigJson.parse(type, json.toString())));
        } catch (RuleConfigException incomplete) {
            // JSON_SCHEMA without a template: show what there is
            for (RuleField field : type.fields()) {
                fields.put(field, text(field, json.get(field.jsonKey())));
            }
        }
        return fields;
    }

    /**
     * @throws RuleConfigException naming the field (by its label) that cannot be used
     */
    public static RuleConfig toConfig(RuleType type, Map<RuleField, String> fields) {
        ObjectNode json = RuleConfigJson.MAPPER.createObjectNode();
        for (RuleField field : type.fields()) {
            String text = fields.getOrDefault(field, "");
            text = text == null ? "" : text.strip();
            if (text.isEmpty()) {
                json.putNull(field.jsonKey());
            } else {
                json.put(field.jsonKey(), text);
            }
        }
        try {
            return RuleConfigJson.parse(type, json.toString());
        } catch (RuleConfigException e) {
            String message = e.getMessage();
            for (RuleField field : type.fields()) {
                message = message.replace("'" + field.jsonKey() + "'", field.label());
            }
            throw new RuleConfigException(Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".", e);
        }
    }

    private static String text(RuleField field, JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (field == RuleField.SCHEMA) {
            try {
                return RuleConfigJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return value.toString();
            }
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (Iterator<JsonNode> items = value.elements(); items.hasNext(); ) {
                joined.append(items.next().asText()).append(items.hasNext() ? ", " : "");
            }
            return joined.toString();
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.asText();
    }
}
