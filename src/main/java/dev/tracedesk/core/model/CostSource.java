package dev.tracedesk.core.model;

/** Whether a cost came from the source file or was estimated from the price table. */
public enum CostSource {
    REPORTED,
    ESTIMATED
}
