package dev.tracedesk.evals;

/** Which run an id names: enough to tell runs of different tools with the same external id apart. */
public record EvalRunRef(long id, String runId, String tool, String name) {
}
