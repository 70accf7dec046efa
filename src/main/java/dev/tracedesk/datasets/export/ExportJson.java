package dev.tracedesk.datasets.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON building blocks with a stable key order: maps are written sorted by key. */
final class ExportJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExportJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode messages(List<ExportMessage> messages) {
        ArrayNode array = NODES.arrayNode();
        for (ExportMessage m : messages) {
            array.add(object().put("role", m.role()).put("content", m.content()));
        }
        return array;
    }

    /** Any metadata value as JSON, maps sorted by key at every depth. */
    static JsonNode value(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = object();
            new TreeMap<>(stringKeys(map)).forEach((k, v) -> node.set(k, value(v)));
            return node;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(value(v)));
            return array;
        }
        return MAPPER.valueToTree(value);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
