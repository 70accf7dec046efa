package dev.tracedesk.review.rules;

/**
 * What one enabled rule did in one application: how many targets it matched (LLM calls and eval
 * cases), or why it could not be applied ({@code error} non-null, e.g. an invalid schema).
 */
public record RuleOutcome(long ruleId, String rule, String type, int matched, String error) {

    public boolean failed() {
        return error != null;
    }
}
