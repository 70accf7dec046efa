package dev.tracedesk.traces;

import java.util.Optional;

import dev.tracedesk.grounding.GroundingResult;

/**
 * The groundedness hint of one LLM call as the trace view shows it (decision 0011): the output text
 * the sentence offsets index — not always the span's output text, see {@link SpanGrounding#outputText} —
 * and the hint itself. Computed off the FX thread when the trace is read.
 */
public record SpanHint(String output, GroundingResult result) {

    /** The hint of an LLM call with output and retrieved context; empty for any other span. */
    public static Optional<SpanHint> of(TraceDetail trace, SpanDetail span) {
        return SpanGrounding.of(trace, span).map(result -> new SpanHint(SpanGrounding.outputText(span), result));
    }

    /** One line above the marked output, so the reviewer knows at a glance whether to read on. */
    public String summary() {
        int total = result.sentences().size();
        int flagged = result.flagged().size();
        if (total == 0) {
            return "The output has no sentence with content words to compare.";
        }
        if (flagged == 0) {
            return total == 1 ? "The sentence finds its words in the retrieved context."
                    : "All " + total + " sentences find their words in the retrieved context.";
        }
        return flagged + " of " + total + (total == 1 ? " sentence " : " sentences ") + (flagged == 1 ? "has" : "have")
                + " little support in the retrieved context";
    }
}
