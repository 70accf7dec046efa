package dev.tracedesk.datasets.export;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A named pattern whose matches are masked as {@code [REDACTED:<name>]}. The optional check lets a
 * built-in rule leave matches alone that fail a checksum (Luhn for cards, mod 97 for IBANs).
 */
public record RedactionRule(String name, Pattern pattern, Predicate<String> check) {

    public RedactionRule {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("a redaction rule name is letters, digits, '_', '.', '-': " + name);
        }
    }

    /** A custom rule from a user's regex. */
    /** The built-in set: bearer tokens, API keys, e-mail, IBAN, card numbers, phone numbers. */
    public static java.util.List<RedactionRule> builtIn() {
        return BuiltInRules.all();
    }

    public static RedactionRule custom(String name, String regex) {
        return new RedactionRule(name, Pattern.compile(regex), s -> true);
    }
}
