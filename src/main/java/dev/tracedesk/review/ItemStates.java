package dev.tracedesk.review;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tracedesk.review.log.LabelAction;
import dev.tracedesk.review.log.LabelEntry;

/**
 * Reads an item's state and current labels from its log entries. A retracted entry no longer
 * counts; a reviewer's newest label replaces their older ones; an adjudication settles the item.
 */
public final class ItemStates {

    private ItemStates() {
    }

    /** The labels that count now: each reviewer's newest LABEL not retracted, by reviewer. */
    public static Map<String, LabelEntry> currentLabels(List<LabelEntry> entries) {
        Set<Long> retracted = retracted(entries);
        Map<String, LabelEntry> byReviewer = new LinkedHashMap<>();
        for (LabelEntry entry : entries) {
            if (entry.action() == LabelAction.LABEL && !retracted.contains(entry.id())) {
                byReviewer.remove(entry.reviewer());
                byReviewer.put(entry.reviewer(), entry);
            }
        }
        return byReviewer;
    }

    /** The newest adjudication not retracted, or null. */
    public static LabelEntry adjudication(List<LabelEntry> entries) {
        Set<Long> retracted = retracted(entries);
        LabelEntry latest = null;
        for (LabelEntry entry : entries) {
            if (entry.action() == LabelAction.ADJUDICATE && !retracted.contains(entry.id())) {
                latest = entry;
            }
        }
        return latest;
    }

    /** The verdict that stands: the adjudication's, else the agreed one when the item is done, else null. */
    public static Verdict settledVerdict(List<LabelEntry> entries, int labelsPerItem) {
        LabelEntry adjudication = adjudication(entries);
        if (adjudication != null) {
            return adjudication.verdict();
        }
        if (stateOf(entries, labelsPerItem) != ItemState.DONE) {
            return null;
        }
        return currentLabels(entries).values().iterator().next().verdict();
    }

    public static ItemState stateOf(List<LabelEntry> entries, int labelsPerItem) {
        if (adjudication(entries) != null) {
            return ItemState.DONE;
        }
        Map<String, LabelEntry> labels = currentLabels(entries);
        if (labels.size() < Math.max(1, labelsPerItem)) {
            return ItemState.OPEN;
        }
        long verdicts = labels.values().stream().map(LabelEntry::verdict).distinct().count();
        return verdicts == 1 ? ItemState.DONE : ItemState.DISPUTED;
    }

    /** An item's history as one reviewer may see it: in a blind queue, others' labels only after their own. */
    public static List<LabelEntry> visibleTo(ReviewItemDetail detail, String reviewer, boolean adjudicating) {
        if (detail == null) {
            return List.of();
        }
        boolean mineSaved = detail.history().stream().anyMatch(entry -> entry.reviewer().equals(reviewer));
        if (!detail.blind() || mineSaved || adjudicating) {
            return detail.history();
        }
        return detail.history().stream().filter(entry -> entry.reviewer().equals(reviewer)).toList();
    }

    private static Set<Long> retracted(List<LabelEntry> entries) {
        Set<Long> retracted = new HashSet<>();
        for (LabelEntry entry : entries) {
            if (entry.action() == LabelAction.RETRACT && entry.retractsLabelId() != null) {
                retracted.add(entry.retractsLabelId());
            }
        }
        return retracted;
    }
}
