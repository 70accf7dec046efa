package dev.tracedesk.datasets.export;

import java.nio.file.Path;
import java.util.Map;

/** What an export wrote: counts, skips by reason, redaction counts, the file's SHA-256 and the manifest. */
public record ExportResult(Path file, Path manifest, int written, Map<String, Integer> skippedByReason,
        Map<String, Integer> redactions, String sha256) {

    public int skipped() {
        return skippedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }
}
