package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.InsertValuesStep6;
import org.jooq.Query;
import org.jooq.Record4;

import dev.tracedesk.store.generated.tables.records.ReviewItemRecord;

/**
 * Puts what one rule matched into its queues: a new OPEN item per target not in the queue yet,
 * and the rule's reason added to items that are there without it. Nothing else of an existing
 * item changes (state, assignee, claim, labels). A few hundred targets per transaction, three
 * statements each: read the items there, insert the missing ones, update the reasons.
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
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            Map<Long, String> missing = new LinkedHashMap<>(details);
            addReasons(tx, rule, queue, kind, details, missing);
            if (missing.isEmpty()) {
                return;
            }
            InsertValuesStep6<ReviewItemRecord, Long, String, Long, String, String, OffsetDateTime> insert = tx.insertInto(
                    REVIEW_ITEM, REVIEW_ITEM.QUEUE_ID, REVIEW_ITEM.TARGET_KIND, REVIEW_ITEM.TARGET_ID,
                    REVIEW_ITEM.REASONS_JSON, REVIEW_ITEM.STATE, REVIEW_ITEM.CREATED_AT);
            missing.forEach((target, detail) -> insert.values(queue, kind.name(), target,
                    Reason.toJson(List.of(reason(rule, detail))), "OPEN", now));
            int inserted = insert.onConflictDoNothing().execute();
            created += inserted;
            if (inserted < missing.size()) {
                // Another writer put some of them there meanwhile: add the reason to those instead.
                addReasons(tx, rule, queue, kind, missing, new LinkedHashMap<>());
            }
        });
    }

    /** Adds the rule's reason to the items already in the queue; removes each item found from {@code missing}. */
    private void addReasons(DSLContext tx, FlagRule rule, long queue, TargetKind kind, Map<Long, String> details,
                            Map<Long, String> missing) {
        List<Query> updates = new ArrayList<>();
        for (Record4<Long, Long, String, OffsetDateTime> item : tx
                .select(REVIEW_ITEM.ID, REVIEW_ITEM.TARGET_ID, REVIEW_ITEM.REASONS_JSON, REVIEW_ITEM.CREATED_AT)
                .from(REVIEW_ITEM)
                .where(REVIEW_ITEM.QUEUE_ID.eq(queue))
                .and(REVIEW_ITEM.TARGET_KIND.eq(kind.name()))
                .and(REVIEW_ITEM.TARGET_ID.in(details.keySet()))
                .fetch()) {
            missing.remove(item.value2());
            String merged = Reason.mergedInto(item.value3(), reason(rule, details.get(item.value2())));
            if (merged != null) {
                updates.add(tx.update(REVIEW_ITEM).set(REVIEW_ITEM.REASONS_JSON, merged).where(REVIEW_ITEM.ID.eq(item.value1())));
                if (item.value4() == null || !item.value4().isEqual(now)) {
                    updated++;
                }
            }
        }
        if (!updates.isEmpty()) {
            tx.batch(updates).execute();
        }
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
