package dev.tracedesk.review.log;

import static dev.tracedesk.store.generated.Tables.REVIEW_LABEL;
import static dev.tracedesk.store.generated.Tables.WORKSPACE_SETTING;

import org.jooq.Cursor;
import org.jooq.DSLContext;

import dev.tracedesk.store.generated.tables.records.ReviewLabelRecord;

/**
 * Walks the review log in order and recomputes every hash: an entry whose stored values no longer
 * give its hash was altered; an entry whose previous hash is not the hash of the entry before it
 * means entries were removed or inserted; a head that is not the last entry's hash means entries
 * were removed from the end. Streams the log, so a long log needs no memory.
 */
public final class LogVerifier {

    private final DSLContext dsl;

    public LogVerifier(DSLContext dsl) {
        this.dsl = dsl;
    }

    public LogVerification verify() {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            String expectedPrevious = ReviewLog.GENESIS;
            long checked = 0;
            try (Cursor<ReviewLabelRecord> entries = tx.selectFrom(REVIEW_LABEL).orderBy(REVIEW_LABEL.ID)
                    .fetchSize(500).fetchLazy()) {
                for (ReviewLabelRecord entry : entries) {
                    if (!expectedPrevious.equals(entry.getPrevHash())) {
                        return new LogVerification(checked, entry.getId(), "entry " + entry.getId()
                                + " does not follow the entry before it: an entry was removed, inserted or its "
                                + "previous hash changed");
                    }
                    if (!EntryHash.of(ReviewLog.stored(entry)).equals(entry.getEntryHash())) {
                        return new LogVerification(checked, entry.getId(), "entry " + entry.getId()
                                + " was altered after it was written: its values no longer give its hash");
                    }
                    expectedPrevious = entry.getEntryHash();
                    checked++;
                }
            }
            String head = tx.select(WORKSPACE_SETTING.SETTING_VALUE).from(WORKSPACE_SETTING)
                    .where(WORKSPACE_SETTING.SETTING_KEY.eq(ReviewLog.HEAD_KEY))
                    .fetchOne(WORKSPACE_SETTING.SETTING_VALUE);
            if (head == null) {
                return new LogVerification(checked, null, "the log's head record is missing");
            }
            if (!head.equals(expectedPrevious)) {
                return new LogVerification(checked, null, "the log ends early: entries after the last of its "
                        + checked + " entries were removed");
            }
            return new LogVerification(checked, null, null);
        });
    }
}
