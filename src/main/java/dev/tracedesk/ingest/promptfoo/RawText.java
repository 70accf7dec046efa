package dev.tracedesk.ingest.promptfoo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.tracedesk.ingest.source.ImportSource;

/**
 * The text of a JSON file from a byte offset on, for the rejection of a record the parser could not
 * finish (a truncated file, a broken token). What follows a break is unreadable JSON, so it is kept
 * as it is: whole when it is small, its head when not.
 */
final class RawText {

    static final int MAX_BYTES = 1024 * 1024;

    private RawText() {
    }

    record Tail(String text, long totalBytes, boolean cut) {
        /** Words for the rejection reason when only the head was kept. */
        String note() {
            return cut ? " (the first " + MAX_BYTES + " of " + totalBytes + " bytes are kept)" : "";
        }
    }

    static Tail from(ImportSource source, long byteOffset) throws IOException {
        try (InputStream in = source.openStream()) {
            in.skipNBytes(Math.max(0, byteOffset));
            byte[] head = in.readNBytes(MAX_BYTES);
            long rest = 0;
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                rest += n;
            }
            String text = new String(head, StandardCharsets.UTF_8).strip();
            while (text.startsWith(",")) {
                text = text.substring(1).strip();
            }
            return new Tail(text, head.length + rest, rest > 0);
        } catch (java.io.EOFException offsetBeyondEnd) {
            return new Tail("", 0, false);
        }
    }
}
