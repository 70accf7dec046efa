package dev.tracedesk.ingest.langfuse;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.source.JsonValues;

/**
 * The top-level fields of the first record in a piece of JSON text that may be cut off (the
 * first line of a file, within the sniff window): the object itself, the first element of an
 * array, or the first element of a list response's "data". Scalar values are kept; nested
 * objects and arrays are left empty, so a cut inside one costs nothing that detection needs.
 */
final class FirstRecordProbe {

    private FirstRecordProbe() {
    }

    /** The first record's fields, or an empty object when the text shows none. */
    static ObjectNode of(String text) {
        ObjectNode fields = JsonValues.MAPPER.createObjectNode();
        try (JsonParser parser = JsonValues.MAPPER.getFactory().createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    return read(parser, fields, false);
                }
                return fields;
            }
            return token == JsonToken.START_OBJECT ? read(parser, fields, true) : fields;
        } catch (IOException cutOffOrNotJson) {
            return fields;
        }
    }

    private static ObjectNode read(JsonParser parser, ObjectNode fields, boolean descendIntoData) throws IOException {
        try {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (descendIntoData && name.equals("data") && value == JsonToken.START_ARRAY) {
                    ObjectNode element = JsonValues.MAPPER.createObjectNode();
                    return parser.nextToken() == JsonToken.START_OBJECT ? read(parser, element, false) : element;
                }
                if (value == JsonToken.START_OBJECT) {
                    fields.putObject(name);
                    parser.skipChildren();
                } else if (value == JsonToken.START_ARRAY) {
                    fields.putArray(name);
                    parser.skipChildren();
                } else if (value != null && value.isScalarValue()) {
                    fields.set(name, JsonValues.MAPPER.readTree(parser));
                }
            }
        } catch (IOException cutOff) {
            // the fields seen before the text ended are what there is to know
        }
        return fields;
    }
}
