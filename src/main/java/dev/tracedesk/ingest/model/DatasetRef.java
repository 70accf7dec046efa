package dev.tracedesk.ingest.model;

/**
 * The dataset version a source says an eval case was made from (a promptfoo test exported by
 * Tracedesk carries one in its metadata). Any part may be null; the writer links the run to the version
 * only when one in the workspace matches (see {@code DatasetVersionLinks}).
 */
public record DatasetRef(String dataset, Integer version, String contentHash) {
}
