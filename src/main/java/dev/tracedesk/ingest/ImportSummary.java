package dev.tracedesk.ingest;

import static dev.tracedesk.ingest.ImportLabels.count;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.tracedesk.ingest.write.ImportCounts;

/** What one run of the import command did, in words: a title, one sentence, and a line per file. */
public record ImportSummary(List<ImportResult> results) {

    /** How the run went overall, for the colour and icon of the summary. */
    public enum Tone { SUCCESS, WARNING, FAILURE }

    /** One file's outcome, as the summary lists it. */
    public record FileLine(Long importId, String fileName, String status, String statusIcon, String statusStyle,
                           String counts, String message) {
    }

    public ImportSummary {
        results = List.copyOf(results);
    }

    /** A run that broke as a whole (the workspace went away, say): every file gets the reason. */
    public static ImportSummary brokenRun(List<Path> files, String why) {
        return new ImportSummary(files.stream()
                .map(file -> new ImportResult(null, file, null, ImportStatus.FAILED, ImportCounts.NONE, why))
                .toList());
    }

    public Tone tone() {
        if (howMany(ImportStatus.FAILED) > 0 && howMany(ImportStatus.FAILED) == results.size()) {
            return Tone.FAILURE;
        }
        boolean anythingWrong = results.stream().anyMatch(result -> result.status() != ImportStatus.COMPLETED
                && result.status() != ImportStatus.ALREADY_IMPORTED);
        return anythingWrong ? Tone.WARNING : Tone.SUCCESS;
    }

    public String title() {
        int files = results.size();
        long failed = howMany(ImportStatus.FAILED);
        if (howMany(ImportStatus.CANCELLED) > 0) {
            return "Import cancelled";
        }
        if (failed == files) {
            return files == 1 ? "Could not import " + fileName(results.get(0)) : "None of the " + files + " files could be imported";
        }
        if (failed > 0) {
            return count(failed, "file", "files") + " of " + files + " could not be imported";
        }
        if (files == 1) {
            return "Imported " + fileName(results.get(0));
        }
        return "Imported " + files + " files";
    }

    /** The totals in one sentence, e.g. "1,200 new records, 4 duplicates skipped, 2 rejected." */
    public String detail() {
        long imported = results.stream().mapToLong(result -> result.counts().imported()).sum();
        long duplicates = results.stream().mapToLong(result -> result.counts().duplicates()).sum();
        long rejected = results.stream().mapToLong(result -> result.counts().rejected()).sum();
        StringBuilder sentence = new StringBuilder(count(imported, "new record", "new records"));
        if (duplicates > 0) {
            sentence.append(", ").append(count(duplicates)).append(duplicates == 1 ? " duplicate" : " duplicates").append(" skipped");
        }
        if (rejected > 0) {
            sentence.append(", ").append(count(rejected)).append(" rejected");
        }
        sentence.append('.');
        if (howMany(ImportStatus.CANCELLED) > 0) {
            sentence.append(" What was read before the cancel is kept; import the files again to complete them.");
        }
        return sentence.toString();
    }

    public List<FileLine> lines() {
        return results.stream().map(ImportSummary::line).toList();
    }

    /**
     * The import worth showing first: one that needs attention (rejects or failure), else the
     * newest; empty when no file got as far as an import record.
     */
    public Optional<Long> importToShow() {
        return results.stream()
                .filter(result -> result.importId() != null)
                .filter(result -> result.counts().rejected() > 0 || result.status() == ImportStatus.FAILED)
                .map(ImportResult::importId)
                .findFirst()
                .or(() -> results.stream().map(ImportResult::importId).filter(id -> id != null)
                        .reduce((first, second) -> second));
    }

    private long howMany(ImportStatus status) {
        return results.stream().filter(result -> result.status() == status).count();
    }

    private static FileLine line(ImportResult result) {
        ImportLabels.StatusLook look = ImportLabels.status(result.status());
        ImportCounts counts = result.counts();
        String format = result.format() == null ? "" : ImportLabels.formatName(result.format().id()) + " · ";
        String numbers = result.status() == ImportStatus.FAILED && counts.read() == 0 ? format.replace(" · ", "")
                : format + "read " + count(counts.read()) + " · imported " + count(counts.imported())
                        + " · duplicates " + count(counts.duplicates()) + " · rejected " + count(counts.rejected());
        return new FileLine(result.importId(), fileName(result), look.text(), look.iconLiteral(), look.styleClass(),
                numbers, result.message() == null ? "" : result.message());
    }

    private static String fileName(ImportResult result) {
        Path name = result.file().getFileName();
        return name == null ? result.file().toString() : name.toString();
    }
}
