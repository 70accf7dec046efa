package dev.tracedesk.datasets;

import java.time.Instant;
import java.util.List;

/** One version of a dataset: the DRAFT where edits go, or an immutable PUBLISHED snapshot with its hash. */
public record DatasetVersion(long id, long datasetId, String dataset, int number, State state, String contentHash,
                             Instant publishedAt, String publishedBy, List<String> tags, int items) {

    public enum State {
        DRAFT,
        PUBLISHED
    }

    public DatasetVersion {
        tags = List.copyOf(tags);
    }

    public boolean isDraft() {
        return state == State.DRAFT;
    }

    /** {@code name@3}, or {@code name@draft}. */
    public String label() {
        return dataset + "@" + (isDraft() ? "draft" : Integer.toString(number));
    }
}
