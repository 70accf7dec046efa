package dev.tracedesk.core.model;

/** Where a check came from: a guardrail, an automated evaluation, a human annotation, user feedback. */
public enum CheckSource {
    GUARDRAIL,
    EVALUATION,
    ANNOTATION,
    FEEDBACK
}
