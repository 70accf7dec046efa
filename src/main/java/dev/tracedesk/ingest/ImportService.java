package dev.tracedesk.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.ingest.generic.FieldMapping;
import dev.tracedesk.ingest.generic.FieldMappings;
import dev.tracedesk.ingest.generic.GenericCsvReader;
import dev.tracedesk.ingest.generic.GenericJsonlReader;
import dev.tracedesk.ingest.source.Sniff;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.write.CanonicalWriter;
import dev.tracedesk.ingest.write.ImportCounts;
import dev.tracedesk.store.calls.LlmCallFacts;
import dev.tracedesk.ingest.write.PriceTable;
import dev.tracedesk.review.rules.RuleApplier;

/**
 * Imports files: recognises content imported before, detects the format from the content, streams
 * the file through its reader into the {@link CanonicalWriter}, and records the import with its
 * counts. The GUI and the CLI both call this.
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final DSLContext dsl;
    private final FormatReaders readers;

    public ImportService(DSLContext dsl, FormatReaders readers) {
        this.dsl = dsl;
        this.readers = readers;
    }

    /**
     * @param format the format to read the file as, or empty to detect it
     */
    public ImportResult importFile(Path file, Optional<ImportFormat> format, TaskContext context) {
        return importFile(file, format, Optional.empty(), context);
    }

    /**
     * @param format      the format to read the file as, or empty to detect it
     * @param mappingName a saved field mapping for a generic JSONL/CSV log of LLM calls
     */
    public ImportResult importFile(Path file, Optional<ImportFormat> format, Optional<String> mappingName,
                                   TaskContext context) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            String why = Files.exists(file) ? (Files.isDirectory(file) ? "it is a folder" : "it cannot be read")
                    : "there is no such file";
            return new ImportResult(null, file, null, ImportStatus.FAILED, ImportCounts.NONE,
                    "Cannot import " + file + ": " + why + ".");
        }
        ImportLog log = new ImportLog(dsl);
        try {
            ImportSource source = ImportSource.of(file);
            Optional<ImportResult> already = alreadyImported(log, source);
            if (already.isPresent()) {
                return already.get();
            }
            Optional<FormatReader> reader;
            if (mappingName.isPresent()) {
                Optional<FieldMapping> mapping = new FieldMappings(dsl).find(mappingName.get());
                if (mapping.isEmpty()) {
                    return new ImportResult(null, file, null, ImportStatus.FAILED, ImportCounts.NONE, "Cannot import "
                            + file + ": there is no field mapping named '" + mappingName.get() + "' in this workspace"
                            + " (see: tracedesk mapping list).");
                }
                reader = Optional.of(Sniff.of(source).firstLineIsJsonObject()
                        ? new GenericJsonlReader(mapping.get()) : new GenericCsvReader(mapping.get()));
            } else {
                reader = format.isPresent() ? readers.forFormat(format.get()) : readers.detect(source);
            }
            if (reader.isEmpty()) {
                long importId = log.start(file, source.sizeBytes(), null, null);
                String message = unknownFormatMessage(file, format);
                log.finish(importId, ImportStatus.FAILED, ImportCounts.NONE, null, message);
                return new ImportResult(importId, file, null, ImportStatus.FAILED, ImportCounts.NONE, message);
            }
            return read(log, source, reader.get(), mappingName.orElse(null), context);
        } catch (IOException e) {
            return new ImportResult(null, file, null, ImportStatus.FAILED, ImportCounts.NONE,
                    "Cannot import " + file + ": " + e.getMessage());
        }
    }

    private ImportResult read(ImportLog log, ImportSource source, FormatReader reader, String mappingName,
                              TaskContext context) throws IOException {
        ImportFormat format = reader.format();
        long importId = log.start(source.path(), source.sizeBytes(), format, mappingName);
        ImportStatus status;
        String message = null;
        ImportCounts counts;
        try (CanonicalWriter writer = new CanonicalWriter(dsl, importId, PriceTable.load(dsl), context::isCancelled)) {
            ProgressReportingSink sink = new ProgressReportingSink(writer, source, context);
            try {
                reader.read(source, sink);
                writer.finish();
                status = writer.counts().rejected() > 0 ? ImportStatus.COMPLETED_WITH_REJECTS : ImportStatus.COMPLETED;
            } catch (CancellationException cancelled) {
                status = ImportStatus.CANCELLED;
                message = keepWhatWasRead(writer).orElse(
                        "Cancelled after " + writer.counts().read() + " records; import the file again to complete it.");
            } catch (IOException | RuntimeException broken) {
                LOG.debug("Import of {} failed", source.path(), broken);
                status = ImportStatus.FAILED;
                message = keepWhatWasRead(writer).orElse(
                        (broken.getMessage() == null ? broken.toString() : broken.getMessage())
                        + (writer.counts().read() > 0 ? " (the " + writer.counts().read() + " records read before are kept)" : ""));
            }
            counts = writer.counts();
        }
        if (status == ImportStatus.COMPLETED || status == ImportStatus.COMPLETED_WITH_REJECTS) {
            // The calls' insight rows first: budget rules read them. Derived data, so a failure is reported, never fatal.
            Optional<String> factsProblem = refreshCallFacts();
            if (factsProblem.isPresent()) {
                message = message == null ? factsProblem.get() : message + " " + factsProblem.get();
            }
            // What this import added goes through the flag rules; a broken rule is reported, never fatal.
            Optional<String> rulesProblem = new RuleApplier(dsl).applyAfterImport();
            if (rulesProblem.isPresent()) {
                message = message == null ? rulesProblem.get() : message + " " + rulesProblem.get();
            }
        }
        String sha256 = status == ImportStatus.CANCELLED ? null
                : Optional.ofNullable(source.sha256IfReadWhole()).orElse(source.sha256());
        log.finish(importId, status, counts, sha256, message);
        return new ImportResult(importId, source.path(), format, status, counts, message);
    }

    private Optional<String> refreshCallFacts() {
        try {
            new LlmCallFacts(dsl).refresh();
            return Optional.empty();
        } catch (RuntimeException failed) {
            LOG.warn("Could not bring the Insights rows up to date", failed);
            return Optional.of("Insights figures are not up to date (" + failed.getMessage()
                    + "); they are brought up to date when Insights opens.");
        }
    }

    /**
     * Stores what was read before a cancel or a failure. Empty when that worked; otherwise why
     * it did not (the workspace itself failing, say), which is then the import's message.
     */
    private static Optional<String> keepWhatWasRead(CanonicalWriter writer) {
        try {
            writer.flushAll();
            return Optional.empty();
        } catch (RuntimeException writeFailed) {
            LOG.debug("Could not store the records read before the import stopped", writeFailed);
            return Optional.of("Stopped, and the records read could not all be stored: "
                    + (writeFailed.getMessage() == null ? writeFailed.toString() : writeFailed.getMessage()));
        }
    }

    /** The same bytes imported whole before are not read again; only files of equal size are hashed. */
    private Optional<ImportResult> alreadyImported(ImportLog log, ImportSource source) throws IOException {
        var candidates = log.completedHashesOfSize(source.sizeBytes());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        String sha256 = source.sha256();
        if (!candidates.contains(sha256)) {
            return Optional.empty();
        }
        long previouslyRead = log.recordsReadByImportOf(sha256);
        long importId = log.start(source.path(), source.sizeBytes(), null, null);
        ImportCounts counts = new ImportCounts(previouslyRead, 0, previouslyRead, 0);
        String message = "This file was imported before; nothing new to add.";
        log.finish(importId, ImportStatus.ALREADY_IMPORTED, counts, sha256, message);
        return Optional.of(new ImportResult(importId, source.path(), null, ImportStatus.ALREADY_IMPORTED, counts, message));
    }

    private String unknownFormatMessage(Path file, Optional<ImportFormat> requested) {
        if (requested.isPresent()) {
            return "Cannot import " + file + ": this build has no reader for format '" + requested.get().id() + "' yet.";
        }
        String tried = readers.all().stream().map(reader -> reader.format().id()).collect(Collectors.joining(", "));
        return "Cannot import " + file + ": its content is none of the formats Tracedesk reads (tried: "
                + (tried.isEmpty() ? "none" : tried) + "). Use --format to name one.";
    }
}
