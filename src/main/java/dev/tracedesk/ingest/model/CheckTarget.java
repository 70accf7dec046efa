package dev.tracedesk.ingest.model;

/** The span a free-standing check belongs to, by the source's ids; spanId null means the root. */
public record CheckTarget(String traceId, String spanId) {
}
