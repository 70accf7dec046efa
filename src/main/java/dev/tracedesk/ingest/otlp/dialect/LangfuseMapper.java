package dev.tracedesk.ingest.otlp.dialect;

import static dev.tracedesk.ingest.model.CanonicalSpan.firstNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.CostDetails;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * Langfuse's OTel attributes (SDK v3+): langfuse.observation.* (type, input, output, model,
 * parameters, usage and cost details, prompt name and version, level, status message, completion
 * start time) and langfuse.trace.* / langfuse.session.id / langfuse.user.id.
 */
final class LangfuseMapper implements DialectMapper {

    private static final String OBSERVATION = "langfuse.observation.";

    @Override
    public void map(SpanFacts facts, CanonicalSpan span) {
        if (!facts.hasAny(SpanFacts.LANGFUSE)) {
            return;
        }
        span.traceName = firstNonNull(span.traceName, facts.text("langfuse.trace.name"));
        span.sessionId = firstNonNull(span.sessionId, facts.text("langfuse.session.id"));
        span.userId = firstNonNull(span.userId, facts.text("langfuse.user.id"));
        String type = facts.text(OBSERVATION + "type");
        SpanKind kind = type == null ? null : kindOf(type);
        Dialects.offerKind(span, kind);
        content(facts, span, kind == SpanKind.LLM);
        String model = facts.text(OBSERVATION + "model.name");
        span.requestedModel = firstNonNull(span.requestedModel, model);
        // Langfuse has one model field for both: the name the generation was recorded with
        span.servedModel = firstNonNull(span.servedModel, model);
        facts.offerParameters(facts.get(OBSERVATION + "model.parameters"));
        usage(facts.structured(OBSERVATION + "usage_details"), span);
        span.costUsd = firstNonNull(span.costUsd, CostDetails.totalOrSumOfParts(facts.structured(OBSERVATION + "cost_details")));
        span.promptTemplateName = firstNonNull(span.promptTemplateName, facts.text(OBSERVATION + "prompt.name"));
        span.promptTemplateVersion = firstNonNull(span.promptTemplateVersion, facts.text(OBSERVATION + "prompt.version"));
        if ("ERROR".equalsIgnoreCase(facts.text(OBSERVATION + "level"))) {
            span.status = SpanStatus.ERROR;
        }
        span.errorMessage = firstNonNull(span.errorMessage, facts.text(OBSERVATION + "status_message"));
        Long completionStart = JsonValues.epochNanos(JsonValues.parseInstant(
                Values.unquoted(facts.text(OBSERVATION + "completion_start_time"))));
        if (completionStart != null && span.startNs != null && span.timeToFirstTokenNs == null) {
            span.timeToFirstTokenNs = Math.max(0, completionStart - span.startNs);
        }
        if (facts.isRoot()) {
            facts.offerRawInput(facts.text("langfuse.trace.input"));
            facts.offerRawOutput(facts.text("langfuse.trace.output"));
        }
    }

    static SpanKind kindOf(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "generation" -> SpanKind.LLM;
            case "agent" -> SpanKind.AGENT;
            case "tool" -> SpanKind.TOOL;
            case "chain" -> SpanKind.CHAIN;
            case "retriever" -> SpanKind.RETRIEVER;
            case "evaluator" -> SpanKind.EVALUATOR;
            case "embedding" -> SpanKind.EMBEDDING;
            case "guardrail" -> SpanKind.GUARDRAIL;
            default -> null;
        };
    }

    /** A generation's input/output are usually chat messages; anything else stays raw text. */
    private static void content(SpanFacts facts, CanonicalSpan span, boolean generation) {
        JsonNode input = facts.get(OBSERVATION + "input");
        JsonNode output = facts.get(OBSERVATION + "output");
        if (generation) {
            List<CanonicalMessage> inputMessages = MessageJson.parse(input, MessageDirection.INPUT, "user");
            SpanFacts.offerMessages(span, MessageDirection.INPUT, inputMessages);
            List<CanonicalMessage> outputMessages = MessageJson.parse(output, MessageDirection.OUTPUT, "assistant");
            SpanFacts.offerMessages(span, MessageDirection.OUTPUT, outputMessages);
        }
        facts.offerRawInput(Values.text(input));
        facts.offerRawOutput(Values.text(output));
        if (span.kind == SpanKind.RETRIEVER && span.documents.isEmpty()) {
            documents(Values.structured(output), span);
        }
    }

    /** A retriever's output: its documents, as a list or under "documents". */
    private static void documents(JsonNode output, CanonicalSpan span) {
        JsonNode list = output != null && output.isObject() ? output.get("documents") : output;
        if (list == null || !list.isArray()) {
            return;
        }
        int rank = 0;
        for (JsonNode document : list) {
            if (document.isObject()) {
                span.documents.add(Documents.document(rank++, document.get("id"), document.get("score"),
                        MessageJson.firstPresent(document, "content", "page_content", "text"), document.get("metadata")));
            }
        }
    }

    /** {input, output, total, …}; older SDKs wrote promptTokens / completionTokens / totalTokens. */
    private static void usage(JsonNode details, CanonicalSpan span) {
        if (details == null || !details.isObject()) {
            return;
        }
        span.inputTokens = firstNonNull(span.inputTokens, whole(details, "input", "prompt_tokens", "promptTokens", "input_tokens"));
        span.outputTokens = firstNonNull(span.outputTokens,
                whole(details, "output", "completion_tokens", "completionTokens", "output_tokens"));
        span.totalTokens = firstNonNull(span.totalTokens, whole(details, "total", "total_tokens", "totalTokens", null));
    }

    private static Long whole(JsonNode details, String... keys) {
        for (String key : keys) {
            Long value = key == null ? null : JsonValues.asLong(details.get(key));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

}
