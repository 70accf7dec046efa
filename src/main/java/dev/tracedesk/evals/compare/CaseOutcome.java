package dev.tracedesk.evals.compare;

/**
 * What happened to one case between the baseline and the other run. FAIL and ERROR both count as
 * "not passing": a case that passed and now errors has regressed just as one that now fails.
 */
public enum CaseOutcome {
    REGRESSED,
    IMPROVED,
    STILL_FAILING,
    ERRORED_IN_BOTH,
    UNCHANGED,
    NEW,
    REMOVED;

    static final String PASS = "PASS";
    static final String ERROR = "ERROR";

    /** Either status may be null: the case is missing from that run. */
    static CaseOutcome of(String baselineStatus, String otherStatus) {
        if (baselineStatus == null) {
            return NEW;
        }
        if (otherStatus == null) {
            return REMOVED;
        }
        boolean passedBefore = PASS.equals(baselineStatus);
        boolean passesNow = PASS.equals(otherStatus);
        if (passedBefore && passesNow) {
            return UNCHANGED;
        }
        if (passedBefore) {
            return REGRESSED;
        }
        if (passesNow) {
            return IMPROVED;
        }
        return ERROR.equals(baselineStatus) && ERROR.equals(otherStatus) ? ERRORED_IN_BOTH : STILL_FAILING;
    }
}
