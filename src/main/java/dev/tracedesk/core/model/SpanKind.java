package dev.tracedesk.core.model;

/** The kinds of span the canonical store knows; the order is the order they are listed in. */
public enum SpanKind {
    LLM,
    RETRIEVER,
    EMBEDDING,
    TOOL,
    CHAIN,
    AGENT,
    GUARDRAIL,
    EVALUATOR,
    OTHER
}
