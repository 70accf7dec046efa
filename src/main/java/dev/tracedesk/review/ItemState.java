package dev.tracedesk.review;

/**
 * Where a review item stands. OPEN until it has as many labels as its queue asks for; then DONE
 * when the reviewers agree on the verdict, DISPUTED (waiting for an adjudicator) when they don't.
 * An adjudication settles it as DONE.
 */
public enum ItemState {
    OPEN,
    DONE,
    DISPUTED
}
