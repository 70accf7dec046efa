package dev.tracedesk.evals.compare;

/**
 * An assertion of the same case that passed on one side and not on the other, with both sides'
 * reasons ("Assertion passed" / "Expected output … to equal "Paris""). {@code value} is the
 * assertion's value as checked; a missing side's pass and reason are null.
 */
public record FlippedAssertion(String type, String value, Boolean baselinePass, String baselineReason,
                               Boolean otherPass, String otherReason) {
}
