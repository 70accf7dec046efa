package dev.tracedesk.review.rules;

/** One editable setting of a rule's config, as the rules dialog shows it (see {@link RuleDraft}). */
public enum RuleField {
    INCLUDE_ERRORED("Errored cases too", "Flag cases that errored as well as cases that failed."),
    SOURCES("Sources", "Check sources, comma-separated: GUARDRAIL, EVALUATION, ANNOTATION, FEEDBACK. Empty: any."),
    CHECK_NAME("Check name", "Only checks of this name. Empty: any check."),
    SCORE_NAME("Score name", "The check or score to look at, e.g. confidence."),
    THRESHOLD("Threshold", "Flag when the score is below this number."),
    SCORE_BELOW("Negative below", "A score below this number is negative feedback. Empty: scores are not looked at."),
    LABELS("Negative labels", "Labels that mean negative, comma-separated (case does not matter)."),
    PROMPT_TEMPLATE("Prompt template", "The prompt template name (an eval case's prompt label) whose outputs are checked."),
    SCHEMA("JSON Schema", "The schema the output must be valid against (JSON, draft 2020-12 unless $schema says otherwise)."),
    BUDGET_MS("Budget (ms)", "Flag calls and cases that took longer than this many milliseconds."),
    BUDGET_USD("Budget (USD)", "Flag calls and cases that cost more than this many US dollars."),
    PERCENT("Sample (%)", "The share of otherwise unflagged LLM calls to sample, 0.01 to 100.");

    private final String label;
    private final String help;

    RuleField(String label, String help) {
        this.label = label;
        this.help = help;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }
}
