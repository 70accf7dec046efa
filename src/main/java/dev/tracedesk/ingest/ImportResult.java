package dev.tracedesk.ingest;

import java.nio.file.Path;

import dev.tracedesk.ingest.write.ImportCounts;

/**
 * The outcome of importing one file.
 *
 * @param importId null when no import was recorded (the file could not even be opened)
 * @param format   null when the format could not be told
 * @param message  for a person: what went wrong, or null
 */
public record ImportResult(Long importId, Path file, ImportFormat format, ImportStatus status,
                           ImportCounts counts, String message) {

    /** True when the file could not be imported at all (exit code 2 territory). */
    public boolean failedWhole() {
        return status == ImportStatus.FAILED && counts.read() == 0;
    }
}
