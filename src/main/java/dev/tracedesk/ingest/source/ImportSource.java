package dev.tracedesk.ingest.source;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
    private MessageDigest digest;

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
        digest = sha256Digest();
        InputStream counted = new CountingStream(new DigestInputStream(Files.newInputStream(path), digest), bytesRead);
        InputStream raw = new BufferedInputStream(counted, 1 << 16);
        return gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    }

    /**
     * The SHA-256 of the file, hex, when the last stream opened read it to the end (computed on
     * the way, at no extra pass); null otherwise.
     */
    public String sha256IfReadWhole() {
        return digest != null && bytesRead.get() == sizeBytes ? HexFormat.of().formatHex(digest.digest()) : null;
    }

    /** The SHA-256 of the file, hex, reading it once more. */
    public String sha256() throws IOException {
        MessageDigest fresh = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), fresh)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(fresh.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
