package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.InsertValuesStep6;
import org.jooq.Query;
import org.jooq.Record4;
import org.jooq.exception.IntegrityConstraintViolationException;

import dev.tracedesk.store.generated.tables.records.ReviewItemRecord;

/**
 * Puts what one rule matched into its queues: a new OPEN item per target not in the queue yet,
 * and the rule's reason added to items that are there without it. Nothing else of an existing
 * item changes (state, assignee, claim, labels). A few hundred targets per transaction, three
 * statements each: read the items there, insert the missing ones, update the reasons in a batch.
 */
final class ReviewItemWriter {

    static final int CHUNK = 500;
    private static final int DETAIL_LIMIT = 500;

    private final DSLContext dsl;
    /** Items created by this application have this creation time, so adding a second reason to them is not an update. */
    private final OffsetDateTime now;
    private int created;
    private int updated;

    ReviewItemWriter(DSLContext dsl, OffsetDateTime now) {
        this.dsl = dsl;
        this.now = now;
    }

    int created() {
        return created;
    }

    int updated() {
        return updated;
    }

    /** @return the number of distinct targets among the matches */
    int write(FlagRule rule, List<Long> queues, List<RuleMatch> matches) {
        Map<TargetKind, Map<Long, String>> byTarget = new LinkedHashMap<>();
        for (RuleMatch match : matches) {
            byTarget.computeIfAbsent(match.kind(), kind -> new LinkedHashMap<>())
                    .merge(match.targetId(), match.detail(), ReviewItemWriter::joinDetails);
        }
        int targets = 0;
        for (Map.Entry<TargetKind, Map<Long, String>> kind : byTarget.entrySet()) {
            List<Map.Entry<Long, String>> entries = new ArrayList<>(kind.getValue().entrySet());
            entries.sort(Map.Entry.comparingByKey());
            targets += entries.size();
            for (int from = 0; from < entries.size(); from += CHUNK) {
                List<Map.Entry<Long, String>> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
                for (Long queue : queues) {
                    writeChunk(rule, queue, kind.getKey(), chunk);
                }
            }
        }
        return targets;
    }

    private void writeChunk(FlagRule rule, long queue, TargetKind kind, List<Map.Entry<Long, String>> chunk) {
        Map<Long, String> details = new LinkedHashMap<>();
        chunk.forEach(entry -> details.put(entry.getKey(), entry.getValue()));
        int[] counts;
        try {
            counts = dsl.transactionResult(configuration -> writeChunk(configuration.dsl(), rule, queue, kind, details));
        } catch (IntegrityConstraintViolationException concurrent) {
            // Another writer inserted some of these items after we looked: look again, once.
            counts = dsl.transactionResult(configuration -> writeChunk(configuration.dsl(), rule, queue, kind, details));
        }
        created += counts[0];
        updated += counts[1];
    }

    /**
     * A plain multi-row INSERT of the items found missing in the same transaction: H2 emulates
     * ON CONFLICT with a MERGE that scans the table for every row, which is quadratic.
     *
     * @return {created, updated}
     */
    private int[] writeChunk(DSLContext tx, FlagRule rule, long queue, TargetKind kind, Map<Long, String> details) {
        Map<Long, String> missing = new LinkedHashMap<>(details);
        int updates = addReasons(tx, rule, queue, kind, details, missing);
        if (missing.isEmpty()) {
            return new int[] {0, updates};
        }
        InsertValuesStep6<ReviewItemRecord, Long, String, Long, String, String, OffsetDateTime> insert = tx.insertInto(
                REVIEW_ITEM, REVIEW_ITEM.QUEUE_ID, REVIEW_ITEM.TARGET_KIND, REVIEW_ITEM.TARGET_ID,
                REVIEW_ITEM.REASONS_JSON, REVIEW_ITEM.STATE, REVIEW_ITEM.CREATED_AT);
        missing.forEach((target, detail) -> insert.values(queue, kind.name(), target,
                Reason.toJson(List.of(reason(rule, detail))), "OPEN", now));
        return new int[] {insert.execute(), updates};
    }

    /** Adds the rule's reason to the items already in the queue; removes each item found from {@code missing}. */
    private int addReasons(DSLContext tx, FlagRule rule, long queue, TargetKind kind, Map<Long, String> details,
                           Map<Long, String> missing) {
        List<Query> updates = new ArrayList<>();
        int counted = 0;
        for (Record4<Long, Long, String, OffsetDateTime> item : tx
                .select(REVIEW_ITEM.ID, REVIEW_ITEM.TARGET_ID, REVIEW_ITEM.REASONS_JSON, REVIEW_ITEM.CREATED_AT)
                .from(REVIEW_ITEM)
                .where(REVIEW_ITEM.QUEUE_ID.eq(queue))
                .and(REVIEW_ITEM.TARGET_KIND.eq(kind.name()))
                // A range, not an IN list: H2 walks the unique key (queue, kind, target) for a range
                // but tests an IN list against every item of the queue.
                .and(REVIEW_ITEM.TARGET_ID.between(Collections.min(details.keySet()), Collections.max(details.keySet())))
                .fetch()) {
            if (!details.containsKey(item.value2())) {
                continue;
            }
            missing.remove(item.value2());
            String merged = Reason.mergedInto(item.value3(), reason(rule, details.get(item.value2())));
            if (merged != null) {
                updates.add(tx.update(REVIEW_ITEM).set(REVIEW_ITEM.REASONS_JSON, merged).where(REVIEW_ITEM.ID.eq(item.value1())));
                if (item.value4() == null || !item.value4().isEqual(now)) {
                    counted++;
                }
            }
        }
        if (!updates.isEmpty()) {
            tx.batch(updates).execute();
        }
        return counted;
    }

    private static Reason reason(FlagRule rule, String detail) {
        return new Reason(rule.id(), rule.name(), rule.ruleType(), detail);
    }

    private static String joinDetails(String first, String second) {
        if (first.equals(second) || first.length() >= DETAIL_LIMIT || first.contains(second)) {
            return first;
        }
        String joined = first + "; " + second;
        return joined.length() <= DETAIL_LIMIT ? joined : joined.substring(0, DETAIL_LIMIT - 1) + "\u2026";
    }
}
