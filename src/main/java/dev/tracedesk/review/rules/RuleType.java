package dev.tracedesk.review.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of flag rule, as stored in {@code flag_rule.rule_type}; each has its own config (decision 0012). */
public enum RuleType {
    EVAL_CASE_FAILED("Eval case failed", List.of(RuleField.INCLUDE_ERRORED)),
    CHECK_FAILED("Check failed", List.of(RuleField.SOURCES, RuleField.CHECK_NAME)),
    SCORE_BELOW("Score below threshold", List.of(RuleField.SCORE_NAME, RuleField.THRESHOLD, RuleField.SOURCES)),
    JSON_SCHEMA("Output not valid against a JSON Schema", List.of(RuleField.PROMPT_TEMPLATE, RuleField.SCHEMA)),
    LATENCY_ABOVE("Latency above a budget", List.of(RuleField.BUDGET_MS)),
    COST_ABOVE("Cost above a budget", List.of(RuleField.BUDGET_USD)),
    NEGATIVE_FEEDBACK("Negative feedback", List.of(RuleField.SOURCES, RuleField.SCORE_BELOW, RuleField.LABELS)),
    SPOT_CHECK("Random spot check", List.of(RuleField.PERCENT));

    private final String label;
    private final List<RuleField> fields;

    RuleType(String label, List<RuleField> fields) {
        this.label = label;
        this.fields = fields;
    }

    /** In words, for the rules dialog. */
    public String label() {
        return label;
    }

    /** The config fields the rules dialog shows for this type, in order. */
    public List<RuleField> fields() {
        return fields;
    }

    /** Case-insensitive; empty for a type this build does not know. */
    public static Optional<RuleType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(type -> type.name().equals(wanted)).findFirst();
    }
}
