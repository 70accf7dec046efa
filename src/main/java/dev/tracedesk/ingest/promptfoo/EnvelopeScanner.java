package dev.tracedesk.ingest.promptfoo;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * The first pass over a results.json: reads the envelope (evalId, results.version, timestamp,
 * prompts, stats, config, metadata) as small trees and skips the results array token by token, so
 * memory stays flat however many results there are. A break in the JSON ends the pass; what was
 * read before it is kept, and where it broke is noted for the second pass to report.
 */
final class EnvelopeScanner {

    private JsonParser parser;
    private final PromptfooEnvelope envelope = new PromptfooEnvelope();
    private String partPath = "$";
    private long partStartOffset;
    private long partStartLine = 1;

    private EnvelopeScanner() {
    }

    /** Throws when the content is no JSON object at all (empty, another format, broken at once). */
    static PromptfooEnvelope scan(ImportSource source) throws IOException {
        return new EnvelopeScanner().run(source);
    }

    private PromptfooEnvelope run(ImportSource source) throws IOException {
        try (InputStream in = source.openStream(); JsonParser opened = JsonValues.MAPPER.createParser(in)) {
            parser = opened;
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (JsonProcessingException e) {
                throw new IOException(source.fileName() + ": not a promptfoo results.json, expected a JSON "
                        + "object but the content is not JSON (" + e.getOriginalMessage() + ")", e);
            }
            if (first == null) {
                throw new IOException(source.fileName() + ": the file is empty, expected a promptfoo "
                        + "results.json (a JSON object with evalId and results)");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IOException(source.fileName() + ": not a promptfoo results.json, expected a JSON "
                        + "object but the content starts with " + describe(first));
            }
            try {
                readTopLevel();
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                envelope.jsonBreak = new PromptfooEnvelope.JsonBreak(partPath, at.getLineNr(), at.getColumnNr(),
                        partStartOffset, partStartLine, e.getOriginalMessage());
            }
        }
        return envelope;
    }

    private void readTopLevel() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            startPart("$." + name);
            JsonToken value = parser.nextToken();
            switch (name) {
                case "evalId" -> envelope.evalId = value.isScalarValue() && value != JsonToken.VALUE_NULL
                        ? parser.getValueAsString() : null;
                case "results" -> {
                    if (value == JsonToken.START_OBJECT) {
                        envelope.sawResultsObject = true;
                        readResults();
                    } else {
                        parser.skipChildren();
                    }
                }
                case "config" -> envelope.config = parser.readValueAsTree();
                case "metadata" -> envelope.metadata = parser.readValueAsTree();
                default -> parser.skipChildren();
            }
            startPart("$");
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "unexpected " + describe(token) + " at the top level");
        }
    }

    private void readResults() throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            startPart("$.results." + name);
            JsonToken value = parser.nextToken();
            switch (name) {
                case "version" -> envelope.version = PromptfooResultMapper.integer(parser.readValueAsTree());
                case "timestamp" -> envelope.timestamp = value.isScalarValue() && value != JsonToken.VALUE_NULL
                        ? parser.getValueAsString() : null;
                case "prompts" -> envelope.prompts = parser.readValueAsTree();
                case "stats" -> envelope.stats = parser.readValueAsTree();
                case "results" -> {
                    envelope.sawResultsArray = value == JsonToken.START_ARRAY;
                    parser.skipChildren();
                }
                case "table" -> {
                    envelope.sawTable = true;
                    if (value == JsonToken.START_OBJECT) {
                        readTable();
                    } else {
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
    }

    /** v2 keeps its prompt list in the table head; the table body repeats the results and is skipped. */
    private void readTable() throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("head")) {
                JsonNode head = parser.readValueAsTree();
                envelope.tablePrompts = head == null ? null : head.get("prompts");
            } else {
                parser.skipChildren();
            }
        }
    }

    private void startPart(String path) {
        JsonLocation at = parser.currentTokenLocation();
        partPath = path;
        partStartOffset = at.getByteOffset();
        partStartLine = at.getLineNr();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_NULL -> "null";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }
}
