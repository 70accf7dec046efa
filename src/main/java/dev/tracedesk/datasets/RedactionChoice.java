package dev.tracedesk.datasets;

import java.util.List;

import dev.tracedesk.datasets.export.RedactionRule;

/** One entry of the export dialog's redaction list: none, the built-in rules, or a saved set. */
public record RedactionChoice(String label, List<RedactionRule> rules) {

    public RedactionChoice {
        rules = List.copyOf(rules);
    }

    public static final RedactionChoice NONE = new RedactionChoice("None: export the text as it is", List.of());

    public static RedactionChoice builtIn() {
        return new RedactionChoice("Built-in: e-mail, phone, API keys and tokens, card numbers, IBANs",
                RedactionRule.builtIn());
    }

    @Override
    public String toString() {
        return label;
    }
}
