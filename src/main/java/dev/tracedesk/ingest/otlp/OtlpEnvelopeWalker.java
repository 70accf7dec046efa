package dev.tracedesk.ingest.otlp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Streams through OTLP/JSON envelopes ({@code TracesData} / {@code LogsData} /
 * {@code Export…ServiceRequest}) — resourceSpans → scopeSpans → spans, resourceLogs → scopeLogs →
 * logRecords — and hands over one record at a time (a span read straight into a {@link RawSpan}, a
 * log record as a small JSON tree), so a file of any size is read in constant memory. Field names in camelCase or snake_case; the pre-1.0
 * instrumentationLibrary* names too.
 *
 * <p>A record is handed over once its resource and scope are known. They normally come first;
 * when a producer writes them after the records, the records wait (up to {@link #MAX_WAITING})
 * for the end of their block.
 */
final class OtlpEnvelopeWalker {

    static final int MAX_WAITING = 1024;

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
    private final OtlpSpanDecoder spans = new OtlpSpanDecoder();
    private final String rootPath;
    private boolean sawEnvelope;
    private long resumeOffset;
    private Position current;

    private final ResourceScopes contexts;

    OtlpEnvelopeWalker(JsonParser parser, Visitor visitor, ResourceScopes contexts, String rootPath) {
        this.parser = parser;
        this.visitor = visitor;
        this.contexts = contexts;
        this.rootPath = rootPath;
    }

    /** True once a resourceSpans / resourceLogs / resourceMetrics key was seen: the content is OTLP. */
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
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "resourceSpans", "resource_spans" -> walkResources(Signal.SPANS, path + ".resourceSpans");
                case "resourceLogs", "resource_logs" -> walkResources(Signal.LOGS, path + ".resourceLogs");
                case "resourceMetrics", "resource_metrics", "resourceProfiles", "resource_profiles" -> {
                    sawEnvelope = true;
                    Position where = position(path + "." + name, -1);
                    visitor.unsupported(name, parser.readValueAsTree(), where);
                }
                default -> parser.skipChildren();
            }
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
                new ResourceBlock(signal, where.path()).walk();
            } else {
                visitor.notAnObject(signal, parser.readValueAsTree(), where);
            }
        }
    }

    private Position position(String listPath, int index) {
        JsonLocation location = parser.currentTokenLocation();
        resumeOffset = location.getByteOffset();
        current = new Position(listPath, index, location.getLineNr());
        return current;
    }

    /** One ResourceSpans / ResourceLogs object, with the records waiting for its resource. */
    private final class ResourceBlock {
        private final Signal signal;
        private final String path;
        private JsonNode resource;
        private boolean resourceKnown;
        private final List<Waiting> waiting = new ArrayList<>();

        ResourceBlock(Signal signal, String path) {
            this.signal = signal;
            this.path = path;
        }

        void walk() throws IOException {
            try {
                walkFields();
            } catch (IOException brokenHere) {
                // what was read whole is not lost to a later break: hand it over as it is
                handOverAll();
                throw brokenHere;
            }
            handOverAll();
        }

        private void walkFields() throws IOException {
            int scopeIndex = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("resource")) {
                    resource = parser.readValueAsTree();
                    resourceKnown = true;
                } else if (isScopeList(name) && parser.currentToken() == JsonToken.START_ARRAY) {
                    String listPath = path + (signal == Signal.SPANS ? ".scopeSpans" : ".scopeLogs");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        Position where = position(listPath, scopeIndex++);
                        if (parser.currentToken() == JsonToken.START_OBJECT) {
                            walkScope(where.path());
                        } else {
                            visitor.notAnObject(signal, parser.readValueAsTree(), where);
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }

        private void handOverAll() {
            resourceKnown = true;
            waiting.forEach(item -> item.scope.known = true);
            handOver();
        }

        private boolean isScopeList(String name) {
            return signal == Signal.SPANS
                    ? name.equals("scopeSpans") || name.equals("scope_spans")
                      || name.equals("instrumentationLibrarySpans") || name.equals("instrumentation_library_spans")
                    : name.equals("scopeLogs") || name.equals("scope_logs")
                      || name.equals("instrumentationLibraryLogs") || name.equals("instrumentation_library_logs");
        }

        private void walkScope(String scopePath) throws IOException {
            Scope scope = new Scope();
            String itemsName = signal == Signal.SPANS ? ".spans" : ".logRecords";
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "scope", "instrumentationLibrary", "instrumentation_library" -> {
                        scope.node = parser.readValueAsTree();
                        scope.known = true;
                    }
                    case "spans", "logRecords", "log_records" -> walkRecords(scope, scopePath + itemsName);
                    default -> parser.skipChildren();
                }
            }
            scope.known = true;
            handOver();
        }

        private void walkRecords(Scope scope, String listPath) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                parser.skipChildren();
                return;
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                Position where = position(listPath, index++);
                Object record;
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    visitor.notAnObject(signal, parser.readValueAsTree(), where);
                    continue;
                }
                record = signal == Signal.SPANS ? spans.decode(parser) : parser.readValueAsTree();
                resumeOffset = parser.currentLocation().getByteOffset();
                if (resourceKnown && scope.known) {
                    handOver(record, scope.context(resource), where);
                } else {
                    waiting.add(new Waiting(record, scope, where));
                    if (waiting.size() >= MAX_WAITING) {
                        // no resource in sight: hand the records over without one rather than hold on
                        resourceKnown = true;
                        scope.known = true;
                        handOver();
                    }
                }
            }
        }

        private void handOver() {
            if (!resourceKnown || waiting.isEmpty()) {
                return;
            }
            List<Waiting> ready = new ArrayList<>();
            waiting.removeIf(item -> item.scope.known && ready.add(item));
            for (Waiting item : ready) {
                handOver(item.record, item.scope.context(resource), item.where);
            }
        }

        private void handOver(Object record, ResourceScope context, Position where) {
            if (record instanceof RawSpan span) {
                visitor.span(span, context, where);
            } else {
                visitor.logRecord((ObjectNode) record, context, where);
            }
        }
    }

    private final class Scope {
        JsonNode node;
        boolean known;
        private ResourceScope context;
        private JsonNode contextResource;

        ResourceScope context(JsonNode resource) {
            if (context == null || contextResource != resource) {
                context = contexts.of(resource, node);
                contextResource = resource;
            }
            return context;
        }
    }

    private record Waiting(Object record, Scope scope, Position where) {
    }
}
