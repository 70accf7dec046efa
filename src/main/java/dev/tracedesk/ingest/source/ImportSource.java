package dev.tracedesk.ingest.source;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A file being imported. {@link #openStream()} gives its content (gunzipped when it is gzip,
 * whatever its name) and counts the file's bytes as they are read, for progress.
 */
public final class ImportSource {

    private final Path path;
    private final long sizeBytes;
    private final boolean gzip;
    private final AtomicLong bytesRead = new AtomicLong();

    private ImportSource(Path path, long sizeBytes, boolean gzip) {
        this.path = path;
        this.sizeBytes = sizeBytes;
        this.gzip = gzip;
    }

    public static ImportSource of(Path path) throws IOException {
        return new ImportSource(path, Files.size(path), startsWithGzipMagic(path));
    }

    public Path path() {
        return path;
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public boolean isGzip() {
        return gzip;
    }

    /** Bytes of the file read so far by streams from {@link #openStream()}; for a progress bar. */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** The content, decompressed when gzip; buffered. Each call starts at the beginning. */
    public InputStream openStream() throws IOException {
        bytesRead.set(0);
        InputStream counted = new CountingStream(Files.newInputStream(path), bytesRead);
        InputStream raw = new BufferedInputStream(counted, 1 << 16);
        return gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    }

    private static boolean startsWithGzipMagic(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private final AtomicLong counter;

        CountingStream(InputStream in, AtomicLong counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counter.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counter.addAndGet(skipped);
            return skipped;
        }
    }
}
