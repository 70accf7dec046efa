package dev.tracedesk.review.rules;

/**
 * One {@code flag_rule} row. The config stays as stored so that a rule this build cannot read
 * (an unknown type, a broken config) is still listed, edited or deleted; {@link #config()} reads it.
 */
public record FlagRule(long id, String name, String ruleType, String configJson, boolean enabled) {

    /** @throws RuleConfigException when the type is unknown or the config cannot be used; the message names the rule */
    public RuleConfig config() {
        RuleType type = RuleType.parse(ruleType).orElseThrow(() -> new RuleConfigException(
                "Rule '" + name + "': this build does not know the rule type '" + ruleType + "'"));
        try {
            return RuleConfigJson.parse(type, configJson);
        } catch (RuleConfigException e) {
            throw new RuleConfigException("Rule '" + name + "' (" + type + "): " + e.getMessage(), e);
        }
    }

    /** The one-line summary, or why the config cannot be read. */
    public String summary() {
        try {
            return config().summary();
        } catch (RuleConfigException e) {
            return "cannot be applied: " + e.getMessage();
        }
    }
}
