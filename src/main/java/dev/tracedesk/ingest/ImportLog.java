package dev.tracedesk.ingest;

import static dev.tracedesk.store.generated.Tables.IMPORT_FILE;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;

import dev.tracedesk.ingest.write.ImportCounts;

/** The import_file rows: one per import, written when it starts and completed when it ends. */
final class ImportLog {

    private final DSLContext dsl;

    ImportLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    long start(Path file, long sizeBytes, ImportFormat format, String mappingName) {
        return dsl.insertInto(IMPORT_FILE)
                .set(IMPORT_FILE.SOURCE_PATH, file.toAbsolutePath().toString())
                .set(IMPORT_FILE.FILE_NAME, file.getFileName().toString())
                .set(IMPORT_FILE.CONTENT_SHA256, "")
                .set(IMPORT_FILE.SIZE_BYTES, sizeBytes)
                .set(IMPORT_FILE.FORMAT, format == null ? null : format.id())
                .set(IMPORT_FILE.MAPPING_NAME, mappingName)
                .set(IMPORT_FILE.STATUS, ImportStatus.RUNNING.name())
                .set(IMPORT_FILE.STARTED_AT, now())
                .returningResult(IMPORT_FILE.ID)
                .fetchOne().value1();
    }

    void finish(long importId, ImportStatus status, ImportCounts counts, String sha256, String message) {
        dsl.update(IMPORT_FILE)
                .set(IMPORT_FILE.STATUS, status.name())
                .set(IMPORT_FILE.FINISHED_AT, now())
                .set(IMPORT_FILE.RECORDS_READ, counts.read())
                .set(IMPORT_FILE.RECORDS_IMPORTED, counts.imported())
                .set(IMPORT_FILE.RECORDS_DUPLICATE, counts.duplicates())
                .set(IMPORT_FILE.RECORDS_REJECTED, counts.rejected())
                .set(IMPORT_FILE.CONTENT_SHA256, sha256 == null ? "" : sha256)
                .set(IMPORT_FILE.MESSAGE, message)
                .where(IMPORT_FILE.ID.eq(importId))
                .execute();
    }

    /** Hashes of files of this size imported whole before: only those can be the same content. */
    List<String> completedHashesOfSize(long sizeBytes) {
        return dsl.selectDistinct(IMPORT_FILE.CONTENT_SHA256).from(IMPORT_FILE)
                .where(IMPORT_FILE.SIZE_BYTES.eq(sizeBytes))
                .and(IMPORT_FILE.STATUS.in(ImportStatus.COMPLETED.name(), ImportStatus.COMPLETED_WITH_REJECTS.name()))
                .and(IMPORT_FILE.CONTENT_SHA256.ne(""))
                .fetch(IMPORT_FILE.CONTENT_SHA256);
    }

    /** Counts of the earlier import of this content, to report as duplicates. */
    long recordsReadByImportOf(String sha256) {
        Long read = dsl.select(IMPORT_FILE.RECORDS_READ).from(IMPORT_FILE)
                .where(IMPORT_FILE.CONTENT_SHA256.eq(sha256))
                .and(IMPORT_FILE.STATUS.in(ImportStatus.COMPLETED.name(), ImportStatus.COMPLETED_WITH_REJECTS.name()))
                .orderBy(IMPORT_FILE.ID.desc()).limit(1).fetchOne(IMPORT_FILE.RECORDS_READ);
        return read == null ? 0 : read;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
