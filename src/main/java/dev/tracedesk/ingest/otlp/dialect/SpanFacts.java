package dev.tracedesk.ingest.otlp.dialect;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * What the dialect mappers read from one span: its attributes (plain JSON, OTLP's typed values
 * already decoded) and events, with lenient typed look-ups; plus the
 * facts mappers hand to the final step rather than to the span directly.
 */
public final class SpanFacts {

    private final ObjectNode attributes;
    private final List<SpanEvent> events;
    private final boolean root;

    /** The raw input/output value when no messages render better (first offer wins). */
    String rawInput;
    String rawOutput;
    /** Finish reasons reported beside the messages, one per choice (gen_ai.response.finish_reasons). */
    JsonNode finishReasons;
    /** The call's parameters (temperature, max_tokens, …), from the first dialect that has them. */
    ObjectNode parameters;
    /**
     * The tools offered to the model, from the first dialect that lists them; they join the
     * parameters as "tools" unless those name the tools already (OpenAI's request does).
     */
    JsonNode toolDefinitions;

    /** Attribute namespaces present on the span, so a mapper whose dialect is absent returns at once. */
    static final int GEN_AI = 1;
    static final int LLM = 2;
    static final int OPEN_INFERENCE = 4;
    static final int LANGFUSE = 8;
    static final int TRACELOOP = 16;
    private final int namespaces;

    public SpanFacts(ObjectNode attributes, List<SpanEvent> events, boolean root) {
        this.attributes = attributes;
        this.events = events;
        this.root = root;
        this.namespaces = namespacesOf(attributes);
    }

    boolean hasAny(int namespaceFlags) {
        return (namespaces & namespaceFlags) != 0;
    }

    private static int namespacesOf(ObjectNode attributes) {
        int found = 0;
        for (String key : (Iterable<String>) attributes::fieldNames) {
            found |= namespaceOf(key);
        }
        return found;
    }

    private static int namespaceOf(String key) {
        if (key.startsWith("gen_ai.")) {
            return GEN_AI;
        }
        if (key.startsWith("llm.")) {
            return LLM | OPEN_INFERENCE;
        }
        if (key.startsWith("langfuse.")) {
            return LANGFUSE;
        }
        if (key.startsWith("traceloop.")) {
            return TRACELOOP;
        }
        boolean openInference = key.startsWith("openinference.") || key.startsWith("input.") || key.startsWith("output.")
                || key.startsWith("retrieval.") || key.startsWith("reranker.") || key.startsWith("embedding.")
                || key.startsWith("prompt.") || key.startsWith("annotation") || key.startsWith("evaluation");
        return openInference ? OPEN_INFERENCE : 0;
    }

    public ObjectNode attributes() {
        return attributes;
    }

    public List<SpanEvent> events() {
        return events;
    }

    public boolean isRoot() {
        return root;
    }

    JsonNode get(String key) {
        JsonNode value = attributes.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** A scalar as text, a structure as JSON; null when absent or blank. */
    String text(String key) {
        return Values.text(get(key));
    }

    Long whole(String key) {
        return JsonValues.asLong(get(key));
    }

    Double number(String key) {
        return JsonValues.asDouble(get(key));
    }

    BigDecimal decimal(String key) {
        return JsonValues.asDecimal(get(key));
    }

    /** The value as structured JSON: a JSON string is parsed; null when absent or not JSON. */
    JsonNode structured(String key) {
        return Values.structured(get(key));
    }

    boolean has(String key) {
        return get(key) != null;
    }

    /** One named parameter, unless an earlier dialect gave it already. */
    void parameter(String name, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (parameters == null) {
            parameters = JsonNodeFactory.instance.objectNode();
        }
        if (!parameters.has(name)) {
            parameters.set(name, value);
        }
    }

    /**
     * A dialect's whole parameter object (a JSON string is parsed), used only when no earlier
     * dialect gave parameters; text that is not JSON is kept as {"value": text}.
     */
    void offerParameters(JsonNode value) {
        if (parameters != null || value == null || value.isNull()) {
            return;
        }
        JsonNode structured = Values.structured(value);
        if (structured != null && structured.isObject()) {
            parameters = ((ObjectNode) structured).deepCopy();
        } else if (Values.text(value) != null) {
            parameter("value", structured != null ? structured : value);
        }
    }

    void offerToolDefinitions(JsonNode tools) {
        if (toolDefinitions == null && tools != null && !tools.isNull() && !tools.isEmpty()) {
            toolDefinitions = tools;
        }
    }

    void offerRawInput(String text) {
        if (rawInput == null && text != null && !text.isBlank()) {
            rawInput = text;
        }
    }

    void offerRawOutput(String text) {
        if (rawOutput == null && text != null && !text.isBlank()) {
            rawOutput = text;
        }
    }

    static boolean hasMessages(CanonicalSpan span, MessageDirection direction) {
        for (CanonicalMessage message : span.messages) {
            if (message.direction() == direction) {
                return true;
            }
        }
        return false;
    }

    /** Adds the messages unless the span already has messages of that direction from a better source. */
    static void offerMessages(CanonicalSpan span, MessageDirection direction, List<CanonicalMessage> messages) {
        if (messages != null && !messages.isEmpty() && !hasMessages(span, direction)) {
            span.messages.addAll(messages);
        }
    }
}
