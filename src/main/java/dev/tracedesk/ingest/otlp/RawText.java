package dev.tracedesk.ingest.otlp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.LineReader;

/**
 * The text of a document from where reading broke, for the rejected record: a streamed document
 * is not kept in memory, so it is read again from that offset. Kept to the head that a line
 * reader keeps of an over-long line, so a break early in a huge file cannot fill memory.
 */
final class RawText {

    private RawText() {
    }

    /**
     * What can be read from the start offset to the end offset (-1: as far as the cap allows); a
     * stream that breaks again (truncated gzip) gives what came before.
     */
    static String from(ImportSource source, long offset, long end) {
        int cap = end < 0 ? LineReader.RAW_HEAD_CHARS : (int) Math.min(Integer.MAX_VALUE - 16, Math.max(0, end - offset));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = source.openStream()) {
            if (offset > 0) {
                in.skipNBytes(offset);
            }
            byte[] buffer = new byte[8192];
            int read;
            while (bytes.size() < cap && (read = in.read(buffer, 0, Math.min(buffer.length, cap - bytes.size()))) > 0) {
                bytes.write(buffer, 0, read);
            }
        } catch (IOException brokenAgain) {
            // keep what was read before the stream broke
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
