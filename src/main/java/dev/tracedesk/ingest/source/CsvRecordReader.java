package dev.tracedesk.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: comma-separated fields, double quotes around fields that hold commas, quotes
 * or line breaks, a doubled quote for a quote inside, CRLF or LF between records. It works on bytes
 * (every delimiter is ASCII, so UTF-8 cannot hide one) and decodes each record on its own, so one
 * record of invalid UTF-8 costs that record only. A UTF-8 byte-order mark is skipped.
 *
 * <p>Memory is bounded by the longest record: a record longer than the limit (an unterminated
 * quote that swallows the rest of the file, say) is reported with its head, not held whole.
 */
public final class CsvRecordReader {

    public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;
    private static final int RAW_HEAD_BYTES = 64 * 1024;

    /**
     * One record: its fields, or why it has none.
     *
     * @param lineNumber the 1-based line the record starts on
     * @param rawText    the record as it was in the file (its head only when over-long)
     * @param fields     the fields; when there is a problem, those read before it (or null)
     */
    public record CsvRecord(long lineNumber, List<String> fields, String rawText, String problem) {
        public boolean ok() {
            return problem == null;
        }

        public boolean isBlank() {
            return ok() && fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    private final InputStream in;
    private final int maxRecordBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;

    public CsvRecordReader(InputStream in) {
        this(in, DEFAULT_MAX_RECORD_BYTES);
    }

    public CsvRecordReader(InputStream in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Splits one line of text (a header sniffed from a file head); an open quote runs to the end. */
    public static List<String> splitLenient(String text) {
        try {
            CsvRecordReader reader = new CsvRecordReader(
                    new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            CsvRecord record = reader.next();
            return record == null || record.fields() == null ? List.of() : record.fields();
        } catch (IOException impossible) {
            return List.of();
        }
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        if (peek() < 0) {
            return null;
        }
        long startLine = line;
        HeadBuffer raw = new HeadBuffer();
        List<byte[]> fieldBytes = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        boolean quoted = false;
        boolean fieldStart = true;
        boolean tooLong = false;
        long recordBytes = 0;
        while (true) {
            int b = read();
            if (b < 0) {
                if (quoted) {
                    fieldBytes.add(field.toByteArray());
                    List<String> partial = fieldBytes.stream()
                            .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
                    return new CsvRecord(startLine, tooLong ? null : partial, rawText(raw),
                            "the quoted field opened on this record is never closed; the file ends inside it");
                }
                break;
            }
            recordBytes++;
            raw.write(b);
            if (recordBytes > maxRecordBytes && !tooLong) {
                tooLong = true;
                raw.keepHeadOnly();
                field.reset();
                fieldBytes.clear();
            }
            if (b == '\n') {
                line++;
            }
            if (quoted) {
                if (b == '"') {
                    if (peek() == '"') {
                        read();
                        recordBytes++;
                        raw.write('"');
                        append(field, '"', tooLong);
                    } else {
                        quoted = false;
                    }
                } else {
                    append(field, b, tooLong);
                }
            } else if (b == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (b == ',') {
                addField(fieldBytes, field, tooLong);
                fieldStart = true;
            } else if (b == '\n') {
                break;
            } else if (b == '\r' && peek() == '\n') {
                // the LF that follows ends the record
            } else {
                append(field, b, tooLong);
                fieldStart = false;
            }
        }
        if (tooLong) {
            return problem(startLine, raw, "the record is " + recordBytes + " bytes, longer than the "
                    + maxRecordBytes + "-byte limit");
        }
        addField(fieldBytes, field, false);
        return decode(startLine, raw, fieldBytes);
    }

    private CsvRecord decode(long startLine, HeadBuffer raw, List<byte[]> fieldBytes) {
        List<String> fields = new ArrayList<>(fieldBytes.size());
        try {
            for (byte[] bytes : fieldBytes) {
                fields.add(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString());
            }
        } catch (CharacterCodingException e) {
            return problem(startLine, raw, "the record is not valid UTF-8");
        }
        return new CsvRecord(startLine, List.copyOf(fields), rawText(raw), null);
    }

    private static CsvRecord problem(long startLine, HeadBuffer raw, String reason) {
        return new CsvRecord(startLine, null, rawText(raw), reason);
    }

    private static String rawText(HeadBuffer raw) {
        String text = raw.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
        }
        return text;
    }

    private static void append(ByteArrayOutputStream field, int b, boolean skipping) {
        if (!skipping) {
            field.write(b);
        }
    }

    private static void addField(List<byte[]> fields, ByteArrayOutputStream field, boolean skipping) {
        if (!skipping) {
            fields.add(field.toByteArray());
        }
        field.reset();
    }

    private void skipByteOrderMark() throws IOException {
        if (fill() && limit - position >= 3 && (chunk[position] & 0xff) == 0xEF
                && (chunk[position + 1] & 0xff) == 0xBB && (chunk[position + 2] & 0xff) == 0xBF) {
            position += 3;
        }
    }

    private int read() throws IOException {
        return fill() ? chunk[position++] & 0xff : -1;
    }

    private int peek() throws IOException {
        return fill() ? chunk[position] & 0xff : -1;
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int n = in.readNBytes(chunk, 0, chunk.length);
        position = 0;
        limit = Math.max(n, 0);
        return limit > 0;
    }

    /** The record's bytes as read; once it is known to be over-long, only its head. */
    private static final class HeadBuffer extends ByteArrayOutputStream {
        private boolean headOnly;

        void keepHeadOnly() {
            headOnly = true;
            count = Math.min(count, RAW_HEAD_BYTES);
            buf = java.util.Arrays.copyOf(buf, RAW_HEAD_BYTES);
        }

        @Override
        public synchronized void write(int b) {
            if (!headOnly || count < RAW_HEAD_BYTES) {
                super.write(b);
            }
        }
    }
}
