package dev.tracedesk.datasets.export;

/** The dataset version an export was made from; recorded in the manifest. */
public record ExportSource(String dataset, int version, String contentHash) {

    /** What the store passes as the hash of a draft, which has none yet. */
    public static final String DRAFT_HASH = "draft";

    /** A draft's items may still change, so an export of one names no version to link back to. */
    public boolean isDraft() {
        return contentHash == null || contentHash.equals(DRAFT_HASH);
    }
}
