package dev.tracedesk.ingest.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.Sniff;

/**
 * An Inspect AI {@code .json} eval log: one EvalLog object whose {@code samples} array can be
 * hundreds of MB. Read in two streaming passes, so memory holds one sample at a time whatever the
 * file size and wherever the header fields stand: the first pass keeps every top-level field but
 * {@code samples} and {@code reductions} (the header, which makes the run); the second reads the
 * samples one by one. Reductions are skipped: they are the per-sample scores reduced over epochs,
 * which the samples themselves carry.
 */
public final class InspectJsonReader implements FormatReader {

    /** Most of a broken tail kept as a rejection's raw text. */
    static final int MAX_RAW_BYTES = 8 * 1024 * 1024;
    private static final Set<String> NOT_HEADER = Set.of("samples", "reductions");

    @Override
    public ImportFormat format() {
        return ImportFormat.INSPECT_JSON;
    }

    @Override
    public int confidence(Sniff sniff) {
        Set<String> keys = sniff.topLevelKeys();
        if (!keys.contains("version") || !keys.contains("eval")) {
            return 0;
        }
        return keys.contains("samples") || keys.contains("results") || keys.contains("status") ? 100 : 80;
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        InspectRun run = InspectRun.of(readHeader(source), source.fileName());
        sink.evalRun(run.toEvalRun());
        readSamples(source, new InspectSamples(run), sink);
    }

    /** Pass 1: every top-level field but the samples. A break after the eval header is left to pass 2. */
    private ObjectNode readHeader(ImportSource source) throws IOException {
        ObjectNode header = JsonValues.MAPPER.createObjectNode();
        try (InputStream in = source.openStream(); JsonParser parser = JsonValues.MAPPER.createParser(in)) {
            startObject(parser, source);
            try {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (NOT_HEADER.contains(name)) {
                        parser.skipChildren();
                    } else {
                        header.set(name, JsonValues.MAPPER.readTree(parser));
                    }
                }
            } catch (JsonProcessingException broken) {
                if (!header.has("eval")) {
                    throw new IOException(source.fileName() + ": the JSON breaks before the Inspect eval header "
                            + "could be read, " + where(broken.getLocation()) + ": " + broken.getOriginalMessage(),
                            broken);
                }
            }
        }
        return header;
    }

    private static void startObject(JsonParser parser, ImportSource source) throws IOException {
        JsonToken first;
        try {
            first = parser.nextToken();
        } catch (JsonProcessingException notJson) {
            throw new IOException(source.fileName() + ": not JSON (" + notJson.getOriginalMessage()
                    + "); expected an Inspect AI eval log, one JSON object with version and eval", notJson);
        }
        if (first == null) {
            throw new IOException(source.fileName() + ": the file is empty; expected an Inspect AI eval log, "
                    + "one JSON object with version and eval");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new IOException(source.fileName() + ": the file holds a JSON " + first.asString()
                    + " at the top; expected an Inspect AI eval log, one JSON object with version and eval");
        }
    }

    /** Pass 2: the samples, one tree each. A break ends the pass, its remainder kept as one rejection. */
    private void readSamples(ImportSource source, InspectSamples samples, RecordSink sink) throws IOException {
        String locator = "$";
        JsonLocation start = null;
        try (InputStream in = source.openStream(); JsonParser parser = JsonValues.MAPPER.createParser(in)) {
            try {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    locator = "$." + name;
                    JsonToken value = parser.nextToken();
                    start = parser.currentTokenLocation();
                    if (name.equals("samples") && value == JsonToken.START_ARRAY) {
                        int index = 0;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            sink.stopIfCancelled();
                            locator = "$.samples[" + index + "]";
                            start = parser.currentTokenLocation();
                            JsonNode sample = JsonValues.MAPPER.readTree(parser);
                            samples.emit(sample == null ? NullNode.getInstance() : sample, locator,
                                    (long) start.getLineNr(), index, sink);
                            index++;
                        }
                    } else if (name.equals("samples") && value != JsonToken.VALUE_NULL) {
                        JsonNode notArray = JsonValues.MAPPER.readTree(parser);
                        sink.reject(new Rejection(locator, (long) start.getLineNr(), notArray.toString(),
                                "samples is a JSON " + notArray.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                                        + " where an array of EvalSample objects belongs"));
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (JsonProcessingException broken) {
                long offset = start == null ? 0 : Math.max(0, start.getByteOffset());
                sink.reject(new Rejection(locator, start == null ? null : (long) start.getLineNr(),
                        rawFrom(source, offset),
                        "the JSON breaks " + where(broken.getLocation()) + " (" + broken.getOriginalMessage()
                                + "); nothing from here to the end of the file could be read"));
            }
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The file's content from a byte offset to its end (at most MAX_RAW_BYTES), decoded leniently. */
    static String rawFrom(ImportSource source, long offset) throws IOException {
        try (InputStream in = source.openStream()) {
            in.skipNBytes(offset);
            byte[] bytes = in.readNBytes(MAX_RAW_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (java.io.EOFException shorterThanBefore) {
            return "";
        }
    }
}
