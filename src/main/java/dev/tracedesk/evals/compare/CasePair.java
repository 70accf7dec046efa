package dev.tracedesk.evals.compare;

import java.util.List;

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
}
