package dev.tracedesk.datasets;

import java.util.List;

/**
 * What publishing a dataset's draft would make: the next version number, how many items, and what
 * changed since the newest published version (none when nothing is published yet).
 */
public record PublishPreview(String dataset, int nextVersion, int draftItems, DatasetDiff sinceLatest,
                             List<String> existingTags) {

    public PublishPreview {
        existingTags = List.copyOf(existingTags);
    }

    /** Reads it; call off the UI thread. */
    public static PublishPreview of(Datasets datasets, String name) {
        List<DatasetVersion> versions = datasets.versions(name);
        DatasetVersion draft = versions.stream().filter(DatasetVersion::isDraft).findFirst()
                .orElseThrow(() -> new DatasetException(name + " has no draft."));
        DatasetVersion latest = versions.stream().filter(v -> !v.isDraft()).reduce((a, b) -> b).orElse(null);
        DatasetDiff diff = latest == null ? null : datasets.diff(latest.label(), draft.label());
        List<String> tags = versions.stream().flatMap(v -> v.tags().stream()).sorted().toList();
        return new PublishPreview(name, draft.number(), draft.items(), diff, tags);
    }

    /** "12 items; since v1: 3 added, 1 changed, 0 removed." */
    public String describe() {
        String items = draftItems + (draftItems == 1 ? " item" : " items");
        if (sinceLatest == null) {
            return items + "; the first version of " + dataset + ".";
        }
        return items + "; since v" + sinceLatest.from().number() + ": " + sinceLatest.added().size() + " added, "
                + sinceLatest.changed().size() + " changed, " + sinceLatest.removed().size() + " removed.";
    }

    /** The status line's sentence once it is published. */
    public static String published(DatasetVersion version) {
        String hash = version.contentHash() == null ? "" : version.contentHash().substring(0, 12);
        return "Published " + version.label() + ": " + version.items() + " items, content hash " + hash + "…"
                + (version.tags().isEmpty() ? "" : ", tagged " + String.join(", ", version.tags())) + ".";
    }
}
