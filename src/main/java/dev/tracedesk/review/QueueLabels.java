package dev.tracedesk.review;

import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static dev.tracedesk.store.generated.Tables.REVIEW_LABEL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;

import dev.tracedesk.review.log.LabelAction;
import dev.tracedesk.review.log.LabelEntry;

/**
 * The verdicts of a queue's log entries, without their texts: enough for progress per reviewer and
 * agreement, one query per queue however long the log.
 */
final class QueueLabels {

    private final Map<Long, List<LabelEntry>> entriesByItem;

    private QueueLabels(Map<Long, List<LabelEntry>> entriesByItem) {
        this.entriesByItem = entriesByItem;
    }

    static QueueLabels load(DSLContext dsl, long queueId) {
        Map<Long, List<LabelEntry>> byItem = new HashMap<>();
        dsl.select(REVIEW_LABEL.ID, REVIEW_LABEL.REVIEW_ITEM_ID, REVIEW_LABEL.ACTION, REVIEW_LABEL.REVIEWER,
                        REVIEW_LABEL.VERDICT, REVIEW_LABEL.RETRACTS_LABEL_ID)
                .from(REVIEW_LABEL).join(REVIEW_ITEM).on(REVIEW_ITEM.ID.eq(REVIEW_LABEL.REVIEW_ITEM_ID))
                .where(REVIEW_ITEM.QUEUE_ID.eq(queueId))
                .orderBy(REVIEW_LABEL.ID)
                .forEach(row -> byItem.computeIfAbsent(row.value2(), id -> new ArrayList<>())
                        .add(new LabelEntry(row.value1(), row.value2(), null, 0, LabelAction.valueOf(row.value3()),
                                row.value4(), row.value5() == null ? null : Verdict.valueOf(row.value5()), List.of(),
                                Map.of(), null, null, Map.of(), row.value6(), null, null, null)));
        return new QueueLabels(byItem);
    }

    /** How many items each reviewer has a label on that still counts. */
    Map<String, Integer> labeledByReviewer() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        entriesByItem.values().forEach(entries -> ItemStates.currentLabels(entries).keySet()
                .forEach(reviewer -> counts.merge(reviewer, 1, Integer::sum)));
        return counts;
    }

    /** Each item's current verdict per reviewer. */
    Map<Long, Map<String, Verdict>> verdictsByItem() {
        Map<Long, Map<String, Verdict>> verdicts = new HashMap<>();
        entriesByItem.forEach((item, entries) -> {
            Map<String, Verdict> byReviewer = new LinkedHashMap<>();
            ItemStates.currentLabels(entries).forEach((reviewer, entry) -> byReviewer.put(reviewer, entry.verdict()));
            verdicts.put(item, byReviewer);
        });
        return verdicts;
    }

    /** The items this reviewer has a label on that still counts. */
    java.util.Set<Long> labeledBy(String reviewer) {
        java.util.Set<Long> items = new java.util.HashSet<>();
        entriesByItem.forEach((item, entries) -> {
            if (ItemStates.currentLabels(entries).containsKey(reviewer)) {
                items.add(item);
            }
        });
        return items;
    }
}
