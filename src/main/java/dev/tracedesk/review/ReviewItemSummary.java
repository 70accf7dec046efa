package dev.tracedesk.review;

import java.time.Instant;
import java.util.List;

/**
 * A review item as a list shows it: what it points at (for a span, its trace and span ids; for an
 * eval case, its run and case key), why it was flagged, and where it stands.
 */
public record ReviewItemSummary(long itemId, long queueId, String queue, TargetKind targetKind, long targetId,
                                String traceId, String spanId, String runId, String caseKey, String title,
                                List<FlagReason> reasons, ItemState state, String assignee, String claimedBy,
                                Instant createdAt) {

    public ReviewItemSummary {
        reasons = List.copyOf(reasons);
    }

    /** The reasons in one line, for a table cell or a CLI row. */
    public String reasonsText() {
        return String.join("; ", reasons.stream().map(FlagReason::describe).toList());
    }
}
