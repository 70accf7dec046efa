package dev.tracedesk.datasets.export;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A named pattern whose matches are masked as {@code [REDACTED:<name>]}, or as a custom rule's own
 * replacement text. The optional check lets a built-in rule leave matches alone that fail a checksum
 * (Luhn for cards, mod 97 for IBANs).
 *
 * @param replacement literal text put in place of a match; null for {@code [REDACTED:<name>]}. It is
 *                    taken literally ({@code $1} is not a group reference) so a saved set cannot
 *                    copy the secret it matched back into the export.
 */
public record RedactionRule(String name, Pattern pattern, Predicate<String> check, String replacement) {

    public RedactionRule {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("a redaction rule name is letters, digits, '_', '.', '-': " + name);
        }
    }

    public RedactionRule(String name, Pattern pattern, Predicate<String> check) {
        this(name, pattern, check, null);
    }

    /** The built-in set: bearer tokens, API keys, e-mail, IBAN, card numbers, phone numbers. */
    public static java.util.List<RedactionRule> builtIn() {
        return BuiltInRules.all();
    }

    /**
     * A custom rule from a user's regex, masked as {@code [REDACTED:<name>]}.
     *
     * @throws java.util.regex.PatternSyntaxException when the regex does not compile
     */
    public static RedactionRule custom(String name, String regex) {
        return custom(name, regex, null);
    }

    /** A custom rule from a user's regex with its own replacement text (null or empty: the default mask). */
    public static RedactionRule custom(String name, String regex, String replacement) {
        return new RedactionRule(name, Pattern.compile(regex), s -> true,
                replacement == null || replacement.isEmpty() ? null : replacement);
    }

    /** What a match becomes. */
    public String mask() {
        return replacement != null ? replacement : "[REDACTED:" + name + "]";
    }
}
