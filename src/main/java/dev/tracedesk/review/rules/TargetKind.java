package dev.tracedesk.review.rules;

/** What a review item points at ({@code review_item.target_kind}): an LLM call or an eval case. */
public enum TargetKind {
    SPAN,
    EVAL_CASE
}
