package dev.tracedesk.datasets;

import java.util.List;

/** One sentence for what adding several calls to a golden set came to. */
final class AddedCalls {

    private AddedCalls() {
    }

    /** "Added 3 calls to capitals (draft: 8 items); 1 refused: span 12 has no output to expect." */
    static String describe(String dataset, List<AddResult> results, int draftItems) {
        long added = results.stream().filter(r -> r.outcome() != AddResult.Outcome.REFUSED).count();
        List<AddResult> refused = results.stream().filter(r -> r.outcome() == AddResult.Outcome.REFUSED).toList();
        StringBuilder sentence = new StringBuilder("Added ").append(added).append(added == 1 ? " call" : " calls")
                .append(" to ").append(dataset).append(" (draft: ").append(draftItems).append(" items)");
        if (!refused.isEmpty()) {
            sentence.append("; ").append(refused.size()).append(" refused: ").append(refused.get(0).reason());
            if (refused.size() > 1) {
                sentence.append(" (and ").append(refused.size() - 1).append(" more)");
            }
        }
        return sentence.append('.').toString();
    }
}
