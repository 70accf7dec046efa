package dev.tracedesk.traces;

import java.util.Locale;

/**
 * What the Traces table's Verdict column says of a call or trace. PASS, FAIL and UNSURE are the
 * verdicts that stand (an adjudication's, or the one the reviewers agreed on); DISPUTED is an item
 * whose reviewers disagree and wait for an adjudicator; OPEN is an item labeled but not settled yet
 * (fewer labels than its queue asks for). Never labeled = no verdict at all (null), not a constant.
 *
 * <p>Declared mildest first. Where several review items speak of one row (a call in two queues, a
 * trace with several calls or an eval case), the row shows the worst: fail, then disputed (some
 * reviewer did not pass it), then unsure, then open (not settled), then pass — so "pass" means every
 * labeled item of the row settled as a pass.
 */
public enum ReviewVerdict {
    PASS,
    OPEN,
    UNSURE,
    DISPUTED,
    FAIL;

    /** "fail", "disputed": how the table and the CLI's JSON write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of the two; null counts as no verdict. */
    static ReviewVerdict worse(ReviewVerdict a, ReviewVerdict b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
