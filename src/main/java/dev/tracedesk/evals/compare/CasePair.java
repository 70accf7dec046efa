package dev.tracedesk.evals.compare;

import java.util.List;

import dev.tracedesk.review.TextDiff;

/**
 * The same case (case key and provider) in the baseline and in the other run. One side is null
 * for a NEW (baseline missing) or REMOVED (other missing) case.
 */
public record CasePair(String caseKey, String provider, CaseOutcome outcome, ComparedCase baseline,
                       ComparedCase other, List<FlippedAssertion> flippedAssertions) {

    public CasePair {
        flippedAssertions = List.copyOf(flippedAssertions);
    }

    /** The side that exists, the newer one first: its description and variables name the case. */
    public ComparedCase either() {
        return other != null ? other : baseline;
    }

    public String description() {
        ComparedCase side = either();
        return side.description() != null ? side.description() : baseline != null ? baseline.description() : null;
    }

    public String varsJson() {
        return either().varsJson();
    }

    /** The two outputs side by side as a word diff (an error's message stands in for a missing output). */
    public List<TextDiff.Run> outputDiff() {
        return TextDiff.of(baseline == null ? null : shown(baseline), other == null ? null : shown(other));
    }

    private static String shown(ComparedCase side) {
        return side.output() != null ? side.output() : side.errorMessage();
    }
}
