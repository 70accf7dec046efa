package dev.tracedesk.evals.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tracedesk.evals.compare.BlameItem.Aspect;

/**
 * What differs between the passing and the failing side of a regressed case ({@link RegressionBlame}):
 * every compared aspect, changed or not, in a fixed order, with the facts each side was read from.
 */
public record Blame(CasePair pair, CallFacts baseline, CallFacts other, List<BlameItem> items) {

    public Blame {
        items = List.copyOf(items);
    }

    public Optional<BlameItem> item(Aspect aspect) {
        return items.stream().filter(item -> item.aspect() == aspect).findFirst();
    }

    public List<BlameItem> changed() {
        return items.stream().filter(BlameItem::changed).toList();
    }

    /**
     * One line for the CLI: the prompt and the model always, then parameters and documents when
     * they changed — "prompt capital-v1 → capital-v2; model same".
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        BlameItem template = item(Aspect.PROMPT_TEMPLATE).orElseThrow();
        boolean textChanged = item(Aspect.PROMPT_TEXT).map(BlameItem::changed).orElse(false)
                || item(Aspect.TEMPLATE_TEXT).map(BlameItem::changed).orElse(false);
        if (template.changed()) {
            parts.add("prompt " + orUnknown(template.baseline()) + " → " + orUnknown(template.other()));
        } else {
            parts.add(textChanged ? "prompt text changed" : "prompt same");
        }
        BlameItem model = item(Aspect.MODEL).orElseThrow();
        parts.add(model.changed() ? "model " + orUnknown(model.baseline()) + " → " + orUnknown(model.other()) : "model same");
        item(Aspect.PARAMETERS).filter(BlameItem::changed)
                .ifPresent(parameters -> parts.add("parameters " + parameters.baseline() + " → " + parameters.other()));
        item(Aspect.DOCUMENTS).filter(BlameItem::changed)
                .ifPresent(documents -> parts.add("documents " + documents.documents().describe()));
        return String.join("; ", parts);
    }

    private static String orUnknown(String value) {
        return value == null ? "(none)" : value;
    }
}
