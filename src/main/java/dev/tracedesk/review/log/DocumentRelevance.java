package dev.tracedesk.review.log;

/** A reviewer's view of one retrieved document: did the output need it, and did it hold what was needed. */
public enum DocumentRelevance {
    RELEVANT,
    IRRELEVANT,
    MISSING_INFORMATION
}
