package dev.tracedesk.ingest.promptfoo;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * The second pass over a results.json: walks to {@code results.results} and hands over its elements
 * one at a time, each read as a small tree. If the JSON breaks inside the array, the results before
 * the break stay handed over and the break becomes a rejection holding the unreadable rest.
 */
final class ResultArrayStreamer {

    static final String ARRAY_PATH = "$.results.results";

    interface ResultHandler {
        void result(JsonNode element, String locator, long lineNumber);
    }

    private ResultArrayStreamer() {
    }

    /** Returns false when the JSON broke inside the array (the break has been rejected). */
    static boolean stream(ImportSource source, RecordSink sink, ResultHandler handler) throws IOException {
        try (InputStream in = source.openStream(); JsonParser parser = JsonValues.MAPPER.createParser(in)) {
            try {
                if (!walkToArray(parser)) {
                    return true;
                }
            } catch (JsonProcessingException e) {
                // the first pass saw the array, so the JSON before it was whole; it changed since
                throw new IOException(source.fileName() + ": the file changed while it was being imported", e);
            }
            int index = 0;
            while (true) {
                sink.stopIfCancelled();
                JsonLocation gap = parser.currentLocation();
                long line = gap.getLineNr();
                JsonNode element;
                try {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        return true;
                    }
                    line = parser.currentTokenLocation().getLineNr();
                    element = token == JsonToken.VALUE_NULL ? NullNode.getInstance() : parser.readValueAsTree();
                } catch (JsonProcessingException e) {
                    rejectBreak(source, sink, e, index, gap.getByteOffset(), line);
                    return false;
                }
                handler.result(element == null ? NullNode.getInstance() : element,
                        ARRAY_PATH + "[" + index + "]", line);
                index++;
            }
        }
    }

    private static boolean walkToArray(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("results") && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = parser.currentName();
                    JsonToken innerValue = parser.nextToken();
                    if (inner.equals("results") && innerValue == JsonToken.START_ARRAY) {
                        return true;
                    }
                    parser.skipChildren();
                }
                return false;
            }
            parser.skipChildren();
        }
        return false;
    }

    private static void rejectBreak(ImportSource source, RecordSink sink, JsonProcessingException e, int index,
                                    long fromOffset, long line) throws IOException {
        RawText.Tail rest = RawText.from(source, fromOffset);
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        sink.reject(new Rejection(ARRAY_PATH + "[" + index + "]", line, rest.text(),
                "the JSON breaks" + where + " (" + e.getOriginalMessage() + "); this result and everything "
                        + "after it could not be read" + rest.note()));
    }
}
