package dev.tracedesk.store.content;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The JSON arrays a span's messages and retrieved documents are stored as (decision 0008): one
 * column per span instead of a row per message, which is what keeps the import fast. Written and
 * read with the streaming API, field by field, so a 100 KB message costs one string copy.
 * Unknown fields are skipped on reading, so a later version may add some.
 */
public final class ContentJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private ContentJson() {
    }

    /** The array, or null when there are no messages (no column value to store). */
    public static String messages(List<StoredMessage> messages) {
        if (messages.isEmpty()) {
            return null;
        }
        return write(json -> {
            for (StoredMessage message : messages) {
                json.writeStartObject();
                json.writeStringField("direction", message.direction());
                json.writeNumberField("position", message.position());
                writeIfPresent(json, "role", message.role());
                writeIfPresent(json, "name", message.name());
                writeIfPresent(json, "content", message.content());
                writeIfPresent(json, "toolCallsJson", message.toolCallsJson());
                writeIfPresent(json, "toolCallId", message.toolCallId());
                writeIfPresent(json, "finishReason", message.finishReason());
                json.writeEndObject();
            }
        });
    }

    /** The array, or null when there are no documents. */
    public static String documents(List<StoredDocument> documents) {
        if (documents.isEmpty()) {
            return null;
        }
        return write(json -> {
            for (StoredDocument document : documents) {
                json.writeStartObject();
                json.writeNumberField("rank", document.rank());
                writeIfPresent(json, "documentId", document.documentId());
                if (document.score() != null) {
                    json.writeNumberField("score", document.score());
                }
                writeIfPresent(json, "content", document.content());
                writeIfPresent(json, "source", document.source());
                writeIfPresent(json, "metadataJson", document.metadataJson());
                json.writeEndObject();
            }
        });
    }

    public static List<StoredMessage> parseMessages(String json) {
        List<StoredMessage> messages = new ArrayList<>();
        read(json, fields -> messages.add(new StoredMessage(fields.text("direction"), fields.integer("position"),
                fields.text("role"), fields.text("name"), fields.text("content"), fields.text("toolCallsJson"),
                fields.text("toolCallId"), fields.text("finishReason"))));
        return messages;
    }

    public static List<StoredDocument> parseDocuments(String json) {
        List<StoredDocument> documents = new ArrayList<>();
        read(json, fields -> documents.add(new StoredDocument(fields.integer("rank"), fields.text("documentId"),
                fields.decimal("score"), fields.text("content"), fields.text("source"), fields.text("metadataJson"))));
        return documents;
    }

    private static void writeIfPresent(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartArray();
            body.write(json);
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot happen: writing JSON to a string", e);
        }
        return out.toString();
    }

    private interface ObjectFields {
        void accept(Fields fields);
    }

    /** The scalar fields of one object of the array. */
    private static final class Fields {
        private final java.util.Map<String, Object> values = new java.util.HashMap<>();

        String text(String name) {
            Object value = values.get(name);
            return value == null ? null : value.toString();
        }

        int integer(String name) {
            Object value = values.get(name);
            return value instanceof Number number ? number.intValue() : 0;
        }

        Double decimal(String name) {
            Object value = values.get(name);
            return value instanceof Number number ? number.doubleValue() : null;
        }
    }

    private static void read(String json, ObjectFields consumer) {
        if (json == null || json.isEmpty()) {
            return;
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("Stored span content is not a JSON array: " + abbreviate(json));
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Fields fields = new Fields();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (value) {
                        case VALUE_STRING -> fields.values.put(name, parser.getText());
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> fields.values.put(name, parser.getNumberValue());
                        case START_OBJECT, START_ARRAY -> parser.skipChildren();
                        default -> { }
                    }
                }
                consumer.accept(fields);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Stored span content is not valid JSON: " + abbreviate(json), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
