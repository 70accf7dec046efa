package dev.tracedesk.ingest.openaievals;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * The model call behind an Evals API output item, as a one-span trace: the messages sent and
 * received, the model, usage, sampling parameters, finish reason and error of its {@code sample}.
 * The trace id is the output item's own id. Dashboard items carry no sample, so no trace.
 */
final class EvalItemTrace {

    static final String SPAN_ID = "sample";
    private static final Set<String> PARAMETERS = Set.of("temperature", "top_p", "seed", "max_completion_tokens",
            "max_tokens", "presence_penalty", "frequency_penalty");
    private static final Set<String> MAPPED = Set.of("input", "output", "model", "usage");

    private EvalItemTrace() {
    }

    /** The span of the item's model call, or null when the item has no sample or no id. */
    static CanonicalSpan of(JsonNode line, String errorMessage) {
        JsonNode sample = line.get("sample");
        String itemId = JsonValues.text(line.get("id"));
        if (sample == null || !sample.isObject() || itemId == null || itemId.isBlank()) {
            return null;
        }
        CanonicalSpan span = new CanonicalSpan();
        span.traceId = itemId;
        span.spanId = SPAN_ID;
        span.sourceSystem = OaiEvalRunHeader.TOOL;
        span.traceName = "eval item " + JsonValues.text(line.get("datasource_item_id"));
        span.kind = SpanKind.LLM;
        span.operationName = "chat";
        span.requestedModel = JsonValues.text(sample.get("model"));
        span.name = span.requestedModel == null ? "sample" : span.requestedModel;
        ObjectNode parameters = JsonValues.MAPPER.createObjectNode();
        ObjectNode attributes = JsonValues.MAPPER.createObjectNode();
        sample.fields().forEachRemaining(field -> {
            if (PARAMETERS.contains(field.getKey())) {
                parameters.set(field.getKey(), field.getValue());
            } else if (!MAPPED.contains(field.getKey())) {
                attributes.set(field.getKey(), field.getValue());
            }
        });
        span.parametersJson = parameters.isEmpty() ? null : parameters.toString();
        span.attributesJson = attributes.toString();
        JsonNode usage = sample.path("usage");
        span.inputTokens = JsonValues.asLong(usage.get("prompt_tokens"));
        span.outputTokens = JsonValues.asLong(usage.get("completion_tokens"));
        span.totalTokens = JsonValues.asLong(usage.get("total_tokens"));
        span.messages.addAll(OpenAiChat.messages(sample.get("input"), MessageDirection.INPUT, "user"));
        String finishReason = JsonValues.text(sample.get("finish_reason"));
        for (CanonicalMessage output : OpenAiChat.messages(sample.get("output"), MessageDirection.OUTPUT, "assistant")) {
            span.messages.add(new CanonicalMessage(output.direction(), output.role(), output.name(), output.content(),
                    output.toolCallsJson(), output.toolCallId(), finishReason));
        }
        span.inputText = OpenAiChat.render(sample.get("input"));
        List<CanonicalMessage> outputs = span.messages(MessageDirection.OUTPUT);
        span.outputText = outputs.isEmpty() ? null : outputs.get(0).content();
        span.status = errorMessage != null ? SpanStatus.ERROR : SpanStatus.OK;
        span.errorMessage = errorMessage;
        return span;
    }
}
