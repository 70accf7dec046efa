package dev.tracedesk.datasets.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * A named choice of redaction rules a user saves and reuses: some of the built-in rules (by name)
 * and custom regex rules. The constructor checks everything a later export would trip over — unknown
 * built-in names, clashing rule names, regexes that do not compile — so a saved set always loads.
 *
 * @param builtIn names of built-in rules ({@link #builtInNames()}); they always run in the built-in
 *                order, whatever order they are listed in, because that order matters (keys before
 *                digits, cards before phone numbers)
 * @param custom  custom rules, run after the built-in ones in the order given
 */
public record RedactionSet(String name, List<String> builtIn, List<CustomRule> custom) {

    /** The names that mean something to {@code --redact} already and so cannot name a saved set. */
    public static final Set<String> RESERVED_NAMES = Set.of("none", "default");

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,99}";

    /**
     * A user's regex rule.
     *
     * @param replacement literal text for a match; null or empty for {@code [REDACTED:<name>]}
     */
    public record CustomRule(String name, String pattern, String replacement) {
        public CustomRule {
            replacement = replacement == null || replacement.isEmpty() ? null : replacement;
        }
    }

    public RedactionSet {
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("\"" + name + "\" cannot name a redaction set: a letter or digit first, "
                    + "then letters, digits, _ . or - (at most 100).");
        }
        if (RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("\"" + name + "\" already means something to --redact; choose another "
                    + "name for the set.");
        }
        builtIn = builtIn == null ? List.of() : List.copyOf(builtIn);
        custom = custom == null ? List.of() : List.copyOf(custom);
        Set<String> seen = new HashSet<>();
        for (String ruleName : builtIn) {
            if (!builtInNames().contains(ruleName)) {
                throw new IllegalArgumentException("There is no built-in redaction rule \"" + ruleName + "\" (there are "
                        + String.join(", ", builtInNames()) + ").");
            }
            if (!seen.add(ruleName)) {
                throw new IllegalArgumentException("The built-in rule \"" + ruleName + "\" is listed twice.");
            }
        }
        for (CustomRule rule : custom) {
            checkCustom(rule, seen);
        }
        if (builtIn.isEmpty() && custom.isEmpty()) {
            throw new IllegalArgumentException("The redaction set \"" + name + "\" has no rules; choose built-in rules, "
                    + "add a custom rule, or export with --redact none.");
        }
    }

    private static void checkCustom(CustomRule rule, Set<String> seen) {
        if (rule == null || rule.name() == null || !rule.name().matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("A custom rule needs a name of letters, digits, _ . or -"
                    + (rule == null || rule.name() == null ? "." : ", not \"" + rule.name() + "\"."));
        }
        if (!seen.add(rule.name())) {
            throw new IllegalArgumentException("Two rules are named \"" + rule.name() + "\"; masks and counts are "
                    + "reported by rule name, so each needs its own.");
        }
        if (rule.pattern() == null || rule.pattern().isEmpty()) {
            throw new IllegalArgumentException("The rule \"" + rule.name() + "\" has no pattern.");
        }
        try {
            RedactionRule.custom(rule.name(), rule.pattern(), rule.replacement());
        } catch (PatternSyntaxException bad) {
            throw new IllegalArgumentException("The rule \"" + rule.name() + "\" has a pattern that is not a valid "
                    + "regular expression: " + bad.getDescription() + " near index " + bad.getIndex() + " of "
                    + rule.pattern());
        }
    }

    /** The built-in rules' names, in the order they run. */
    public static List<String> builtInNames() {
        return BuiltInRules.all().stream().map(RedactionRule::name).toList();
    }

    /** The rules an export runs: the chosen built-in rules in built-in order, then the custom rules. */
    public List<RedactionRule> rules() {
        List<RedactionRule> rules = new ArrayList<>();
        BuiltInRules.all().stream().filter(rule -> builtIn.contains(rule.name())).forEach(rules::add);
        custom.forEach(rule -> rules.add(RedactionRule.custom(rule.name(), rule.pattern(), rule.replacement())));
        return rules;
    }
}
