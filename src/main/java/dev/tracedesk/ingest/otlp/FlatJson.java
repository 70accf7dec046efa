package dev.tracedesk.ingest.otlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.JsonValues;

/**
 * Writes a JSON tree as compact text with a bare generator: the attributes of every span are
 * written once, so this skips the general serializer machinery that {@code toString()} goes
 * through. Same output as {@code toString()}.
 */
final class FlatJson {

    /** Reused for every span of a file: one reader thread writes with it. */
    private final StringBuilderWriter text = new StringBuilderWriter();

    String write(JsonNode node) {
        return write(node, null, null);
    }

    /**
     * Writes an object whose string values may still be in the text they were read from: those
     * (given by {@code slices}, start and end packed in a long) are copied as they were written,
     * already quoted and escaped, rather than escaped again.
     */
    String write(JsonNode node, Map<JsonNode, Long> slices, String source) {
        text.reset();
        try (JsonGenerator json = JsonValues.MAPPER.getFactory().createGenerator(text)) {
            if (slices == null || source == null || !node.isObject()) {
                write(node, json);
            } else {
                writeWithSlices(node, slices, source, json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return text.toString();
    }

    private static void writeWithSlices(JsonNode node, Map<JsonNode, Long> slices, String source, JsonGenerator json)
            throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            json.writeFieldName(field.getKey());
            Long slice = slices.get(field.getValue());
            if (slice != null) {
                int start = (int) (slice >>> 32);
                int end = (int) (long) slice;
                json.writeRawValue(source, start, end - start);
            } else {
                write(field.getValue(), json);
            }
        }
        json.writeEndObject();
    }

    private static void write(JsonNode node, JsonGenerator json) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                json.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    json.writeFieldName(field.getKey());
                    write(field.getValue(), json);
                }
                json.writeEndObject();
            }
            case ARRAY -> {
                json.writeStartArray();
                for (JsonNode item : node) {
                    write(item, json);
                }
                json.writeEndArray();
            }
            case STRING -> json.writeString(node.textValue());
            case BOOLEAN -> json.writeBoolean(node.booleanValue());
            case NULL, MISSING -> json.writeNull();
            case NUMBER -> writeNumber(node, json);
            default -> json.writeString(node.asText());
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator json) throws IOException {
        switch (node.numberType()) {
            case INT, LONG -> json.writeNumber(node.longValue());
            case BIG_INTEGER -> json.writeNumber(node.bigIntegerValue());
            case BIG_DECIMAL -> json.writeNumber(node.decimalValue());
            case FLOAT, DOUBLE -> json.writeNumber(node.doubleValue());
            default -> json.writeNumber(node.asText());
        }
    }

    /** A writer into a StringBuilder that can be emptied and used again. */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder builder = new StringBuilder(8192);

        void reset() {
            builder.setLength(0);
        }

        /**
         * Through a String: appending chars to a builder of Latin-1 text checks them one by one,
         * while making a String of them and appending that are two bulk copies (the generator
         * hands over its buffer of a few thousand chars at a time).
         */
        @Override
        public void write(char[] chars, int offset, int length) {
            builder.append(new String(chars, offset, length));
        }

        @Override
        public void write(String string, int offset, int length) {
            builder.append(string, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return builder.toString();
        }
    }
}
