package dev.tracedesk.ingest.generic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.source.JsonValues;

/**
 * How to read a generic log of LLM calls: for each canonical field, where its value is in a
 * record — a JSON pointer ("/usage/prompt_tokens") for JSONL, a column name for CSV.
 * Saved by name in the workspace and chosen with {@code --mapping NAME}.
 */
public record FieldMapping(String name, Map<Field, String> fields) {

    /** The canonical fields a mapping can fill; each becomes part of one LLM-call span. */
    public enum Field {
        TRACE_ID("traceId", "the trace (conversation, request) the call belongs to"),
        SPAN_ID("spanId", "the call's own id; without it a hash of the record is used"),
        PARENT_SPAN_ID("parentSpanId", "the enclosing span"),
        NAME("name", "a name for the call, e.g. the route"),
        START_TIME("startTime", "ISO-8601, or epoch s / ms / µs / ns (told apart by size)"),
        END_TIME("endTime", "as startTime"),
        LATENCY_MS("latencyMs", "duration in milliseconds, when there is no end time"),
        PROVIDER("provider", "openai, anthropic, …"),
        REQUESTED_MODEL("requestedModel", "the model asked for"),
        SERVED_MODEL("servedModel", "the model version that answered"),
        INPUT("input", "the prompt as text"),
        INPUT_MESSAGES("inputMessages", "a JSON array of {role, content} messages"),
        OUTPUT("output", "the completion as text"),
        INPUT_TOKENS("inputTokens", "prompt tokens"),
        OUTPUT_TOKENS("outputTokens", "completion tokens"),
        TOTAL_TOKENS("totalTokens", "all tokens"),
        COST_USD("costUsd", "the reported cost in USD"),
        ERROR("error", "an error message; present and non-empty means the call failed"),
        PROMPT_TEMPLATE_NAME("promptTemplateName", "the prompt template"),
        PROMPT_TEMPLATE_VERSION("promptTemplateVersion", "its version"),
        PARAMETERS("parameters", "a JSON object of model parameters (temperature, …)"),
        SESSION_ID("sessionId", "session or conversation"),
        USER_ID("userId", "end user");

        private final String key;
        private final String description;

        Field(String key, String description) {
            this.key = key;
            this.description = description;
        }

        public String key() {
            return key;
        }

        public String description() {
            return description;
        }

        static Field byKey(String key) {
            return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown field '" + key + "' (fields: "
                            + Arrays.stream(values()).map(Field::key).collect(Collectors.joining(", ")) + ")"));
        }
    }

    public FieldMapping {
        fields = Map.copyOf(fields);
    }

    /** What is wrong with this mapping, in words; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
            problems.add("the name must be 1–100 letters, digits, '.', '_' or '-'");
        }
        if (!fields.containsKey(Field.INPUT) && !fields.containsKey(Field.INPUT_MESSAGES) && !fields.containsKey(Field.OUTPUT)) {
            problems.add("map at least one of input, inputMessages or output");
        }
        return problems;
    }

    public String source(Field field) {
        return fields.get(field);
    }

    /** The value at a field's JSON pointer (JSONL records); missing node when unmapped or absent. */
    public JsonNode valueIn(JsonNode record, Field field) {
        String where = fields.get(field);
        if (where == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (where.startsWith("/")) {
            return record.at(JsonPointer.compile(where));
        }
        JsonNode value = record.get(where);
        return value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value;
    }

    public String toJson() {
        ObjectNode json = JsonValues.MAPPER.createObjectNode();
        json.put("name", name);
        ObjectNode fieldsJson = json.putObject("fields");
        for (Field field : Field.values()) {
            if (fields.containsKey(field)) {
                fieldsJson.put(field.key(), fields.get(field));
            }
        }
        return json.toString();
    }

    /** Reads {"name": …, "fields": {"input": "/prompt", …}}; unknown field names are an error, with the list. */
    public static FieldMapping fromJson(JsonNode json) {
        Map<Field, String> fields = new LinkedHashMap<>();
        JsonNode fieldsJson = json.path("fields");
        if (!fieldsJson.isObject()) {
            throw new IllegalArgumentException("a mapping needs a \"fields\" object of canonical field → JSON pointer or column");
        }
        fieldsJson.fields().forEachRemaining(entry -> fields.put(Field.byKey(entry.getKey()), entry.getValue().asText()));
        return new FieldMapping(json.path("name").asText(null), fields);
    }
}
