package dev.tracedesk.ingest.otlp;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParser;

import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.Sniff;

/**
 * Whether an OTLP file is JSON Lines (the Collector file exporter: one envelope per line) or one
 * JSON document, possibly pretty-printed over many lines. Lines are read one by one so a bad line
 * costs only itself; a document is streamed.
 */
enum OtlpLayout {
    LINES,
    DOCUMENT;

    /** A first line longer than this is not held as a line: the content is streamed as a document. */
    static final long LONGEST_LINE_HELD = 32L * 1024 * 1024;

    /**
     * JSON Lines when the first non-blank line is a whole JSON value on its own, or when the next
     * one is (a JSONL file whose first line is broken); a first line longer than the sniff window
     * is a JSONL line too when it ends within {@link #LONGEST_LINE_HELD} (a pretty-printed document
     * is never that wide), and otherwise a compact document on one line, streamed.
     *
     * @throws IOException naming the file when it is empty or does not start like JSON
     */
    static OtlpLayout of(ImportSource source) throws IOException {
        byte[] head;
        try (InputStream in = source.openStream()) {
            head = in.readNBytes(Sniff.WINDOW_BYTES);
        }
        int start = skipBlank(head, bomLength(head));
        if (start >= head.length) {
            throw new IOException(source.fileName() + " is empty; expected OTLP/JSON (resourceSpans or resourceLogs)");
        }
        if (head[start] == '[') {
            return DOCUMENT;
        }
        if (head[start] != '{') {
            throw new IOException(source.fileName() + " is not OTLP/JSON: it does not start with a JSON object");
        }
        int end = lineEnd(head, start);
        if (end >= head.length) {
            return firstLineEndsWithin(source, LONGEST_LINE_HELD) ? LINES : DOCUMENT;
        }
        if (isWholeValue(head, start, end)) {
            return LINES;
        }
        int next = skipBlank(head, end);
        int nextEnd = lineEnd(head, next);
        return nextEnd < head.length && isWholeValue(head, next, nextEnd) ? LINES : DOCUMENT;
    }

    /**
     * Whether the content has a line break (or ends) within the first {@code limit} bytes: a JSONL
     * file with long lines does, a compact document of hundreds of MB on one line does not and is
     * streamed instead of held as one line.
     */
    private static boolean firstLineEndsWithin(ImportSource source, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long seen = 0;
        try (InputStream in = source.openStream()) {
            int read;
            while (seen < limit && (read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        return true;
                    }
                }
                seen += read;
            }
            return seen < limit;
        }
    }

    private static boolean isWholeValue(byte[] head, int start, int end) {
        try (JsonParser parser = JsonValues.MAPPER.getFactory().createParser(head, start, end - start)) {
            parser.nextToken();
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException | RuntimeException notWhole) {
            return false;
        }
    }

    private static int bomLength(byte[] head) {
        boolean bom = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
        return bom ? 3 : 0;
    }

    private static int skipBlank(byte[] head, int from) {
        int position = from;
        while (position < head.length && (head[position] == ' ' || head[position] == '\t'
                || head[position] == '\r' || head[position] == '\n')) {
            position++;
        }
        return position;
    }

    private static int lineEnd(byte[] head, int from) {
        int position = from;
        while (position < head.length && head[position] != '\n') {
            position++;
        }
        return position;
    }
}
