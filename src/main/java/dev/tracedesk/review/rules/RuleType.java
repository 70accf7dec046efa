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
    LATENCY_ABOVE("Latency above a budget", List.of(RuleField.BUDGET_MS, RuleField.GROUP_BY, RuleField.GROUP_KEY)),
    COST_ABOVE("Cost above a budget", List.of(RuleField.BUDGET_USD, RuleField.GROUP_BY, RuleField.GROUP_KEY)),
    P95_LATENCY_ABOVE("Daily p95 latency above a budget", List.of(RuleField.BUDGET_MS, RuleField.GROUP_BY, RuleField.GROUP_KEY)),
    DAILY_COST_ABOVE("Daily cost above a budget", List.of(RuleField.BUDGET_USD, RuleField.GROUP_BY, RuleField.GROUP_KEY)),
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

    /** The budget rules (decision 0022): what the Insights dashboard lists with {@link BudgetBreaches}. */
    public boolean isBudget() {
        return this == LATENCY_ABOVE || this == COST_ABOVE || this == P95_LATENCY_ABOVE || this == DAILY_COST_ABOVE;
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
