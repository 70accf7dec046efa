package dev.tracedesk.review.rules;

/** One target a rule fired on, and what it found there in words ("latency 12.4 s over the 10 s budget"). */
record RuleMatch(TargetKind kind, long targetId, String detail) {
}
