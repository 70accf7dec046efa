package dev.tracedesk.review;

import java.util.Map;

/**
 * A queue as the Review section lists it: its settings, its progress (done of total, disputed
 * waiting for adjudication), how many items each reviewer has labeled, and their agreement.
 */
public record QueueSummary(long id, String name, String description, QueueDefinition definition, int labelsPerItem,
                           boolean blind, int total, int done, int disputed, Map<String, Integer> labeledByReviewer,
                           Agreement agreement) {

    public QueueSummary {
        labeledByReviewer = Map.copyOf(labeledByReviewer);
    }

    public int open() {
        return total - done - disputed;
    }

    /** Done as a share of all items, 0 for an empty queue. */
    public double progress() {
        return total == 0 ? 0 : (double) done / total;
    }
}
