package dev.tracedesk.ingest.otlp;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Streams through OTLP/JSON envelopes ({@code TracesData} / {@code LogsData} /
 * {@code Export…ServiceRequest}) — resourceSpans → scopeSpans → spans, resourceLogs → scopeLogs →
 * logRecords — and hands over one record at a time (a span read straight into a {@link RawSpan}, a
 * log record as a small JSON tree), so a file of any size is read in constant memory. Field names
 * in camelCase or snake_case; the pre-1.0 instrumentationLibrary* names too. Each resource block
 * is read by a {@link ResourceBlock}. A root object that is no envelope but a span as the Python
 * SDK prints it is read too ({@link ConsoleSpans}).
 */
final class OtlpEnvelopeWalker {

    enum Signal { SPANS, LOGS }

    /** What the walker finds, record by record. */
    interface Visitor {
        void span(RawSpan span, ResourceScope context, Position where);

        void logRecord(ObjectNode record, ResourceScope context, Position where);

        /** A list element that should be an object and is not ({@code null}, a number, …). */
        void notAnObject(Signal signal, JsonNode value, Position where);

        /** A signal Tracedesk does not import (metrics, profiles), kept as one rejected record. */
        void unsupported(String signalKey, JsonNode value, Position where);
    }

    /**
     * Where a record is: element {@code index} of the list at {@code listPath} (-1: the list
     * itself), starting on {@code line} of the document. The path string is built only when asked.
     */
    record Position(String listPath, int index, long line) {
        String path() {
            return index < 0 ? listPath : listPath + "[" + index + "]";
        }
    }

    private final JsonParser parser;
    private final Visitor visitor;
    private final OtlpSpanDecoder spans;
    private final String rootPath;
    private boolean sawEnvelope;
    private int rootObjects;
    private long resumeOffset;
    private Position current;

    private final ResourceScopes contexts;

    /**
     * @param textHeld whether the text being parsed is held whole in memory (a JSONL line), so
     *                 spans can note where their string values are in it (see {@link RawSpan#stringSlices})
     */
    OtlpEnvelopeWalker(JsonParser parser, Visitor visitor, ResourceScopes contexts, String rootPath, boolean textHeld) {
        this.parser = parser;
        this.spans = new OtlpSpanDecoder(textHeld);
        this.visitor = visitor;
        this.contexts = contexts;
        this.rootPath = rootPath;
    }

    /** True once a resourceSpans / resourceLogs / resourceMetrics key or a console span was seen: the content is OTLP. */
    boolean sawEnvelope() {
        return sawEnvelope;
    }

    /** Byte offset where the record being read began (or where the last one ended); -1 when unknown. */
    long resumeOffset() {
        return resumeOffset;
    }

    /** The line the record being read starts on (-1 when none was started). */
    long currentLine() {
        return current == null ? -1 : current.line();
    }

    /** Path of the list or record being read when reading stopped. */
    String currentPath() {
        return current == null ? rootPath : current.path();
    }

    /** Walks the root value at the parser's current token: an envelope, or an array of envelopes. */
    void walkRoot() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                walkEnvelope(rootPath + "[" + index++ + "]");
            }
        } else {
            walkEnvelope(rootPath);
        }
    }

    private void walkEnvelope(String path) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        rootObjects++;
        Position start = position(path, -1);
        boolean envelope = false;
        ObjectNode consoleFields = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "resourceSpans", "resource_spans" -> {
                    envelope = true;
                    walkResources(Signal.SPANS, path + ".resourceSpans");
                }
                case "resourceLogs", "resource_logs" -> {
                    envelope = true;
                    walkResources(Signal.LOGS, path + ".resourceLogs");
                }
                case "resourceMetrics", "resource_metrics", "resourceProfiles", "resource_profiles" -> {
                    envelope = true;
                    sawEnvelope = true;
                    Position where = position(path + "." + name, -1);
                    visitor.unsupported(name, AnyValueReader.value(parser), where);
                }
                default -> {
                    if (!envelope && ConsoleSpans.FIELDS.contains(name)) {
                        consoleFields = consoleFields == null ? JsonNodeFactory.instance.objectNode() : consoleFields;
                        consoleFields.set(name, AnyValueReader.value(parser));
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }
        if (!envelope && ConsoleSpans.isSpan(consoleFields)) {
            sawEnvelope = true;
            current = new Position("object " + rootObjects, -1, start.line());
            visitor.span(ConsoleSpans.toRaw(consoleFields), ConsoleSpans.context(consoleFields), current);
        }
    }

    private void walkResources(Signal signal, String path) throws IOException {
        sawEnvelope = true;
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Position where = position(path, index++);
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                new ResourceBlock(this, signal, where.path()).walk();
            } else {
                visitor.notAnObject(signal, AnyValueReader.value(parser), where);
            }
        }
    }

    JsonParser parser() {
        return parser;
    }

    Visitor visitor() {
        return visitor;
    }

    OtlpSpanDecoder spans() {
        return spans;
    }

    ResourceScopes contexts() {
        return contexts;
    }

    /** Notes that the record just read ended here: a later break resumes after it. */
    void recordEnded() {
        resumeOffset = parser.currentLocation().getByteOffset();
    }

    Position position(String listPath, int index) {
        JsonLocation location = parser.currentTokenLocation();
        resumeOffset = location.getByteOffset();
        current = new Position(listPath, index, location.getLineNr());
        return current;
    }

}
