package dev.tracedesk.ingest.langfuse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.LineReader;

/**
 * A JSON document streamed one record at a time: a top-level array of records ("$[3]"), a list
 * response whose "data" array is read element by element ("$.data[3]"), or one record, e.g. a
 * whole trace with its observations ("$"). Only one record is held at a time.
 *
 * <p>JSON that breaks part way cannot be read past the break: the records before it are kept,
 * the broken one becomes a rejection with its text (up to {@link LineReader#RAW_HEAD_CHARS}
 * characters), and when nothing could be read at all the file is reported unreadable.
 */
final class JsonDocumentLayout {

    private final ImportSource source;
    private final RecordEmitter emitter;
    private String currentLocator = "$";
    private JsonLocation currentStart;

    private JsonDocumentLayout(ImportSource source, RecordEmitter emitter) {
        this.source = source;
        this.emitter = emitter;
    }

    static void read(ImportSource source, RecordEmitter emitter) throws IOException {
        new JsonDocumentLayout(source, emitter).read();
    }

    private void read() throws IOException {
        try (InputStream in = source.openStream(); JsonParser parser = JsonValues.MAPPER.getFactory().createParser(in)) {
            try {
                int rootIndex = 0;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    String root = rootIndex++ == 0 ? "$" : "$(document " + rootIndex + ")";
                    currentLocator = root;
                    currentStart = parser.currentTokenLocation();
                    if (token == JsonToken.START_ARRAY) {
                        array(parser, root);
                    } else if (token == JsonToken.START_OBJECT) {
                        object(parser, root);
                    } else {
                        throw new IOException(source.fileName() + ": expected a JSON object or array of Langfuse records, found "
                                + token.asString() + " at line " + currentStart.getLineNr());
                    }
                }
            } catch (JsonProcessingException broken) {
                brokenAt(broken);
            }
        }
    }

    private void array(JsonParser parser, String path) throws IOException {
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new JsonParseException(parser, "the array ends before its closing ']'");
            }
            emitter.sink().stopIfCancelled();
            currentLocator = path + "[" + index++ + "]";
            currentStart = parser.currentTokenLocation();
            JsonNode element = JsonValues.MAPPER.readTree(parser);
            emitter.record(element == null ? JsonValues.MAPPER.nullNode() : element, currentLocator, line(currentStart), null);
        }
    }

    /**
     * Reads the object field by field: a "data" array is streamed as a list response; otherwise the
     * fields make up one record (a trace with its observations is one record, held whole).
     */
    private void object(JsonParser parser, String path) throws IOException {
        JsonLocation start = currentStart;
        ObjectNode fields = JsonValues.MAPPER.createObjectNode();
        boolean list = false;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                throw new JsonParseException(parser, "the object ends before its closing '}'");
            }
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!list && name.equals("data") && value == JsonToken.START_ARRAY) {
                list = true;
                array(parser, path + ".data");
            } else {
                fields.set(name, value == null ? null : JsonValues.MAPPER.readTree(parser));
            }
        }
        if (!list) {
            emitter.record(fields, path, line(start), null);
        }
    }

    private void brokenAt(JsonProcessingException broken) throws IOException {
        String reason = "the JSON breaks here (" + broken.getOriginalMessage().lines().findFirst().orElse("") + ", at line "
                + broken.getLocation().getLineNr() + " column " + broken.getLocation().getColumnNr()
                + "): nothing after it can be read";
        emitter.reject(currentLocator, line(currentStart), rawTextFrom(currentStart), reason);
        if (emitter.emitted() == 0) {
            throw new IOException(source.fileName() + " is not readable as Langfuse JSON: " + reason);
        }
    }

    /** The broken record's text, read again from the file: the parser has moved past it. */
    private String rawTextFrom(JsonLocation start) throws IOException {
        long offset = start == null ? 0 : Math.max(0, start.getByteOffset());
        try (InputStream in = source.openStream()) {
            in.skipNBytes(offset);
            byte[] head = in.readNBytes(LineReader.RAW_HEAD_CHARS * 4);
            String text = new String(head, StandardCharsets.UTF_8);
            return text.length() > LineReader.RAW_HEAD_CHARS ? text.substring(0, LineReader.RAW_HEAD_CHARS) : text;
        } catch (java.io.EOFException shorterThanThought) {
            return "";
        }
    }

    private static Long line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? null : (long) location.getLineNr();
    }
}
