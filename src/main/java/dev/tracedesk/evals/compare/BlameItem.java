package dev.tracedesk.evals.compare;

import java.util.List;

import dev.tracedesk.review.TextDiff;

/**
 * One thing blame compares, as text on each side (null when that side does not know it), whether
 * it changed, and for texts a word diff ({@code diff}, empty otherwise); for documents what was
 * added, removed and re-ranked ({@code documents}, null otherwise).
 */
public record BlameItem(Aspect aspect, String baseline, String other, boolean changed, List<TextDiff.Run> diff,
                        DocumentChanges documents) {

    public enum Aspect {
        PROMPT_TEMPLATE("prompt"),
        TEMPLATE_TEXT("template text"),
        PROMPT_TEXT("prompt text"),
        MODEL("model"),
        PARAMETERS("parameters"),
        DOCUMENTS("documents"),
        TOKENS("tokens"),
        LATENCY("latency"),
        COST("cost"),
        OUTPUT("output");

        private final String label;

        Aspect(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public BlameItem {
        diff = List.copyOf(diff);
    }
}
