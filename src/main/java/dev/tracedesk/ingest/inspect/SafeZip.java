package dev.tracedesk.ingest.inspect;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.JsonValues;

/**
 * A zip archive checked before anything in it is read, and read through streams that count what
 * they inflate, because headers can lie. The whole archive is refused ({@link UnsafeZipException})
 * for a traversal or absolute entry name, too many entries, a declared size or ratio beyond the
 * limits, or more bytes read in total than allowed; one entry that inflates beyond its limits while
 * being read is refused alone ({@link UnsafeEntryException}).
 *
 * <p>When several members share a name (Inspect re-logging a sample appends it again), the last
 * member is the one read: {@link ZipFile#getEntry} finds the last of equal names, as Python's
 * zipfile does.
 */
final class SafeZip implements Closeable {

    /** The whole archive is unsafe; its message names the file and the reason. */
    static final class UnsafeZipException extends IOException {
        UnsafeZipException(String message) {
            super(message);
        }
    }

    /** One entry turned out unsafe while being read. */
    static final class UnsafeEntryException extends IOException {
        UnsafeEntryException(String message) {
            super(message);
        }
    }

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");

    private final ZipFile zip;
    private final String fileName;
    private final ZipLimits limits;
    private final List<String> names;
    private long bytesInflated;

    private SafeZip(ZipFile zip, String fileName, ZipLimits limits, List<String> names) {
        this.zip = zip;
        this.fileName = fileName;
        this.limits = limits;
        this.names = names;
    }

    static SafeZip open(Path path, String fileName, ZipLimits limits) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException notAZip) {
            throw new IOException(fileName + ": not a readable zip archive (" + notAZip.getMessage()
                    + "); expected an Inspect AI .eval log", notAZip);
        }
        try {
            return new SafeZip(zip, fileName, limits, check(zip, fileName, limits));
        } catch (IOException | RuntimeException refused) {
            zip.close();
            throw refused;
        }
    }

    /** Every entry's name, size and ratio, before any is read; the distinct names in first order. */
    private static List<String> check(ZipFile zip, String fileName, ZipLimits limits) throws IOException {
        if (zip.size() > limits.maxEntries()) {
            throw new UnsafeZipException(fileName + ": unsafe zip refused: " + zip.size()
                    + " entries, more than the limit of " + limits.maxEntries());
        }
        Set<String> names = new LinkedHashSet<>();
        long declaredTotal = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (isTraversal(name)) {
                throw new UnsafeZipException(fileName + ": unsafe zip refused: entry \"" + name
                        + "\" has an absolute path or climbs out of the archive (..)");
            }
            long size = entry.getSize();
            if (size > limits.maxEntryBytes()) {
                throw new UnsafeZipException(fileName + ": unsafe zip refused: entry \"" + name + "\" declares "
                        + size + " bytes uncompressed, more than the limit of " + limits.maxEntryBytes());
            }
            long compressed = entry.getCompressedSize();
            if (size > limits.ratioGraceBytes() && compressed > 0 && (double) size / compressed > limits.maxRatio()) {
                throw new UnsafeZipException(fileName + ": unsafe zip refused: entry \"" + name
                        + "\" declares a compression ratio of " + (size / compressed) + " to 1 (limit "
                        + (long) limits.maxRatio() + "), as a zip bomb does");
            }
            declaredTotal += Math.max(0, size);
            if (declaredTotal > limits.maxTotalBytes()) {
                throw new UnsafeZipException(fileName + ": unsafe zip refused: its entries declare more than "
                        + limits.maxTotalBytes() + " bytes uncompressed in total");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static boolean isTraversal(String name) {
        if (name.startsWith("/") || name.startsWith("\\") || DRIVE_LETTER.matcher(name).matches()
                || name.indexOf('\0') >= 0) {
            return true;
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** The distinct entry names, in the order they first appear. */
    List<String> names() {
        return names;
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** The entry (the last member of that name) parsed as JSON, read within the limits. */
    JsonNode readTree(String name) throws IOException {
        try (InputStream in = open(name)) {
            JsonNode tree = JsonValues.MAPPER.readTree(in);
            return tree == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : tree;
        }
    }

    /** At most {@code maxBytes} of the entry's start, as text (for a rejection's raw text). */
    String head(String name, int maxBytes) {
        ZipEntry entry = zip.getEntry(name);
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    InputStream open(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException(fileName + ": no entry " + name);
        }
        return new CountingStream(zip.getInputStream(entry), entry);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Counts the bytes an entry inflates to and stops it at the first one beyond the limits. */
    private final class CountingStream extends FilterInputStream {
        private final ZipEntry entry;
        private long count;

        CountingStream(InputStream in, ZipEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            bytesInflated += n;
            if (bytesInflated > limits.maxTotalBytes()) {
                throw new UnsafeZipException(fileName + ": unsafe zip refused: more than "
                        + limits.maxTotalBytes() + " bytes inflated in total");
            }
            if (count > limits.maxEntryBytes()) {
                throw new UnsafeEntryException("entry inflates to more than " + limits.maxEntryBytes()
                        + " bytes (it declares " + entry.getSize() + ")");
            }
            long compressed = entry.getCompressedSize();
            if (count > limits.ratioGraceBytes() && compressed > 0 && (double) count / compressed > limits.maxRatio()) {
                throw new UnsafeEntryException("entry inflates more than " + (long) limits.maxRatio()
                        + " times its compressed size of " + compressed + " bytes, as a zip bomb does");
            }
        }
    }
}
