package dev.tracedesk.ingest.langfuse;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.ingest.model.CanonicalDocument;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;

/**
 * A trace's or observation's input and output onto its span: chat messages where the value is a
 * conversation, retrieved documents for a retriever, and always a text (the rendered messages,
 * or the value as the source wrote it: a string as is, anything else as compact JSON).
 */
final class SpanContent {

    private SpanContent() {
    }

    static void apply(LangfuseRecord record, CanonicalSpan span) {
        boolean llm = span.kind == SpanKind.LLM;
        Value input = Value.of(record.get("input"));
        Value output = Value.of(record.get("output"));

        List<CanonicalMessage> inputMessages = span.kind == SpanKind.RETRIEVER ? List.of()
                : ChatMessages.read(input.structured, MessageDirection.INPUT, llm ? "user" : null);
        List<CanonicalMessage> outputMessages = span.kind == SpanKind.RETRIEVER ? List.of()
                : ChatMessages.read(output.structured, MessageDirection.OUTPUT, llm ? "assistant" : null);
        span.messages.addAll(inputMessages);
        span.messages.addAll(outputMessages);
        span.inputText = inputMessages.isEmpty() ? input.text : ChatMessages.render(inputMessages);
        span.outputText = outputMessages.isEmpty() ? output.text : ChatMessages.render(outputMessages);

        if (span.kind == SpanKind.RETRIEVER) {
            List<CanonicalDocument> documents = RetrievedDocuments.read(output.structured);
            span.documents.addAll(documents);
        }
    }

    /**
     * A content value two ways: structured (a string holding JSON is parsed, as the blob export
     * and the v2 API write input and output as strings) and as the source's own text.
     */
    private record Value(JsonNode structured, String text) {
        static Value of(JsonNode raw) {
            if (raw == null) {
                return new Value(null, null);
            }
            if (raw.isTextual()) {
                JsonNode parsed = LangfuseRecord.parseJsonText(raw.textValue());
                return new Value(parsed != null ? parsed : raw, raw.textValue());
            }
            return new Value(raw, raw.isValueNode() ? raw.asText() : raw.toString());
        }
    }
}
