package dev.tracedesk.datasets.export;

/** The dataset version an export was made from; recorded in the manifest. */
public record ExportSource(String dataset, int version, String contentHash) {
}
