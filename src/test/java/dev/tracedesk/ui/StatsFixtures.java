package dev.tracedesk.ui;

import java.util.Map;

import dev.tracedesk.stats.WorkspaceStats;

/** Workspace counts for view-model tests, without a database. */
public final class StatsFixtures {

    private StatsFixtures() {
    }

    public static WorkspaceStats empty() {
        return new WorkspaceStats(0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0);
    }

    public static WorkspaceStats withTracesAndReviewItems(long traces, long reviewItems) {
        return new WorkspaceStats(traces, 0, Map.of(), 0, 0, reviewItems, 0, 0, 0, 0);
    }
}
