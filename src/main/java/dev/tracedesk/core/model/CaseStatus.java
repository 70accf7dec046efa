package dev.tracedesk.core.model;

/** The outcome of one eval case. */
public enum CaseStatus {
    PASS,
    FAIL,
    ERROR
}
