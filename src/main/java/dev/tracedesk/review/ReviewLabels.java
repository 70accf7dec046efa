package dev.tracedesk.review;

import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static dev.tracedesk.store.generated.Tables.REVIEW_QUEUE;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;

import dev.tracedesk.review.log.LabelAction;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.review.log.LabelEntry;
import dev.tracedesk.review.log.ReviewLog;

/**
 * Saving labels: each one a new log entry, committed together with the item state it changes,
 * and on disk before the call returns (so "Saved" in the window means saved). Several processes
 * may label at once; one that loses the race for the log's head retries on the new head.
 */
public final class ReviewLabels {

    private static final int MAX_ATTEMPTS = 50;

    private final DSLContext dsl;
    private final ReviewLog log;

    public ReviewLabels(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.log = new ReviewLog(clock);
    }

    public LabelEntry label(long itemId, String reviewer, LabelDraft draft) {
        return append(itemId, reviewer, LabelAction.LABEL, draft, null);
    }

    /** An adjudicator's final verdict on an item, which settles it as DONE. */
    public LabelEntry adjudicate(long itemId, String reviewer, LabelDraft draft) {
        return append(itemId, reviewer, LabelAction.ADJUDICATE, draft, null);
    }

    /**
     * Takes back the reviewer's newest label on the item (a RETRACT entry; nothing is deleted).
     * Empty when they have no label there that still counts.
     */
    public Optional<LabelEntry> undoLast(long itemId, String reviewer) {
        List<LabelEntry> entries = history(itemId);
        java.util.Set<Long> retracted = new java.util.HashSet<>();
        entries.stream().filter(e -> e.action() == LabelAction.RETRACT).forEach(e -> retracted.add(e.retractsLabelId()));
        for (int i = entries.size() - 1; i >= 0; i--) {
            LabelEntry entry = entries.get(i);
            if (entry.action() != LabelAction.RETRACT && entry.reviewer().equals(reviewer)
                    && !retracted.contains(entry.id())) {
                return Optional.of(append(itemId, reviewer, LabelAction.RETRACT, null, entry.id()));
            }
        }
        return Optional.empty();
    }

    public List<LabelEntry> history(long itemId) {
        return log.entriesOf(dsl, itemId);
    }

    private LabelEntry append(long itemId, String reviewer, LabelAction action, LabelDraft draft, Long retracts) {
        String who = Reviewers.require(reviewer);
        for (int attempt = 1; ; attempt++) {
            try {
                LabelEntry entry = dsl.transactionResult(configuration -> {
                    DSLContext tx = configuration.dsl();
                    Record item = tx.select(REVIEW_ITEM.TARGET_KIND, REVIEW_ITEM.TARGET_ID, REVIEW_QUEUE.LABELS_PER_ITEM)
                            .from(REVIEW_ITEM).join(REVIEW_QUEUE).on(REVIEW_QUEUE.ID.eq(REVIEW_ITEM.QUEUE_ID))
                            .where(REVIEW_ITEM.ID.eq(itemId)).fetchOne();
                    if (item == null) {
                        throw new NoSuchItemException(itemId);
                    }
                    LabelEntry appended = log.append(tx, new ReviewLog.Target(itemId, item.get(REVIEW_ITEM.TARGET_KIND),
                            item.get(REVIEW_ITEM.TARGET_ID)), who, action, draft, retracts);
                    ItemState state = ItemStates.stateOf(log.entriesOf(tx, itemId), item.get(REVIEW_QUEUE.LABELS_PER_ITEM));
                    tx.update(REVIEW_ITEM).set(REVIEW_ITEM.STATE, state.name())
                            .set(REVIEW_ITEM.CLAIMED_BY, (String) null).set(REVIEW_ITEM.CLAIMED_AT, (java.time.OffsetDateTime) null)
                            .where(REVIEW_ITEM.ID.eq(itemId)).execute();
                    return appended;
                });
                flushToDisk();
                return entry;
            } catch (RuntimeException failure) {
                if (attempt >= MAX_ATTEMPTS || !ReviewLog.isLostRace(failure)) {
                    throw failure;
                }
                pause(attempt);
            }
        }
    }

    /**
     * H2 commits to memory and writes the file up to half a second later; a label must survive a
     * crash right after "Saved", so force it out. PostgreSQL's commit is already durable.
     */
    private void flushToDisk() {
        if (dsl.dialect().family() == SQLDialect.H2) {
            dsl.execute("CHECKPOINT SYNC");
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 + Math.min(attempt, 20) * 2));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while saving a label", interrupted);
        }
    }

    /** The item id names no review item. */
    public static final class NoSuchItemException extends RuntimeException {
        public NoSuchItemException(long itemId) {
            super("There is no review item " + itemId + ". List them with: tracedesk review list");
        }
    }
}
