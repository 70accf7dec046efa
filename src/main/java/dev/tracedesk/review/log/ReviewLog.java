package dev.tracedesk.review.log;

import static dev.tracedesk.store.generated.Tables.REVIEW_LABEL;
import static dev.tracedesk.store.generated.Tables.WORKSPACE_SETTING;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

import dev.tracedesk.review.Verdict;
import dev.tracedesk.store.generated.tables.records.ReviewLabelRecord;

/**
 * The review log: labels as an append-only hash chain (decision 0012). Appends happen inside the
 * caller's transaction so a label and the item state it changes commit together; the head moves
 * by compare-and-set, and a caller that loses the race retries on the new head
 * ({@link #isLostRace}).
 */
public final class ReviewLog {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    static final String HEAD_KEY = "review.log.head";

    private final Clock clock;

    public ReviewLog(Clock clock) {
        this.clock = clock;
    }

    /** Who labeled what, when the item is a target of kind/id; what the entry says. */
    public record Target(long itemId, String kind, long id) {
    }

    /**
     * Appends one entry after the current head, in {@code tx}. Throws a {@link DataAccessException}
     * that {@link #isLostRace} recognises when another writer moved the head first.
     */
    public LabelEntry append(DSLContext tx, Target target, String reviewer, LabelAction action, LabelDraft draft,
                             Long retractsLabelId) {
        String head = tx.select(WORKSPACE_SETTING.SETTING_VALUE).from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(HEAD_KEY)).fetchOne(WORKSPACE_SETTING.SETTING_VALUE);
        if (head == null) {
            throw new IllegalStateException("The workspace has no review log head; was migration V7 applied?");
        }
        // Microseconds: the finest both H2 and PostgreSQL keep, so the hashed instant is the stored one.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        StoredEntry stored = new StoredEntry(target.itemId(), target.kind(), target.id(), action.name(), reviewer,
                draft == null ? null : draft.verdict().name(),
                draft == null ? null : LabelJson.categories(draft.categories()),
                draft == null ? null : LabelJson.scores(draft.scores()),
                draft == null ? null : draft.correctedOutput(),
                draft == null ? null : draft.note(),
                draft == null ? null : LabelJson.relevance(draft.documentRelevance()),
                retractsLabelId, now, head);
        String hash = EntryHash.of(stored);
        int moved = tx.update(WORKSPACE_SETTING)
                .set(WORKSPACE_SETTING.SETTING_VALUE, hash)
                .set(WORKSPACE_SETTING.UPDATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(HEAD_KEY), WORKSPACE_SETTING.SETTING_VALUE.eq(head))
                .execute();
        if (moved != 1) {
            throw new LostRaceException();
        }
        ReviewLabelRecord row = tx.insertInto(REVIEW_LABEL)
                .set(REVIEW_LABEL.REVIEW_ITEM_ID, stored.itemId())
                .set(REVIEW_LABEL.TARGET_KIND, stored.targetKind())
                .set(REVIEW_LABEL.TARGET_ID, stored.targetId())
                .set(REVIEW_LABEL.ACTION, stored.action())
                .set(REVIEW_LABEL.REVIEWER, stored.reviewer())
                .set(REVIEW_LABEL.VERDICT, stored.verdict())
                .set(REVIEW_LABEL.FAILURE_CATEGORIES_JSON, stored.categoriesJson())
                .set(REVIEW_LABEL.SCORES_JSON, stored.scoresJson())
                .set(REVIEW_LABEL.CORRECTED_OUTPUT, stored.correctedOutput())
                .set(REVIEW_LABEL.NOTE, stored.note())
                .set(REVIEW_LABEL.DOCUMENT_RELEVANCE_JSON, stored.documentRelevanceJson())
                .set(REVIEW_LABEL.RETRACTS_LABEL_ID, stored.retractsLabelId())
                .set(REVIEW_LABEL.CREATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .set(REVIEW_LABEL.PREV_HASH, head)
                .set(REVIEW_LABEL.ENTRY_HASH, hash)
                .returning(REVIEW_LABEL.ID)
                .fetchOne();
        return toEntry(row.getId(), stored, hash);
    }

    /** True when {@code failure} means another writer appended first: retry on the new head. */
    public static boolean isLostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LostRaceException) {
                return true;
            }
            if (cause instanceof DataAccessException access) {
                String state = access.sqlState();
                // 23: the unique prev_hash caught a fork; 40: serialization failure or deadlock;
                // HYT00 / 90131: H2's lock timeout and concurrent update on the head row.
                if (state != null && (state.startsWith("23") || state.startsWith("40")
                        || state.equals("HYT00") || state.equals("90131"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every entry about one review item, oldest first. */
    public List<LabelEntry> entriesOf(DSLContext dsl, long itemId) {
        return dsl.selectFrom(REVIEW_LABEL).where(REVIEW_LABEL.REVIEW_ITEM_ID.eq(itemId)).orderBy(REVIEW_LABEL.ID)
                .fetch(ReviewLog::toEntry);
    }

    /** Every entry about one target (an item may sit in several queues), oldest first. */
    public List<LabelEntry> entriesOfTarget(DSLContext dsl, String kind, long targetId) {
        return dsl.selectFrom(REVIEW_LABEL)
                .where(REVIEW_LABEL.TARGET_KIND.eq(kind), REVIEW_LABEL.TARGET_ID.eq(targetId))
                .orderBy(REVIEW_LABEL.ID)
                .fetch(ReviewLog::toEntry);
    }

    static StoredEntry stored(Record row) {
        return new StoredEntry(row.get(REVIEW_LABEL.REVIEW_ITEM_ID), row.get(REVIEW_LABEL.TARGET_KIND),
                row.get(REVIEW_LABEL.TARGET_ID), row.get(REVIEW_LABEL.ACTION), row.get(REVIEW_LABEL.REVIEWER),
                row.get(REVIEW_LABEL.VERDICT), row.get(REVIEW_LABEL.FAILURE_CATEGORIES_JSON),
                row.get(REVIEW_LABEL.SCORES_JSON), row.get(REVIEW_LABEL.CORRECTED_OUTPUT), row.get(REVIEW_LABEL.NOTE),
                row.get(REVIEW_LABEL.DOCUMENT_RELEVANCE_JSON), row.get(REVIEW_LABEL.RETRACTS_LABEL_ID),
                row.get(REVIEW_LABEL.CREATED_AT) == null ? null : row.get(REVIEW_LABEL.CREATED_AT).toInstant(),
                row.get(REVIEW_LABEL.PREV_HASH));
    }

    private static LabelEntry toEntry(ReviewLabelRecord row) {
        return toEntry(row.getId(), stored(row), row.getEntryHash());
    }

    private static LabelEntry toEntry(long id, StoredEntry stored, String hash) {
        return new LabelEntry(id, stored.itemId(), stored.targetKind(), stored.targetId(),
                LabelAction.valueOf(stored.action()), stored.reviewer(),
                stored.verdict() == null ? null : Verdict.valueOf(stored.verdict()),
                LabelJson.parseCategories(stored.categoriesJson()), LabelJson.parseScores(stored.scoresJson()),
                stored.correctedOutput(), stored.note(), LabelJson.parseRelevance(stored.documentRelevanceJson()),
                stored.retractsLabelId(), stored.createdAt(), stored.prevHash(), hash);
    }

    /** Another writer moved the head between our read and our compare-and-set. */
    static final class LostRaceException extends RuntimeException {
        LostRaceException() {
            super("Another reviewer saved a label at the same moment", null, false, false);
        }
    }
}
