package dev.tracedesk.core.model;

/** A span's or trace's outcome, as OTLP defines it (UNSET means the producer said nothing). */
public enum SpanStatus {
    UNSET,
    OK,
    ERROR
}
