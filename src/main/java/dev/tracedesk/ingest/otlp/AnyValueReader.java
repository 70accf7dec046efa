package dev.tracedesk.ingest.otlp;

import java.io.IOException;
import java.util.IdentityHashMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * OTLP's typed values read straight from the parser into plain JSON, by the same rules as
 * {@link AnyValues}, which reads the small trees (resources, scopes, log records) this class
 * does not see. Kept apart from {@link AnyValues} because spans are the hot path: no typed tree
 * is built on the way.
 */
final class AnyValueReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnyValueReader() {
    }

    /**
     * The value at the parser's current token as a tree. Scalars are made here: the mapper's
     * {@code readValueAsTree} sets up a deserialization context for each call, which costs more
     * than the scalar itself.
     */
    static JsonNode value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? NODES.numberNode(parser.getBigIntegerValue()) : LongNode.valueOf(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            default -> parser.readValueAsTree();
        };
    }

    /** [{key, value}] at the parser's START_ARRAY to one flat object (a repeated key: the last wins). */
    static ObjectNode keyValues(JsonParser parser) throws IOException {
        return keyValues(parser, null);
    }

    /** The same, noting where each string value's text is when {@code slices} is given. */
    static ObjectNode keyValues(JsonParser parser, IdentityHashMap<JsonNode, Long> slices) throws IOException {
        ObjectNode result = NODES.objectNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            String key = null;
            JsonNode value = NullNode.instance;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (field.equals("key")) {
                    key = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                    parser.skipChildren();
                } else if (field.equals("value")) {
                    value = anyValue(parser, slices);
                } else {
                    parser.skipChildren();
                }
            }
            if (key != null) {
                result.set(key, value);
            }
        }
        return result;
    }

    /** One AnyValue at the parser's current token, as plain JSON (see {@link AnyValues#decode}). */
    static JsonNode anyValue(JsonParser parser) throws IOException {
        return anyValue(parser, null);
    }

    private static JsonNode anyValue(JsonParser parser, IdentityHashMap<JsonNode, Long> slices) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return NullNode.instance;
        }
        if (token != JsonToken.START_OBJECT) {
            return value(parser);
        }
        JsonNode result = NullNode.instance;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String kind = parser.currentName();
            JsonToken value = parser.nextToken();
            result = switch (kind) {
                case "stringValue", "string_value", "bytesValue", "bytes_value" ->
                        value == JsonToken.VALUE_STRING ? string(parser, slices) : value(parser);
                case "intValue", "int_value" -> wholeNumber(parser, value);
                case "doubleValue", "double_value" -> value(parser);
                case "boolValue", "bool_value" -> value == JsonToken.VALUE_STRING
                        ? BooleanNode.valueOf("true".equals(parser.getText())) : value(parser);
                case "arrayValue", "array_value" -> listValue(parser, false);
                case "kvlistValue", "kvlist_value" -> listValue(parser, true);
                default -> NODES.objectNode().set(kind, value(parser));
            };
        }
        return result;
    }

    private static JsonNode string(JsonParser parser, IdentityHashMap<JsonNode, Long> slices) throws IOException {
        if (slices == null) {
            return TextNode.valueOf(parser.getText());
        }
        long start = OtlpSpanDecoder.offset(parser.currentTokenLocation());
        TextNode text = TextNode.valueOf(parser.getText());
        long end = OtlpSpanDecoder.offset(parser.currentLocation());
        if (start >= 0 && end > start && end <= Integer.MAX_VALUE) {
            slices.put(text, start << 32 | end);
        }
        return text;
    }

    private static JsonNode wholeNumber(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            try {
                return LongNode.valueOf(Long.parseLong(text));
            } catch (NumberFormatException beyondLongOrNotANumber) {
                return TextNode.valueOf(text);
            }
        }
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return LongNode.valueOf(parser.getLongValue());
        }
        return value(parser);
    }

    /** {values: [AnyValue]} as an array, or {values: [KeyValue]} as an object. */
    private static JsonNode listValue(JsonParser parser, boolean keyValues) throws IOException {
        JsonNode result = keyValues ? NODES.objectNode() : NODES.arrayNode();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return result;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (field.equals("values") && token == JsonToken.START_ARRAY) {
                if (keyValues) {
                    result = keyValues(parser);
                } else {
                    ArrayNode array = NODES.arrayNode();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(anyValue(parser));
                    }
                    result = array;
                }
            } else {
                parser.skipChildren();
            }
        }
        return result;
    }
}
