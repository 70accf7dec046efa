package dev.tracedesk.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a stream line by line as bytes, so each line is checked for valid UTF-8 on its own and a
 * bad line costs only that line. Line numbers are 1-based. A UTF-8 byte-order mark is skipped.
 */
public final class LineReader {

    /** Longer lines are skipped (and reported) rather than held in memory whole. */
    public static final int DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024;
    /** How much of an over-long or undecodable line is kept as its raw text. */
    public static final int RAW_HEAD_CHARS = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[8192];
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPosition;
    private int chunkLimit;
    private long lineNumber;
    private boolean first = true;

    public LineReader(InputStream in) {
        this(in, DEFAULT_MAX_LINE_BYTES);
    }

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** One line: its text, or why it has none. */
    public record Line(long number, String text, String problem, String rawHead) {
        public boolean ok() {
            return problem == null;
        }

        public boolean isBlank() {
            return ok() && text.isBlank();
        }
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        long totalBytes = 0;
        boolean any = false;
        boolean endOfLine = false;
        while (!endOfLine) {
            if (chunkPosition == chunkLimit) {
                chunkLimit = in.read(chunk, 0, chunk.length);
                chunkPosition = 0;
                if (chunkLimit <= 0) {
                    chunkLimit = 0;
                    break;
                }
            }
            any = true;
            int end = chunkPosition;
            while (end < chunkLimit && chunk[end] != '\n') {
                end++;
            }
            int count = end - chunkPosition;
            totalBytes += count;
            int room = maxLineBytes - length;
            int take = Math.min(count, room);
            if (take < count) {
                tooLong = true;
            }
            if (take > 0) {
                ensureCapacity(length + take);
                System.arraycopy(chunk, chunkPosition, buffer, length, take);
                length += take;
            }
            endOfLine = end < chunkLimit;
            chunkPosition = endOfLine ? end + 1 : end;
        }
        if (!any) {
            return null;
        }
        lineNumber++;
        int start = 0;
        if (first) {
            first = false;
            if (length >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
                start = 3;
            }
        }
        if (length > start && buffer[length - 1] == '\r') {
            length--;
        }
        if (tooLong) {
            return new Line(lineNumber, null, "line is " + totalBytes + " bytes, longer than the "
                    + maxLineBytes + "-byte limit", lenientHead(start, length));
        }
        try {
            String text = decoder.decode(ByteBuffer.wrap(buffer, start, length - start)).toString();
            return new Line(lineNumber, text, null, null);
        } catch (CharacterCodingException e) {
            return new Line(lineNumber, null, "invalid UTF-8 at byte " + (firstBadByte(start, length) + 1)
                    + " of the line", lenientHead(start, length));
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max((long) buffer.length * 2, needed), maxLineBytes));
        }
    }

    private String lenientHead(int start, int end) {
        String text = new String(buffer, start, end - start, StandardCharsets.UTF_8);
        return text.length() > RAW_HEAD_CHARS ? text.substring(0, RAW_HEAD_CHARS) : text;
    }

    private int firstBadByte(int start, int end) {
        CharsetDecoder probe = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(buffer, start, end - start);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(end - start + 1);
        probe.decode(bytes, chars, true);
        return bytes.position() - start;
    }
}
