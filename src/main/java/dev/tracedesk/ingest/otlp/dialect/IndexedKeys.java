package dev.tracedesk.ingest.otlp.dialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Flattened lists ({@code llm.input_messages.0.message.role}, {@code gen_ai.prompt.1.content})
 * back into items: for a prefix, the items in index order, each an object of the keys that
 * follow {@code prefix.N.}. Scans the keys once by prefix and digits, never with a regex.
 */
final class IndexedKeys {

    private IndexedKeys() {
    }

    /** The items under one prefix (given without the trailing dot). */
    static List<ObjectNode> items(ObjectNode source, String prefix) {
        return group(source, prefix).getOrDefault(prefix, List.of());
    }

    /** The items under each of several prefixes, in one pass over the keys. */
    static Map<String, List<ObjectNode>> group(ObjectNode source, String... prefixes) {
        Map<String, TreeMap<Integer, ObjectNode>> found = null;
        for (Map.Entry<String, JsonNode> entry : source.properties()) {
            String key = entry.getKey();
            for (String prefix : prefixes) {
                int restStart = restStart(key, prefix);
                if (restStart < 0) {
                    continue;
                }
                int index = Integer.parseInt(key, prefix.length() + 1, restStart - 1, 10);
                if (found == null) {
                    found = new HashMap<>();
                }
                found.computeIfAbsent(prefix, p -> new TreeMap<>())
                        .computeIfAbsent(index, i -> JsonNodeFactory.instance.objectNode())
                        .set(key.substring(restStart), entry.getValue());
                break;
            }
        }
        if (found == null) {
            return Map.of();
        }
        Map<String, List<ObjectNode>> items = new HashMap<>();
        found.forEach((prefix, byIndex) -> items.put(prefix, new ArrayList<>(byIndex.values())));
        return items;
    }

    /**
     * Where the rest begins in {@code prefix.N.rest}, or -1 when the key has another shape.
     * The index has at most 6 digits: a longer one is not a list position anyone writes.
     */
    private static int restStart(String key, String prefix) {
        int length = prefix.length();
        if (key.length() < length + 3 || !key.startsWith(prefix) || key.charAt(length) != '.') {
            return -1;
        }
        int position = length + 1;
        while (position < key.length() && Character.isDigit(key.charAt(position))) {
            position++;
        }
        int digits = position - length - 1;
        if (digits == 0 || digits > 6 || position >= key.length() - 1 || key.charAt(position) != '.') {
            return -1;
        }
        return position + 1;
    }
}
