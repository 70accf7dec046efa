package dev.tracedesk.review;

/** What a review item points at: an LLM call (a span) or an eval case. */
public enum TargetKind {
    SPAN,
    EVAL_CASE
}
