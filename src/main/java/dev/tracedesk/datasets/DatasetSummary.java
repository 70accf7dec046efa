package dev.tracedesk.datasets;

import java.time.Instant;

/**
 * A dataset as a list shows it: its published versions, the newest one (null when none yet) and
 * how many items its draft holds.
 */
public record DatasetSummary(long id, String name, String description, Instant createdAt, int publishedVersions,
                             Integer latestVersion, int draftVersion, int draftItems) {
}
