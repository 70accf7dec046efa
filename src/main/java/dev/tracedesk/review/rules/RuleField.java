package dev.tracedesk.review.rules;

/** One editable setting of a rule's config, as the rules dialog shows it (see {@link RuleDraft}). */
public enum RuleField {
    INCLUDE_ERRORED("includeErrored", "Errored cases too", "Flag cases that errored as well as cases that failed."),
    SOURCES("sources", "Sources", "Check sources, comma-separated: GUARDRAIL, EVALUATION, ANNOTATION, FEEDBACK. Empty: any."),
    CHECK_NAME("checkName", "Check name", "Only checks of this name. Empty: any check."),
    SCORE_NAME("score", "Score name", "The check or score to look at, e.g. confidence."),
    THRESHOLD("threshold", "Threshold", "Flag when the score is below this number."),
    SCORE_BELOW("scoreBelow", "Negative below", "A score below this number is negative feedback. Empty: scores are not looked at."),
    LABELS("labels", "Negative labels", "Labels that mean negative, comma-separated (case does not matter)."),
    PROMPT_TEMPLATE("promptTemplate", "Prompt template", "The prompt template name (an eval case's prompt label) whose outputs are checked."),
    SCHEMA("schema", "JSON Schema", "The schema the output must be valid against (JSON, draft 2020-12 unless $schema says otherwise)."),
    BUDGET_MS("budgetMs", "Budget (ms)", "The latency budget in milliseconds: of each call and case, or of a day's p95."),
    BUDGET_USD("budgetUsd", "Budget (USD)", "The cost budget in US dollars: of each call and case, or of a day's calls."),
    GROUP_BY("groupBy", "Group by", "model, provider, prompt, route or none. Daily budgets are counted per group."),
    GROUP_KEY("groupKey", "Group", "Only this group's LLM calls, e.g. gpt-4o. Empty: every call (daily: each group)."),
    PERCENT("percent", "Sample (%)", "The share of otherwise unflagged LLM calls to sample, 0.01 to 100.");

    private final String jsonKey;
    private final String label;
    private final String help;

    RuleField(String jsonKey, String label, String help) {
        this.jsonKey = jsonKey;
        this.label = label;
        this.help = help;
    }

    /** The key of this setting in the rule's config JSON. */
    public String jsonKey() {
        return jsonKey;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }
}
