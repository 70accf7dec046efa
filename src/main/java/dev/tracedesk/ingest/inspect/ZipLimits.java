package dev.tracedesk.ingest.inspect;

/**
 * What a zip may hold before it is refused as unsafe (a zip bomb, or crafted to exhaust memory).
 * The defaults are far above any real Inspect log (a sample entry is KBs to a few MB; JSON
 * deflates 5–20 times) and far below what would hurt the machine.
 *
 * @param maxEntries         entries in the central directory
 * @param maxEntryBytes      uncompressed bytes of one entry, declared or actually read
 * @param maxTotalBytes      uncompressed bytes of all entries together, declared or actually read
 * @param maxRatio           uncompressed / compressed size of an entry (deflate tops out near 1032)
 * @param ratioGraceBytes    entries smaller than this are never judged by their ratio (tiny
 *                           repetitive JSON compresses extremely well and is harmless)
 */
public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, double maxRatio,
        long ratioGraceBytes) {

    public static final ZipLimits DEFAULT = new ZipLimits(
            100_000, 512L * 1024 * 1024, 4L * 1024 * 1024 * 1024, 200, 1024 * 1024);
}
