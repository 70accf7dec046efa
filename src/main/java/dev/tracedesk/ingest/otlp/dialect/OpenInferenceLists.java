package dev.tracedesk.ingest.otlp.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * OpenInference's flattened lists: llm.input_messages / llm.output_messages
 * (N.message.{role, content, contents.M.message_content.*, tool_calls.K.tool_call.*,
 * tool_call_id, name}), llm.prompts / llm.choices of the completions API, retrieval.documents and
 * reranker.output_documents, and annotations / evaluations as checks.
 */
final class OpenInferenceLists {

    private static final String INPUT = "llm.input_messages";
    private static final String OUTPUT = "llm.output_messages";
    private static final String PROMPTS = "llm.prompts";
    private static final String CHOICES = "llm.choices";
    private static final String DOCUMENTS = "retrieval.documents";
    private static final String RERANKED = "reranker.output_documents";
    private static final String ANNOTATIONS = "annotations";
    private static final String EVALUATIONS = "evaluations";
    private static final String TOOLS = "llm.tools";

    private OpenInferenceLists() {
    }

    static void map(SpanFacts facts, CanonicalSpan span) {
        Map<String, List<ObjectNode>> lists = IndexedKeys.group(facts.attributes(),
                INPUT, OUTPUT, PROMPTS, CHOICES, DOCUMENTS, RERANKED, ANNOTATIONS, EVALUATIONS, TOOLS);
        if (lists.isEmpty()) {
            return;
        }
        SpanFacts.offerMessages(span, MessageDirection.INPUT, messages(lists.get(INPUT), MessageDirection.INPUT));
        SpanFacts.offerMessages(span, MessageDirection.OUTPUT, messages(lists.get(OUTPUT), MessageDirection.OUTPUT));
        SpanFacts.offerMessages(span, MessageDirection.INPUT, texts(lists.get(PROMPTS), "prompt.text", MessageDirection.INPUT));
        SpanFacts.offerMessages(span, MessageDirection.OUTPUT, texts(lists.get(CHOICES), "completion.text", MessageDirection.OUTPUT));
        if (span.documents.isEmpty()) {
            documents(lists.get(DOCUMENTS), span);
        }
        if (span.documents.isEmpty()) {
            documents(lists.get(RERANKED), span);
        }
        tools(lists.get(TOOLS), facts);
        checks(lists.get(ANNOTATIONS), "annotation.", span);
        checks(lists.get(EVALUATIONS), "evaluation.", span);
    }

    private static List<CanonicalMessage> messages(List<ObjectNode> items, MessageDirection direction) {
        if (items == null) {
            return null;
        }
        List<CanonicalMessage> messages = new ArrayList<>(items.size());
        for (ObjectNode item : items) {
            MessageDraft draft = new MessageDraft();
            draft.role = Values.text(item.get("message.role"));
            draft.name = Values.text(item.get("message.name"));
            draft.toolCallId = Values.text(item.get("message.tool_call_id"));
            draft.addText(Values.text(item.get("message.content")));
            for (ObjectNode content : IndexedKeys.items(item, "message.contents")) {
                String type = Values.text(content.get("message_content.type"));
                if (type == null || "text".equals(type)) {
                    draft.addText(Values.text(content.get("message_content.text")));
                }
            }
            for (ObjectNode call : IndexedKeys.items(item, "message.tool_calls")) {
                draft.addToolCall(Values.text(call.get("tool_call.id")), Values.text(call.get("tool_call.function.name")),
                        call.get("tool_call.function.arguments"));
            }
            if (item.has("message.function_call_name")) {
                draft.addToolCall(null, Values.text(item.get("message.function_call_name")),
                        item.get("message.function_call_arguments_json"));
            }
            messages.add(draft.build(direction, direction == MessageDirection.INPUT ? "user" : "assistant"));
        }
        return messages;
    }

    private static List<CanonicalMessage> texts(List<ObjectNode> items, String key, MessageDirection direction) {
        if (items == null) {
            return null;
        }
        String role = direction == MessageDirection.INPUT ? "user" : "assistant";
        List<CanonicalMessage> messages = new ArrayList<>(items.size());
        for (ObjectNode item : items) {
            messages.add(CanonicalMessage.text(direction, role, Values.text(item.get(key))));
        }
        return messages;
    }

    private static void documents(List<ObjectNode> items, CanonicalSpan span) {
        if (items == null) {
            return;
        }
        int rank = 0;
        for (ObjectNode item : items) {
            span.documents.add(Documents.document(rank++, item.get("document.id"), item.get("document.score"),
                    item.get("document.content"), item.get("document.metadata")));
        }
    }

    /** llm.tools.N.tool.json_schema (or name / description / parameters) as a list of tools. */
    private static void tools(List<ObjectNode> items, SpanFacts facts) {
        if (items == null) {
            return;
        }
        ArrayNode tools = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode item : items) {
            JsonNode schema = Values.structured(item.get("tool.json_schema"));
            if (schema != null) {
                tools.add(schema);
            } else {
                ObjectNode tool = tools.addObject();
                item.properties().forEach(field -> tool.set(field.getKey().replace("tool.", ""),
                        Values.normalizedJson(field.getValue())));
            }
        }
        facts.offerToolDefinitions(tools);
    }

    /** Annotations by a person are ANNOTATION; by an LLM or code, EVALUATION. */
    private static void checks(List<ObjectNode> items, String prefix, CanonicalSpan span) {
        if (items == null) {
            return;
        }
        int index = 0;
        for (ObjectNode item : items) {
            String kind = Values.text(item.get(prefix + "annotator_kind"));
            CheckSource source = "HUMAN".equalsIgnoreCase(kind) ? CheckSource.ANNOTATION : CheckSource.EVALUATION;
            String name = Values.text(item.get(prefix + "name"));
            String label = Values.text(item.get(prefix + "label"));
            JsonNode score = item.get(prefix + "score");
            span.checks.add(new CanonicalCheck(Checks.externalId(span, prefix + index++), source,
                    name == null ? prefix.substring(0, prefix.length() - 1) : name, label, JsonValues.asDouble(score),
                    Checks.passedFromLabel(label), Values.text(item.get(prefix + "explanation")), null));
        }
    }
}
