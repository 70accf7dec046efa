package dev.tracedesk.review;

import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static dev.tracedesk.store.generated.Tables.REVIEW_LABEL;
import static dev.tracedesk.store.generated.Tables.REVIEW_QUEUE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import dev.tracedesk.store.generated.tables.records.ReviewQueueRecord;

/**
 * Review queues: their settings, progress and agreement, and making new ones. A queue made from
 * rules is filled at once with what those rules already flagged; the rule applier keeps filling it.
 */
public final class ReviewQueues {

    public static final String FLAGGED = "Flagged";
    private static final int INSERT_ROWS = 500;

    private final DSLContext dsl;
    private final Clock clock;

    public ReviewQueues(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Every queue with its progress, Flagged first, then by name. */
    public List<QueueSummary> list() {
        Map<Long, Map<String, Integer>> counts = new HashMap<>();
        dsl.select(REVIEW_ITEM.QUEUE_ID, REVIEW_ITEM.STATE, DSL.count())
                .from(REVIEW_ITEM).groupBy(REVIEW_ITEM.QUEUE_ID, REVIEW_ITEM.STATE)
                .forEach(row -> counts.computeIfAbsent(row.value1(), id -> new HashMap<>()).put(row.value2(), row.value3()));
        return dsl.selectFrom(REVIEW_QUEUE)
                .orderBy(DSL.when(REVIEW_QUEUE.NAME.eq(FLAGGED), 0).otherwise(1), REVIEW_QUEUE.NAME)
                .fetch()
                .map(queue -> summary(queue, counts.getOrDefault(queue.getId(), Map.of())));
    }

    public Optional<QueueSummary> byName(String name) {
        return list().stream().filter(queue -> queue.name().equals(name)).findFirst();
    }

    private QueueSummary summary(ReviewQueueRecord queue, Map<String, Integer> states) {
        int done = states.getOrDefault(ItemState.DONE.name(), 0);
        int disputed = states.getOrDefault(ItemState.DISPUTED.name(), 0);
        int total = states.values().stream().mapToInt(Integer::intValue).sum();
        QueueLabels labels = QueueLabels.load(dsl, queue.getId());
        return new QueueSummary(queue.getId(), queue.getName(), queue.getDescription(),
                QueueDefinition.parse(queue.getDefinitionJson()), queue.getLabelsPerItem(), queue.getBlind(), total,
                done, disputed, labels.labeledByReviewer(), Agreement.of(labels.verdictsByItem()));
    }

    /** The label schema of the queue the item is in (the default one when the item is unknown). */
    public LabelSchema schemaOfItem(long itemId) {
        return LabelSchema.parse(dsl.select(REVIEW_QUEUE.LABEL_SCHEMA_JSON).from(REVIEW_QUEUE).join(REVIEW_ITEM)
                .on(REVIEW_ITEM.QUEUE_ID.eq(REVIEW_QUEUE.ID)).where(REVIEW_ITEM.ID.eq(itemId))
                .fetchOptional(REVIEW_QUEUE.LABEL_SCHEMA_JSON).orElse(null));
    }

    /** The flag rules' names, for choosing the rules a new queue takes. */
    public List<String> ruleNames() {
        return dsl.select(dev.tracedesk.store.generated.Tables.FLAG_RULE.NAME)
                .from(dev.tracedesk.store.generated.Tables.FLAG_RULE)
                .orderBy(dev.tracedesk.store.generated.Tables.FLAG_RULE.NAME)
                .fetch(dev.tracedesk.store.generated.Tables.FLAG_RULE.NAME);
    }

    /** The items of the queue this reviewer has a label on that still counts. */
    public Set<Long> labeledBy(long queueId, String reviewer) {
        return QueueLabels.load(dsl, queueId).labeledBy(reviewer);
    }

    /**
     * Makes a queue. A RULES queue starts with every item Flagged holds for those rules (their
     * reasons narrowed to those rules); a SAVED_VIEW queue is filled by the caller.
     */
    public long create(String name, String description, QueueDefinition definition, int labelsPerItem, boolean blind) {
        return create(name, description, definition, labelsPerItem, blind, LabelSchema.DEFAULT);
    }

    /** As above, with the label schema the queue's form asks for. */
    public long create(String name, String description, QueueDefinition definition, int labelsPerItem, boolean blind,
                       LabelSchema schema) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A queue needs a name.");
        }
        if (labelsPerItem < 1 || labelsPerItem > 10) {
            throw new IllegalArgumentException("Labels per item must be between 1 and 10, not " + labelsPerItem + ".");
        }
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            if (tx.fetchExists(REVIEW_QUEUE, REVIEW_QUEUE.NAME.eq(trimmed))) {
                throw new IllegalArgumentException("There is already a queue named \"" + trimmed + "\".");
            }
            long id = tx.insertInto(REVIEW_QUEUE)
                    .set(REVIEW_QUEUE.NAME, trimmed)
                    .set(REVIEW_QUEUE.DESCRIPTION, description)
                    .set(REVIEW_QUEUE.DEFINITION_JSON, definition.toJson())
                    .set(REVIEW_QUEUE.LABELS_PER_ITEM, labelsPerItem)
                    .set(REVIEW_QUEUE.BLIND, blind)
                    .set(REVIEW_QUEUE.LABEL_SCHEMA_JSON, schema.toJson())
                    .set(REVIEW_QUEUE.CREATED_AT, now())
                    .returning(REVIEW_QUEUE.ID).fetchOne().getId();
            if (definition.kind() == QueueDefinition.Kind.RULES) {
                copyFlaggedItems(tx, id, definition.rules());
            }
            return id;
        });
    }

    /** Changes how many labels an item needs and whether reviewers see each other's labels. */
    public void updateSettings(long queueId, int labelsPerItem, boolean blind) {
        if (labelsPerItem < 1 || labelsPerItem > 10) {
            throw new IllegalArgumentException("Labels per item must be between 1 and 10, not " + labelsPerItem + ".");
        }
        dsl.update(REVIEW_QUEUE).set(REVIEW_QUEUE.LABELS_PER_ITEM, labelsPerItem).set(REVIEW_QUEUE.BLIND, blind)
                .where(REVIEW_QUEUE.ID.eq(queueId)).execute();
    }

    /**
     * Puts targets into a queue (a saved view's calls, or items picked by hand), skipping those
     * already there. Returns how many were added.
     */
    public int addTargets(long queueId, TargetKind kind, List<Long> targetIds, String reason) {
        return addTargets(queueId, kind, targetIds,
                new FlagReason(null, reason == null ? "Added to the queue" : reason, "QUEUE", null));
    }

    /** As above, with the reason the items carry spelled out (e.g. a REGRESSION with its detail). */
    public int addTargets(long queueId, TargetKind kind, List<Long> targetIds, FlagReason reason) {
        String reasonsJson = FlagReason.toJson(List.of(reason));
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            Set<Long> present = new java.util.HashSet<>(tx.select(REVIEW_ITEM.TARGET_ID).from(REVIEW_ITEM)
                    .where(REVIEW_ITEM.QUEUE_ID.eq(queueId), REVIEW_ITEM.TARGET_KIND.eq(kind.name()))
                    .fetch(REVIEW_ITEM.TARGET_ID));
            var insert = tx.insertInto(REVIEW_ITEM, REVIEW_ITEM.QUEUE_ID, REVIEW_ITEM.TARGET_KIND, REVIEW_ITEM.TARGET_ID,
                    REVIEW_ITEM.REASONS_JSON, REVIEW_ITEM.STATE, REVIEW_ITEM.CREATED_AT);
            int added = 0;
            OffsetDateTime now = now();
            for (Long target : targetIds) {
                if (present.add(target)) {
                    insert = insert.values(queueId, kind.name(), target, reasonsJson, ItemState.OPEN.name(), now);
                    added++;
                }
            }
            if (added > 0) {
                insert.execute();
            }
            return added;
        });
    }

    /** Deletes a queue that no label refers to yet; labels are never deleted, so a labeled queue stays. */
    public void delete(long queueId) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            boolean labeled = tx.fetchExists(tx.selectOne().from(REVIEW_LABEL).join(REVIEW_ITEM)
                    .on(REVIEW_ITEM.ID.eq(REVIEW_LABEL.REVIEW_ITEM_ID)).where(REVIEW_ITEM.QUEUE_ID.eq(queueId)));
            if (labeled) {
                throw new IllegalArgumentException("This queue has labels, and the review log keeps every label: "
                        + "it cannot be deleted.");
            }
            String name = tx.select(REVIEW_QUEUE.NAME).from(REVIEW_QUEUE).where(REVIEW_QUEUE.ID.eq(queueId))
                    .fetchOne(REVIEW_QUEUE.NAME);
            if (FLAGGED.equals(name)) {
                throw new IllegalArgumentException("The Flagged queue is where flag rules put items; it stays.");
            }
            tx.deleteFrom(REVIEW_QUEUE).where(REVIEW_QUEUE.ID.eq(queueId)).execute();
        });
    }

    /** Copies Flagged's items for these rules, in multi-row inserts of {@link #INSERT_ROWS}. */
    private void copyFlaggedItems(DSLContext tx, long queueId, List<String> rules) {
        OffsetDateTime now = now();
        List<org.jooq.Row6<Long, String, Long, String, String, OffsetDateTime>> rows = new java.util.ArrayList<>();
        for (Record row : tx.select(REVIEW_ITEM.TARGET_KIND, REVIEW_ITEM.TARGET_ID, REVIEW_ITEM.REASONS_JSON)
                .from(REVIEW_ITEM).join(REVIEW_QUEUE).on(REVIEW_QUEUE.ID.eq(REVIEW_ITEM.QUEUE_ID))
                .where(REVIEW_QUEUE.NAME.eq(FLAGGED)).fetchSize(1_000).fetch()) {
            List<FlagReason> matching = FlagReason.parseAll(row.get(REVIEW_ITEM.REASONS_JSON)).stream()
                    .filter(reason -> rules.contains(reason.rule())).toList();
            if (!matching.isEmpty()) {
                rows.add(DSL.row(queueId, row.get(REVIEW_ITEM.TARGET_KIND), row.get(REVIEW_ITEM.TARGET_ID),
                        FlagReason.toJson(matching), ItemState.OPEN.name(), now));
            }
            if (rows.size() == INSERT_ROWS) {
                insertItems(tx, rows);
            }
        }
        insertItems(tx, rows);
    }

    private static void insertItems(DSLContext tx,
                                    List<org.jooq.Row6<Long, String, Long, String, String, OffsetDateTime>> rows) {
        if (!rows.isEmpty()) {
            tx.insertInto(REVIEW_ITEM, REVIEW_ITEM.QUEUE_ID, REVIEW_ITEM.TARGET_KIND, REVIEW_ITEM.TARGET_ID,
                    REVIEW_ITEM.REASONS_JSON, REVIEW_ITEM.STATE, REVIEW_ITEM.CREATED_AT).valuesOfRows(rows).execute();
            rows.clear();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
