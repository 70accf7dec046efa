package dev.tracedesk.review.log;

/**
 * What a log entry does. The log is append-only, so taking a label back is itself an entry
 * (RETRACT, naming the label it retracts), and an adjudicator's final word on a disputed item is
 * an ADJUDICATE entry that settles it whatever the other labels say.
 */
public enum LabelAction {
    LABEL,
    RETRACT,
    ADJUDICATE
}
