package dev.tracedesk.datasets;

import java.util.List;

import dev.tracedesk.datasets.export.RedactionRule;

/** One entry of the export dialog's redaction list: none, the built-in rules, or a set saved in the workspace. */
public record RedactionChoice(String label, RedactionSets.Choice choice) {

    public static final RedactionChoice NONE = new RedactionChoice("None: export the text as it is",
            new RedactionSets.Choice("none", List.of()));

    public static RedactionChoice builtIn() {
        return new RedactionChoice("Built-in: e-mail, phone, API keys and tokens, card numbers, IBANs",
                new RedactionSets.Choice("default", RedactionRule.builtIn()));
    }

    public static RedactionChoice saved(RedactionSets.Choice set) {
        return new RedactionChoice("Saved set: " + set.name() + " (" + set.rules().size()
                + (set.rules().size() == 1 ? " rule)" : " rules)"), set);
    }

    public List<RedactionRule> rules() {
        return choice.rules();
    }

    @Override
    public String toString() {
        return label;
    }
}
