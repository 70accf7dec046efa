package dev.tracedesk.datasets;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A version's items marked against the published version before it (a draft: the newest published). */
record VersionItems(List<ItemRow> rows, String comparison) {

    /** @param versions every version of the dataset, in any order */
    static VersionItems read(Datasets datasets, DatasetVersion version, List<DatasetVersion> versions) {
        DatasetVersion before = versions.stream()
                .filter(v -> !v.isDraft() && v.number() < version.number())
                .max(java.util.Comparator.comparingInt(DatasetVersion::number)).orElse(null);
        List<DatasetItem> items = datasets.items(version);
        if (before == null) {
            return new VersionItems(items.stream().map(item -> ItemRow.of(item, ItemRow.Change.SAME)).toList(),
                    version.isDraft() ? "Nothing published yet: this draft becomes v" + version.number() + "."
                            : "The first version.");
        }
        DatasetDiff diff = datasets.diff(before.label(), version.label());
        Set<String> added = new HashSet<>(diff.added());
        Set<String> changed = new HashSet<>(diff.changed());
        List<ItemRow> rows = items.stream().map(item -> ItemRow.of(item, added.contains(item.itemKey())
                ? ItemRow.Change.ADDED : changed.contains(item.itemKey()) ? ItemRow.Change.CHANGED : ItemRow.Change.SAME))
                .toList();
        String comparison = diff.isEmpty() ? "Same items as v" + before.number() + "."
                : "Compared with v" + before.number() + ": " + diff.added().size() + " added, " + diff.changed().size()
                        + " changed, " + diff.removed().size() + " removed.";
        return new VersionItems(rows, comparison);
    }
}
