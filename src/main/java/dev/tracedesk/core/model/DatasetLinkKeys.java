package dev.tracedesk.core.model;

/**
 * The metadata keys a promptfoo export puts on every test, and the promptfoo import reads back from
 * each result's {@code testCase.metadata}, so an eval run of an exported dataset comes back linked to
 * that dataset version and its cases to their items (decision 0017). They live here because both the
 * exporter ({@code datasets}) and the importer ({@code ingest}) need them and neither may depend on the
 * other. Flat string-friendly keys so {@code promptfoo eval --filter-metadata tracedeskDataset=golden}
 * works; the CSV writes them as {@code __metadata:KEY} columns, which promptfoo reads as strings.
 */
public final class DatasetLinkKeys {

    /** The dataset's name. */
    public static final String DATASET = "tracedeskDataset";
    /** The published version's number (a number in YAML, a string from CSV). */
    public static final String VERSION = "tracedeskDatasetVersion";
    /** The published version's content hash, as {@link #HASH_PREFIX} + hex; absent for a draft export. */
    public static final String CONTENT_HASH = "tracedeskContentHash";
    /**
     * Written before the hash because promptfoo 0.121.20 replaces any metadata string of 64 or more
     * {@code [A-Za-z0-9+/=_-]} characters — a bare SHA-256 in hex — with {@code [REDACTED]} in its
     * results, taking it for a secret ({@code looksLikeSecret}); the colon keeps it out of that pattern.
     */
    public static final String HASH_PREFIX = "sha256:";
    /** The item's key, stable across versions. */
    public static final String ITEM_KEY = "tracedeskItemKey";

    private DatasetLinkKeys() {
    }
}
