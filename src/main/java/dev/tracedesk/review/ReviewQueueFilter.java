package dev.tracedesk.review;

import java.util.List;
import java.util.Set;

/** Which of a queue's items a reviewer walks through in each mode of the review desk. */
final class ReviewQueueFilter {

    private ReviewQueueFilter() {
    }

    /**
     * To do: open items this reviewer has not labeled, assigned to them or to nobody, and not
     * claimed by someone else right now. All: everything. Adjudicate: items whose reviewers disagree.
     */
    static List<ReviewItemSummary> select(List<ReviewItemSummary> items, Set<Long> labeledByMe, String me,
                                          ReviewViewModel.Mode mode) {
        return switch (mode) {
            case ALL -> items;
            case ADJUDICATE -> items.stream().filter(item -> item.state() == ItemState.DISPUTED).toList();
            case TO_DO -> items.stream()
                    .filter(item -> item.state() == ItemState.OPEN)
                    .filter(item -> !labeledByMe.contains(item.itemId()))
                    .filter(item -> item.assignee() == null || item.assignee().equals(me))
                    .filter(item -> item.claimedBy() == null || item.claimedBy().equals(me))
                    .toList();
        };
    }
}
