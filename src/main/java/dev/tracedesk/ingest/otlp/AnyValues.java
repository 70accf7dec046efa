package dev.tracedesk.ingest.otlp;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns OTLP's typed values ({@code {"intValue":"42"}}, {@code {"kvlistValue":{"values":[…]}}})
 * into plain JSON ({@code 42}, {@code {…}}), which is what a person reading the attributes expects
 * and what the dialect mappers look up. Accepts camelCase and the proto names (snake_case).
 */
public final class AnyValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnyValues() {
    }

    /**
     * A list of {@code {key, value}} as one JSON object, keys in file order (a repeated key: the
     * last wins). Anything that is not such a list (absent, null) gives an empty object.
     */
    public static ObjectNode keyValues(JsonNode list) {
        ObjectNode result = NODES.objectNode();
        if (list == null || !list.isArray()) {
            return result;
        }
        for (JsonNode entry : list) {
            JsonNode key = entry.get("key");
            if (key != null && key.isTextual()) {
                result.set(key.textValue(), decode(entry.get("value")));
            }
        }
        return result;
    }

    /** One AnyValue as plain JSON; a value that is already plain (hand-written files) stays as it is. */
    public static JsonNode decode(JsonNode anyValue) {
        if (anyValue == null || anyValue.isNull()) {
            return NullNode.instance;
        }
        if (!anyValue.isObject()) {
            return anyValue;
        }
        if (anyValue.isEmpty()) {
            return NullNode.instance;
        }
        Map.Entry<String, JsonNode> only = anyValue.properties().iterator().next();
        JsonNode value = only.getValue();
        return switch (only.getKey()) {
            case "stringValue", "string_value", "bytesValue", "bytes_value" -> value;
            case "intValue", "int_value" -> wholeNumber(value);
            case "doubleValue", "double_value" -> value;
            case "boolValue", "bool_value" -> value.isTextual() ? BooleanNode.valueOf("true".equals(value.textValue())) : value;
            case "arrayValue", "array_value" -> array(value.get("values"));
            case "kvlistValue", "kvlist_value" -> keyValues(value.get("values"));
            default -> anyValue;
        };
    }

    private static JsonNode wholeNumber(JsonNode value) {
        if (value.isTextual()) {
            try {
                return LongNode.valueOf(Long.parseLong(value.textValue()));
            } catch (NumberFormatException beyondLongOrNotANumber) {
                return value;
            }
        }
        return value;
    }

    private static ArrayNode array(JsonNode values) {
        ArrayNode result = NODES.arrayNode();
        if (values != null && values.isArray()) {
            for (JsonNode value : values) {
                result.add(decode(value));
            }
        }
        return result;
    }
}
