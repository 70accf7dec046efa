package dev.tracedesk.review.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.review.rules.RuleConfig.CallScope;
import dev.tracedesk.review.rules.RuleConfig.CheckFailed;
import dev.tracedesk.review.rules.RuleConfig.CostAbove;
import dev.tracedesk.review.rules.RuleConfig.DailyCostAbove;
import dev.tracedesk.review.rules.RuleConfig.EvalCaseFailed;
import dev.tracedesk.review.rules.RuleConfig.JsonSchema;
import dev.tracedesk.review.rules.RuleConfig.LatencyAbove;
import dev.tracedesk.review.rules.RuleConfig.NegativeFeedback;
import dev.tracedesk.review.rules.RuleConfig.P95LatencyAbove;
import dev.tracedesk.review.rules.RuleConfig.ScoreBelow;
import dev.tracedesk.review.rules.RuleConfig.SpotCheck;

/**
 * A rule's {@code config_json} ↔ its {@link RuleConfig}. Reading is tolerant — unknown keys are
 * ignored, numbers may be written as strings, lists as one comma-separated string, settings left
 * out take their defaults — and a setting that cannot be used is named in the error.
 */
public final class RuleConfigJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The labels read as negative feedback unless a rule names its own. */
    public static final List<String> DEFAULT_NEGATIVE_LABELS = List.of("thumbs_down", "thumbs-down", "negative", "bad");

    private RuleConfigJson() {
    }

    /** @throws RuleConfigException when the JSON is not an object or a setting cannot be used */
    public static RuleConfig parse(RuleType type, String json) {
        JsonNode node;
        try {
            node = json == null || json.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RuleConfigException("the config is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            node = MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw new RuleConfigException("the config must be a JSON object, not " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return switch (type) {
            case EVAL_CASE_FAILED -> new EvalCaseFailed(bool(node, "includeErrored", true));
            case CHECK_FAILED -> new CheckFailed(sources(node, List.of(CheckSource.GUARDRAIL.name())), text(node, "checkName"));
            case SCORE_BELOW -> new ScoreBelow(requiredText(node, "score"), requiredNumber(node, "threshold").doubleValue(),
                    sources(node, List.of()));
            case JSON_SCHEMA -> new JsonSchema(requiredText(node, "promptTemplate"), schema(node));
            case LATENCY_ABOVE -> new LatencyAbove(positive(node, "budgetMs").longValue(), grouping(node), groupKey(node));
            case COST_ABOVE -> new CostAbove(positive(node, "budgetUsd"), grouping(node), groupKey(node));
            case P95_LATENCY_ABOVE -> new P95LatencyAbove(positive(node, "budgetMs").longValue(), grouping(node), groupKey(node));
            case DAILY_COST_ABOVE -> new DailyCostAbove(positive(node, "budgetUsd"), grouping(node), groupKey(node));
            case NEGATIVE_FEEDBACK -> new NegativeFeedback(
                    sources(node, List.of(CheckSource.FEEDBACK.name(), CheckSource.ANNOTATION.name())),
                    node.has("scoreBelow") ? optionalNumberAsDouble(node, "scoreBelow") : Double.valueOf(0),
                    node.has("labels") ? list(node, "labels") : DEFAULT_NEGATIVE_LABELS);
            case SPOT_CHECK -> new SpotCheck(percent(node));
        };
    }

    /** The config as stored: compact JSON, keys in a fixed order. */
    public static String write(RuleConfig config) {
        ObjectNode node = MAPPER.createObjectNode();
        if (config instanceof EvalCaseFailed c) {
            node.put("includeErrored", c.includeErrored());
        } else if (config instanceof CheckFailed c) {
            strings(node.putArray("sources"), c.sources());
            if (c.checkName() != null) {
                node.put("checkName", c.checkName());
            }
        } else if (config instanceof ScoreBelow c) {
            node.put("score", c.scoreName());
            node.put("threshold", c.threshold());
            strings(node.putArray("sources"), c.sources());
        } else if (config instanceof JsonSchema c) {
            node.put("promptTemplate", c.promptTemplate());
            node.set("schema", readSchema(c.schemaJson()));
        } else if (config instanceof LatencyAbove c) {
            node.put("budgetMs", c.budgetMs());
            writeScope(node, c, false);
        } else if (config instanceof CostAbove c) {
            node.put("budgetUsd", c.budgetUsd());
            writeScope(node, c, false);
        } else if (config instanceof P95LatencyAbove c) {
            node.put("budgetMs", c.budgetMs());
            writeScope(node, c, true);
        } else if (config instanceof DailyCostAbove c) {
            node.put("budgetUsd", c.budgetUsd());
            writeScope(node, c, true);
        } else if (config instanceof NegativeFeedback c) {
            strings(node.putArray("sources"), c.sources());
            if (c.scoreBelow() == null) {
                node.putNull("scoreBelow");
            } else {
                node.put("scoreBelow", c.scoreBelow());
            }
            strings(node.putArray("labels"), c.labels());
        } else if (config instanceof SpotCheck c) {
            node.put("percent", c.percent());
        }
        return node.toString();
    }

    /** The config as a JSON tree, for {@code rules list --json}. */
    public static JsonNode tree(RuleConfig config) {
        try {
            return MAPPER.readTree(write(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An unscoped per-call budget is written as before scopes existed, so its stored config does not
     * change; a daily budget always says how it groups.
     */
    private static void writeScope(ObjectNode node, CallScope scope, boolean alwaysGrouping) {
        if (alwaysGrouping || scope.groupBy() != CallGrouping.NONE) {
            node.put("groupBy", scope.groupBy().cliName());
        }
        if (scope.groupKey() != null) {
            node.put("groupKey", scope.groupKey());
        }
    }

    private static CallGrouping grouping(JsonNode node) {
        String text = text(node, "groupBy");
        if (text == null) {
            return CallGrouping.NONE;
        }
        return CallGrouping.parse(text).orElseThrow(() -> new RuleConfigException("'groupBy' must be one of "
                + Arrays.stream(CallGrouping.values()).map(CallGrouping::cliName).collect(Collectors.joining(", "))
                + ", not '" + text + "'"));
    }

    /** A key names a group of a grouping, so it needs one (none has the single group "all calls"). */
    private static String groupKey(JsonNode node) {
        String key = text(node, "groupKey");
        if (key != null && grouping(node) == CallGrouping.NONE) {
            throw new RuleConfigException("'groupKey' needs 'groupBy' (model, provider, prompt or route)");
        }
        return key;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String schema(JsonNode node) {
        JsonNode schema = node.get("schema");
        if (schema == null || schema.isNull()) {
            throw new RuleConfigException("'schema' is missing: give the JSON Schema the output must be valid against");
        }
        JsonNode tree = schema.isTextual() ? readSchema(schema.asText()) : schema;
        JsonSchemaCheck.compile(tree);
        return tree.toString();
    }

    private static JsonNode readSchema(String text) {
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null || !(tree.isObject() || tree.isBoolean())) {
                throw new RuleConfigException("the JSON Schema must be a JSON object (or true / false)");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new RuleConfigException("the JSON Schema is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static List<String> sources(JsonNode node, List<String> defaults) {
        if (!node.has("sources")) {
            return defaults;
        }
        List<String> sources = new ArrayList<>();
        for (String value : list(node, "sources")) {
            String upper = value.toUpperCase(Locale.ROOT);
            if (Arrays.stream(CheckSource.values()).noneMatch(source -> source.name().equals(upper))) {
                throw new RuleConfigException("'sources' holds '" + value + "'; a source is one of "
                        + Arrays.toString(CheckSource.values()));
            }
            if (!sources.contains(upper)) {
                sources.add(upper);
            }
        }
        return sources;
    }

    private static List<String> list(JsonNode node, String key) {
        JsonNode value = node.get(key);
        List<String> values = new ArrayList<>();
        if (value == null || value.isNull()) {
            return values;
        }
        if (value.isArray()) {
            value.forEach(item -> {
                if (!item.isValueNode() || item.isNull()) {
                    throw new RuleConfigException("'" + key + "' must be a list of words, not " + value);
                }
                addTrimmed(values, item.asText());
            });
        } else if (value.isTextual()) {
            Arrays.stream(value.asText().split(",")).forEach(item -> addTrimmed(values, item));
        } else {
            throw new RuleConfigException("'" + key + "' must be a list of words, not " + value);
        }
        return values;
    }

    private static void addTrimmed(List<String> values, String item) {
        String trimmed = item.trim();
        if (!trimmed.isEmpty() && !values.contains(trimmed)) {
            values.add(trimmed);
        }
    }

    private static boolean bool(JsonNode node, String key, boolean defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.asText().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new RuleConfigException("'" + key + "' must be true or false, not " + value);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().trim();
    }

    private static String requiredText(JsonNode node, String key) {
        String text = text(node, key);
        if (text == null) {
            throw new RuleConfigException("'" + key + "' is missing");
        }
        return text;
    }

    private static BigDecimal optionalNumber(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                // said below
            }
        }
        throw new RuleConfigException("'" + key + "' must be a number, not " + value);
    }

    private static Double optionalDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static Double optionalNumberAsDouble(JsonNode node, String key) {
        return optionalDouble(optionalNumber(node, key));
    }

    private static BigDecimal requiredNumber(JsonNode node, String key) {
        BigDecimal value = optionalNumber(node, key);
        if (value == null) {
            throw new RuleConfigException("'" + key + "' is missing: give a number");
        }
        return value;
    }

    private static BigDecimal positive(JsonNode node, String key) {
        BigDecimal value = requiredNumber(node, key);
        if (value.signum() <= 0) {
            throw new RuleConfigException("'" + key + "' must be above 0, not " + value.toPlainString());
        }
        return value;
    }

    private static double percent(JsonNode node) {
        BigDecimal value = requiredNumber(node, "percent");
        if (value.compareTo(new BigDecimal("0.01")) < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new RuleConfigException("'percent' must be from 0.01 to 100, not " + value.toPlainString());
        }
        return value.doubleValue();
    }
}
