package dev.tracedesk.ingest;

import static dev.tracedesk.store.generated.Tables.IMPORT_FILE;
import static dev.tracedesk.store.generated.Tables.REJECTED_RECORD;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

/** Reads the import history and the records each import rejected. */
public final class ImportQueries {

    public record ImportRow(long importId, String fileName, String path, String format, String status,
                            OffsetDateTime startedAt, OffsetDateTime finishedAt, long read, long imported,
                            long duplicates, long rejected, String message) {
    }

    public record RejectedRow(long id, String locator, Long lineNumber, String reason, String rawText) {
    }

    private final DSLContext dsl;

    public ImportQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Newest first. */
    public List<ImportRow> imports(int limit) {
        return dsl.selectFrom(IMPORT_FILE).orderBy(IMPORT_FILE.ID.desc()).limit(limit)
                .fetch(row -> new ImportRow(row.getId(), row.getFileName(), row.getSourcePath(), row.getFormat(),
                        row.getStatus(), row.getStartedAt(), row.getFinishedAt(), row.getRecordsRead(),
                        row.getRecordsImported(), row.getRecordsDuplicate(), row.getRecordsRejected(), row.getMessage()));
    }

    public Optional<ImportRow> importById(long importId) {
        return dsl.selectFrom(IMPORT_FILE).where(IMPORT_FILE.ID.eq(importId))
                .fetchOptional(row -> new ImportRow(row.getId(), row.getFileName(), row.getSourcePath(), row.getFormat(),
                        row.getStatus(), row.getStartedAt(), row.getFinishedAt(), row.getRecordsRead(),
                        row.getRecordsImported(), row.getRecordsDuplicate(), row.getRecordsRejected(), row.getMessage()));
    }

    /** In file order. */
    public List<RejectedRow> rejected(long importId, int limit) {
        return dsl.selectFrom(REJECTED_RECORD).where(REJECTED_RECORD.IMPORT_ID.eq(importId))
                .orderBy(REJECTED_RECORD.ID).limit(limit)
                .fetch(row -> new RejectedRow(row.getId(), row.getLocator(), row.getLineNumber(), row.getReason(),
                        row.getRawText()));
    }
}
