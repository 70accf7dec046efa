package dev.tracedesk.review;

import java.util.List;

import dev.tracedesk.review.log.LabelEntry;

/** One item on the review screen: what it is, its evidence, its queue's settings and label schema, and its label history. */
public record ReviewItemDetail(ReviewItemSummary item, ReviewEvidence evidence, int labelsPerItem, boolean blind,
                               LabelSchema schema, List<LabelEntry> history) {

    public ReviewItemDetail {
        history = List.copyOf(history);
    }
}
