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
     * The item on screen ({@code onScreen}, may be null) stays in To do even once labeled: a list read
     * again in the background must not pull it from under the reviewer.
     */
    static List<ReviewItemSummary> select(List<ReviewItemSummary> items, Set<Long> labeledByMe, String me,
                                          ReviewViewModel.Mode mode, Long onScreen) {
        return switch (mode) {
            case ALL -> items;
            case ADJUDICATE -> items.stream().filter(item -> item.state() == ItemState.DISPUTED).toList();
            case TO_DO -> items.stream()
                    .filter(item -> Long.valueOf(item.itemId()).equals(onScreen) || toDo(item, labeledByMe, me))
                    .toList();
        };
    }

    private static boolean toDo(ReviewItemSummary item, Set<Long> labeledByMe, String me) {
        return item.state() == ItemState.OPEN
                && !labeledByMe.contains(item.itemId())
                && (item.assignee() == null || item.assignee().equals(me))
                && (item.claimedBy() == null || item.claimedBy().equals(me));
    }
}
