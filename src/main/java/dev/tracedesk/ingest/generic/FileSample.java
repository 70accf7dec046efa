package dev.tracedesk.ingest.generic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.CsvRecordReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.LineReader;
import dev.tracedesk.ingest.source.Sniff;

/**
 * The first records of a generic log, read for the mapping dialog: the file's shape (told from the
 * content as the import tells it), the fields found in those records, and the records themselves,
 * parsed as the import parses them. Only the head of the file is read, so a log of gigabytes opens
 * at once.
 */
public final class FileSample {

    /** Records read for the preview. */
    public static final int RECORDS = 20;
    /** Enough text for twenty ordinary records; a few huge ones end the sample early instead of filling memory. */
    static final long MAX_SAMPLE_CHARS = 4_000_000;
    /** A JSONL record with thousands of keys would make an unusable list; these are plenty to map from. */
    static final int MAX_FIELDS = 500;
    private static final int EXAMPLE_CHARS = 60;

    public enum Shape {
        JSONL("JSON Lines"), CSV("CSV");

        private final String label;

        Shape(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A field found in the sample.
     *
     * @param source    what a mapping names: a JSON pointer ("/usage/prompt_tokens") or a CSV column
     * @param example   the first value seen, shortened; "[2 items]" or "{3 fields}" for a list or object
     * @param container true for a JSON object or array, which only inputMessages and parameters take whole
     */
    public record FoundField(String source, String example, boolean container) {
    }

    private final String fileName;
    private final Shape shape;
    private final List<FoundField> fields;
    private final List<GenericRecord> records;
    private final boolean wholeFile;

    private FileSample(String fileName, Shape shape, List<FoundField> fields, List<GenericRecord> records, boolean wholeFile) {
        this.fileName = fileName;
        this.shape = shape;
        this.fields = List.copyOf(fields);
        this.records = List.copyOf(records);
        this.wholeFile = wholeFile;
    }

    /** Reads the head of {@code file}; an exception's message says, in words, why it cannot be mapped. */
    public static FileSample read(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException("Cannot read " + file + ": " + (Files.exists(file) ? "it is a folder or not readable"
                    : "there is no such file") + ".");
        }
        ImportSource source = ImportSource.of(file);
        Sniff sniff = Sniff.of(source);
        if (sniff.isZip() || sniff.looksBinary()) {
            throw new IOException(file + " is not a text file: a log to map is JSON Lines or CSV (gzip is fine).");
        }
        if (sniff.isEmpty()) {
            throw new IOException(file + " is empty: there are no records to map.");
        }
        // The import tells the two shapes apart the same way (ImportService).
        if (sniff.firstLineIsJsonObject()) {
            return readJsonLines(source);
        }
        if (sniff.startsWith('{') || sniff.startsWith('[')) {
            throw new IOException(file + ", line " + firstNonBlankLine(sniff.headText()) + ": the first record is not"
                    + " one JSON object on one line within the first 64 KB. A JSONL log has one JSON object per"
                    + " line; a pretty-printed JSON document or a JSON array cannot be mapped.");
        }
        return readCsv(source);
    }

    public String fileName() {
        return fileName;
    }

    public Shape shape() {
        return shape;
    }

    /** In the order first seen: the header's order for CSV, document order for JSONL. */
    public List<FoundField> fields() {
        return fields;
    }

    List<GenericRecord> records() {
        return records;
    }

    public int recordCount() {
        return records.size();
    }

    /** True when the sample is the whole file, not only its head. */
    public boolean wholeFile() {
        return wholeFile;
    }

    private static FileSample readJsonLines(ImportSource source) throws IOException {
        List<GenericRecord> records = new ArrayList<>();
        Map<String, FoundField> fields = new LinkedHashMap<>();
        boolean wholeFile;
        try (InputStream in = source.openStream()) {
            LineReader lines = new LineReader(in);
            SampleBudget budget = new SampleBudget();
            LineReader.Line line = null;
            while (budget.wantsMore(records) && (line = lines.next()) != null) {
                GenericRecord record = GenericRecord.ofJsonLine(line);
                if (record != null) {
                    records.add(record);
                    budget.spend(record);
                    if (!record.rejected()) {
                        collectPointers("", record.json(), fields);
                    }
                }
            }
            // No peeking past the sample: the next line could be hundreds of megabytes.
            wholeFile = line == null;
        }
        return new FileSample(source.fileName(), Shape.JSONL, new ArrayList<>(fields.values()), records, wholeFile);
    }

    private static FileSample readCsv(ImportSource source) throws IOException {
        List<GenericRecord> records = new ArrayList<>();
        List<FoundField> fields = new ArrayList<>();
        boolean wholeFile;
        try (InputStream in = source.openStream()) {
            CsvRecordReader reader = new CsvRecordReader(in);
            CsvRecordReader.CsvRecord header = reader.next();
            if (header == null || !header.ok()) {
                throw new IOException(source.path() + ", line 1: the header row cannot be read"
                        + (header == null ? "" : " (" + header.problem() + ")") + ".");
            }
            if (header.fields().size() < 2) {
                throw new IOException(source.path() + ", line 1: this is neither JSON Lines nor CSV with a header row"
                        + " of column names (found one column, \"" + shorten(header.fields().get(0)) + "\").");
            }
            List<String> columns = header.fields();
            SampleBudget budget = new SampleBudget();
            CsvRecordReader.CsvRecord row = null;
            while (budget.wantsMore(records) && (row = reader.next()) != null) {
                GenericRecord record = GenericRecord.ofCsvRow(columns, row);
                if (record != null) {
                    records.add(record);
                    budget.spend(record);
                }
            }
            wholeFile = row == null;
            for (String column : columns) {
                fields.add(new FoundField(column, firstValue(column, records), false));
            }
        }
        return new FileSample(source.fileName(), Shape.CSV, fields, records, wholeFile);
    }

    /**
     * Every value's pointer, containers included (inputMessages and parameters take a whole list
     * or object). Of a list only the first element is walked: "/choices/0/message/content" is what
     * one maps, the same path under /choices/1 is rarely wanted and would crowd the list.
     */
    private static void collectPointers(String at, JsonNode node, Map<String, FoundField> fields) {
        if (fields.size() >= MAX_FIELDS) {
            return;
        }
        if (!at.isEmpty() && !fields.containsKey(at)) {
            fields.put(at, new FoundField(at, example(node), node.isContainerNode()));
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                collectPointers(at + "/" + escape(entry.getKey()), entry.getValue(), fields);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            collectPointers(at + "/0", node.get(0), fields);
        }
    }

    /** JSON pointer escaping (RFC 6901): "~" is "~0" and "/" is "~1" inside a key. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String example(JsonNode node) {
        if (node.isArray()) {
            return "[" + node.size() + (node.size() == 1 ? " item]" : " items]");
        }
        if (node.isObject()) {
            return "{" + node.size() + (node.size() == 1 ? " field}" : " fields}");
        }
        return node.isNull() ? "null" : shorten(node.asText());
    }

    private static String firstValue(String column, List<GenericRecord> records) {
        return records.stream().filter(record -> !record.rejected() && record.json().has(column))
                .map(record -> shorten(record.json().get(column).asText())).findFirst().orElse("");
    }

    private static String shorten(String text) {
        return shorten(text, EXAMPLE_CHARS);
    }

    /** On one line, at most {@code max} characters. */
    static String shorten(String text, int max) {
        // Cut before collapsing white space: a value can be megabytes long.
        String head = text.length() > 4 * max ? text.substring(0, 4 * max) : text;
        String oneLine = head.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max && head == text ? oneLine
                : oneLine.substring(0, Math.min(oneLine.length(), max - 1)) + "…";
    }

    private static int firstNonBlankLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i + 1;
            }
        }
        return 1;
    }

    /** Stops the sample at {@link #RECORDS} records, or earlier when they hold more text than memory should. */
    private static final class SampleBudget {
        private long chars;

        boolean wantsMore(List<GenericRecord> records) {
            return records.size() < RECORDS && chars < MAX_SAMPLE_CHARS;
        }

        void spend(GenericRecord record) {
            chars += record.rawText() == null ? 0 : record.rawText().length();
        }
    }
}
