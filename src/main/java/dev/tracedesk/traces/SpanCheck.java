package dev.tracedesk.traces;

/** A guardrail result, automated score or annotation on a span. */
public record SpanCheck(String name, String source, String label, Double value, Boolean passed, String explanation) {
}
