package dev.tracedesk.ingest.otlp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The resource and scope contexts of a file, reused while they repeat: a JSONL file from one
 * service repeats the same resource and a few scopes on every line, and comparing those small
 * trees costs less than writing their JSON again for each one.
 */
final class ResourceScopes {

    private static final int KEPT = 8;

    private record Entry(JsonNode resource, JsonNode scope, ResourceScope context) {
    }

    private final Deque<Entry> recent = new ArrayDeque<>(KEPT);

    ResourceScope of(JsonNode resource, JsonNode scope) {
        for (Entry entry : recent) {
            if (Objects.equals(entry.resource, resource) && Objects.equals(entry.scope, scope)) {
                return entry.context;
            }
        }
        ResourceScope context = ResourceScope.of(resource, scope);
        if (recent.size() == KEPT) {
            recent.removeLast();
        }
        recent.addFirst(new Entry(resource, scope, context));
        return context;
    }
}
