package dev.tracedesk.ingest;

import static dev.tracedesk.store.generated.Tables.REJECTED_RECORD;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The rejected records of an import, for the GUI. Unlike {@link ImportQueries#rejected} it never
 * loads a raw text whole: the list carries only each text's length, and one record's text comes
 * back cut to a preview, because a rejected 50 MB line must neither fill the heap nor freeze a
 * text area.
 */
public final class RejectedRecordQueries {

    /** A rejected record without its raw text. */
    public record RejectedSummary(long id, String locator, Long lineNumber, String reason, long rawLength) {

        /** Where in the file: the locator the reader gave ("line 12", "samples/3.json"), else the line. */
        public String where() {
            if (locator != null && !locator.isBlank()) {
                return locator;
            }
            return lineNumber == null ? "—" : "line " + lineNumber;
        }
    }

    /** The start of a raw text, and how long the whole text is. */
    public record RawTextPreview(String head, long totalLength) {

        public boolean truncated() {
            return head.length() < totalLength;
        }
    }

    private final DSLContext dsl;

    public RejectedRecordQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** In file order. */
    public List<RejectedSummary> ofImport(long importId, int limit) {
        var rawLength = DSL.charLength(REJECTED_RECORD.RAW_TEXT);
        return dsl.select(REJECTED_RECORD.ID, REJECTED_RECORD.LOCATOR, REJECTED_RECORD.LINE_NUMBER,
                        REJECTED_RECORD.REASON, rawLength)
                .from(REJECTED_RECORD)
                .where(REJECTED_RECORD.IMPORT_ID.eq(importId))
                .orderBy(REJECTED_RECORD.ID)
                .limit(limit)
                .fetch(row -> new RejectedSummary(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5() == null ? 0 : row.value5()));
    }

    /** The first {@code maxChars} characters of one record's raw text. */
    public Optional<RawTextPreview> rawText(long rejectedId, int maxChars) {
        var head = DSL.substring(REJECTED_RECORD.RAW_TEXT, 1, maxChars);
        var length = DSL.charLength(REJECTED_RECORD.RAW_TEXT);
        return dsl.select(head, length).from(REJECTED_RECORD).where(REJECTED_RECORD.ID.eq(rejectedId))
                .fetchOptional(row -> new RawTextPreview(row.value1() == null ? "" : row.value1(),
                        row.value2() == null ? 0 : row.value2()));
    }
}
