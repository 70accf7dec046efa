package dev.tracedesk.review;

/** What the item area says when the chosen list is empty, in words that say what to do next. */
final class QueueEmptyText {

    private QueueEmptyText() {
    }

    static String of(QueueSummary queue, ReviewViewModel.Mode mode) {
        if (queue == null) {
            return "Choose a queue on the left.";
        }
        if (queue.total() == 0) {
            return queue.name() + " is empty. Flag rules fill it on every import; Rules… re-applies them to what is already here.";
        }
        return switch (mode) {
            case TO_DO -> "You are done with " + queue.name() + ": " + queue.done() + " of " + queue.total()
                    + " items are settled" + (queue.disputed() > 0 ? ", " + queue.disputed() + " wait for adjudication." : ".")
                    + " All shows every item.";
            case ADJUDICATE -> "No disagreements to settle in " + queue.name() + ".";
            case ALL -> queue.name() + " has no items.";
        };
    }
}
