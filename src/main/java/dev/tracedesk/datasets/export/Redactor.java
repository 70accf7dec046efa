package dev.tracedesk.datasets.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Masks secrets and personal data in exported text, counting masks per rule. Applied at export only:
 * the workspace is never changed. Not thread-safe (it counts); use one per export.
 *
 * <p>Custom regexes can backtrack catastrophically, so input is bounded and every match runs against a
 * deadline (2 s per rule and text); a rule that overruns fails the export rather than leaking text unmasked.
 */
public final class Redactor {

    public static final int MAX_TEXT_CHARS = 1_000_000;
    static final long MATCH_BUDGET_MILLIS = 2_000;

    private final List<RedactionRule> rules;
    private final long budgetNanos;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    public Redactor(List<RedactionRule> rules) {
        this(rules, MATCH_BUDGET_MILLIS);
    }

    Redactor(List<RedactionRule> rules, long budgetMillis) {
        this.rules = List.copyOf(rules);
        this.budgetNanos = budgetMillis * 1_000_000;
        rules.forEach(r -> counts.put(r.name(), 0));
    }

    /** No rules: text passes unchanged. */
    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** The built-in set: bearer tokens, API keys, e-mail, IBAN, card numbers, phone numbers. */
    public static Redactor defaults() {
        return new Redactor(BuiltInRules.all());
    }

    /** The built-in set followed by custom rules. */
    public static Redactor defaultsPlus(List<RedactionRule> custom) {
        List<RedactionRule> all = new ArrayList<>(BuiltInRules.all());
        all.addAll(custom);
        return new Redactor(all);
    }

    public List<String> ruleNames() {
        return rules.stream().map(RedactionRule::name).toList();
    }

    /** Masks per rule so far, sorted by rule name. */
    public Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    public String redact(String text) {
        if (text == null || rules.isEmpty()) {
            return text;
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new RedactionException("a text of " + text.length() + " characters is over the redaction limit of "
                    + MAX_TEXT_CHARS);
        }
        String current = text;
        for (RedactionRule rule : rules) {
            current = apply(rule, current);
        }
        return current;
    }

    private String apply(RedactionRule rule, String text) {
        DeadlineCharSequence input = new DeadlineCharSequence(text, System.nanoTime() + budgetNanos, rule.name());
        Matcher m = rule.pattern().matcher(input);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        int masked = 0;
        while (m.find()) {
            if (m.end() == m.start() || !rule.check().test(m.group())) {
                continue;
            }
            out.append(text, last, m.start()).append(rule.mask());
            last = m.end();
            masked++;
        }
        if (masked == 0) {
            return text;
        }
        counts.merge(rule.name(), masked, Integer::sum);
        return out.append(text, last, text.length()).toString();
    }

    /** Thrown when a text cannot be redacted safely; the export stops. */
    public static final class RedactionException extends RuntimeException {
        RedactionException(String message) {
            super(message);
        }
    }

    /** Lets a regex notice it has run out of time: the matcher reads every character through here. */
    private record DeadlineCharSequence(CharSequence text, long deadlineNanos, String rule) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (System.nanoTime() > deadlineNanos) {
                throw new RedactionException("redaction rule '" + rule + "' took too long; simplify its pattern");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new DeadlineCharSequence(text.subSequence(start, end), deadlineNanos, rule);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
