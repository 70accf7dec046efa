package dev.tracedesk.ingest.write;

/** What one import did with what it read. read = imported + duplicates + rejected. */
public record ImportCounts(long read, long imported, long duplicates, long rejected) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0);
}
