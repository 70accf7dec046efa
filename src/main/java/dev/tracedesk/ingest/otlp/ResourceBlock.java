package dev.tracedesk.ingest.otlp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.otlp.OtlpEnvelopeWalker.Position;
import dev.tracedesk.ingest.otlp.OtlpEnvelopeWalker.Signal;

/**
 * One ResourceSpans / ResourceLogs object: its resource, its scope blocks and their records. A
 * record is handed over once its resource and scope are known. They normally come first; when a
 * producer writes them after the records, the records wait (up to {@link #MAX_WAITING}) for the
 * end of their block, and a break in the JSON hands over what was read whole before it.
 */
final class ResourceBlock {

    static final int MAX_WAITING = 1024;

    private final OtlpEnvelopeWalker walker;
    private final JsonParser parser;
    private final Signal signal;
    private final String path;
    private JsonNode resource;
    private boolean resourceKnown;
    private final List<Waiting> waiting = new ArrayList<>();

    ResourceBlock(OtlpEnvelopeWalker walker, Signal signal, String path) {
        this.walker = walker;
        this.parser = walker.parser();
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
                resource = AnyValueReader.value(parser);
                resourceKnown = true;
            } else if (isScopeList(name) && parser.currentToken() == JsonToken.START_ARRAY) {
                String listPath = path + (signal == Signal.SPANS ? ".scopeSpans" : ".scopeLogs");
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    Position where = walker.position(listPath, scopeIndex++);
                    if (parser.currentToken() == JsonToken.START_OBJECT) {
                        walkScope(where.path());
                    } else {
                        walker.visitor().notAnObject(signal, AnyValueReader.value(parser), where);
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
                    scope.node = AnyValueReader.value(parser);
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
            Position where = walker.position(listPath, index++);
            Object record;
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                walker.visitor().notAnObject(signal, AnyValueReader.value(parser), where);
                continue;
            }
            record = signal == Signal.SPANS ? walker.spans().decode(parser) : AnyValueReader.value(parser);
            walker.recordEnded();
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
            walker.visitor().span(span, context, where);
        } else {
            walker.visitor().logRecord((ObjectNode) record, context, where);
        }
    }

    private final class Scope {
        JsonNode node;
        boolean known;
        private ResourceScope context;
        private JsonNode contextResource;

        ResourceScope context(JsonNode resource) {
            if (context == null || contextResource != resource) {
                context = walker.contexts().of(resource, node);
                contextResource = resource;
            }
            return context;
        }
    }

    private record Waiting(Object record, Scope scope, Position where) {
    }
}
