package dev.tracedesk.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a stream line by line as bytes, so each line is checked for valid UTF-8 on its own and a
 * bad line costs only that line. Line numbers are 1-based. A UTF-8 byte-order mark is skipped.
 * A line of plain ASCII (most JSONL: JSON encoders escape the rest) skips the UTF-8 decoder, and
 * its bytes are offered as they are ({@link #asciiBytes()}) to a reader that parses bytes.
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
    /** The line last returned, when it was plain ASCII; null otherwise. */
    private AsciiBytes ascii;

    /** Reads 8 bytes at a time as one long, to test them for ASCII together. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

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

    /**
     * The bytes of a plain ASCII line: each byte is one char of its text, so byte offsets in
     * them are char offsets in the text. They belong to the reader: valid until the next line.
     */
    public record AsciiBytes(byte[] array, int offset, int length) {
    }

    /**
     * The bytes of the line last returned by {@link #next()} when it was plain ASCII (and so also
     * valid UTF-8); null when it was not, or had a problem.
     */
    public AsciiBytes asciiBytes() {
        return ascii;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        ascii = null;
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
            int end = indexOfNewline(chunk, chunkPosition, chunkLimit);
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
        if (isAscii(buffer, start, length)) {
            // ASCII is UTF-8 as it is: no decoder needed, and a Latin-1 string is a plain copy
            ascii = new AsciiBytes(buffer, start, length - start);
            return new Line(lineNumber, new String(buffer, start, length - start, StandardCharsets.ISO_8859_1), null, null);
        }
        try {
            String text = decoder.decode(ByteBuffer.wrap(buffer, start, length - start)).toString();
            return new Line(lineNumber, text, null, null);
        } catch (CharacterCodingException e) {
            return new Line(lineNumber, null, "invalid UTF-8 at byte " + (firstBadByte(start, length) + 1)
                    + " of the line", lenientHead(start, length));
        }
    }

    /**
     * Where the first '\n' from start is, or end when there is none. Looks at 8 bytes per step:
     * a byte of the long XOR "\n\n\n\n\n\n\n\n" is zero where a newline is, and the usual
     * has-a-zero-byte test finds one; the bytes of the step with one are then looked at in turn.
     */
    static int indexOfNewline(byte[] bytes, int start, int end) {
        int position = start;
        for (; position + Long.BYTES <= end; position += Long.BYTES) {
            long newlinesZeroed = (long) LONGS.get(bytes, position) ^ NEWLINES;
            if (((newlinesZeroed - LOW_BITS) & ~newlinesZeroed & HIGH_BITS) != 0) {
                break;
            }
        }
        while (position < end && bytes[position] != '\n') {
            position++;
        }
        return position;
    }

    /** Whether no byte from start to end has its high bit set; 8 bytes per step. */
    static boolean isAscii(byte[] bytes, int start, int end) {
        int position = start;
        long highBits = 0;
        for (; position + Long.BYTES <= end; position += Long.BYTES) {
            highBits |= (long) LONGS.get(bytes, position);
        }
        for (; position < end; position++) {
            highBits |= bytes[position];
        }
        return (highBits & HIGH_BITS) == 0;
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
