package dev.tracedesk.datasets;

import java.util.List;

/** What changed from one version to another, by item key (each list sorted). */
public record DatasetDiff(DatasetVersion from, DatasetVersion to, List<String> added, List<String> removed,
                          List<String> changed) {

    public DatasetDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
