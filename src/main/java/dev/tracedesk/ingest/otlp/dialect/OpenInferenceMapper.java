package dev.tracedesk.ingest.otlp.dialect;

import static dev.tracedesk.ingest.model.CanonicalSpan.firstNonNull;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;

/**
 * OpenInference (Arize Phoenix): openinference.span.kind, input/output.value, llm.model_name,
 * llm.provider / llm.system, llm.invocation_parameters, llm.token_count.*, llm.cost.* (reported
 * cost), llm.prompt_template.*, and the flattened lists (see {@link OpenInferenceLists}).
 */
final class OpenInferenceMapper implements DialectMapper {

    @Override
    public void map(SpanFacts facts, CanonicalSpan span) {
        if (!facts.hasAny(SpanFacts.OPEN_INFERENCE)) {
            return;
        }
        String kind = facts.text("openinference.span.kind");
        if (kind != null) {
            Dialects.offerKind(span, kindOf(kind));
        }
        facts.offerRawInput(facts.text("input.value"));
        facts.offerRawOutput(facts.text("output.value"));
        JsonNode invocation = facts.structured("llm.invocation_parameters");
        span.requestedModel = firstNonNull(span.requestedModel, facts.text("llm.request.model_name"),
                invocation == null ? null : Values.text(invocation.get("model")));
        span.servedModel = firstNonNull(span.servedModel, facts.text("llm.response.model_name"),
                facts.text("llm.model_name"), facts.text("embedding.model_name"), facts.text("reranker.model_name"));
        span.provider = firstNonNull(span.provider, facts.text("llm.provider"), facts.text("llm.system"));
        facts.offerParameters(invocation != null ? invocation : facts.get("llm.invocation_parameters"));
        span.inputTokens = firstNonNull(span.inputTokens, facts.whole("llm.token_count.prompt"));
        span.outputTokens = firstNonNull(span.outputTokens, facts.whole("llm.token_count.completion"));
        span.totalTokens = firstNonNull(span.totalTokens, facts.whole("llm.token_count.total"));
        span.costUsd = firstNonNull(span.costUsd, cost(facts));
        span.promptTemplateText = firstNonNull(span.promptTemplateText, facts.text("llm.prompt_template.template"));
        span.promptVariablesJson = firstNonNull(span.promptVariablesJson, variables(facts.get("llm.prompt_template.variables")));
        span.promptTemplateVersion = firstNonNull(span.promptTemplateVersion, facts.text("llm.prompt_template.version"));
        span.promptTemplateName = firstNonNull(span.promptTemplateName, facts.text("prompt.id"));
        OpenInferenceLists.map(facts, span);
        if (span.kind == SpanKind.LLM) {
            messagesFromValues(facts, span);
        }
        if (facts.finishReasons == null && SpanFacts.hasMessages(span, MessageDirection.OUTPUT)) {
            facts.finishReasons = finishReasons(facts);
        }
    }

    /**
     * An LLM span without flattened messages may still hold them in input.value / output.value as
     * JSON (a chat request, a list of messages, a completion): read those, text stays raw.
     */
    private static void messagesFromValues(SpanFacts facts, CanonicalSpan span) {
        if (!SpanFacts.hasMessages(span, MessageDirection.INPUT) && isJson(facts, "input.mime_type")) {
            SpanFacts.offerMessages(span, MessageDirection.INPUT,
                    MessageJson.parse(facts.get("input.value"), MessageDirection.INPUT, "user"));
        }
        if (!SpanFacts.hasMessages(span, MessageDirection.OUTPUT) && isJson(facts, "output.mime_type")) {
            SpanFacts.offerMessages(span, MessageDirection.OUTPUT,
                    MessageJson.parse(facts.get("output.value"), MessageDirection.OUTPUT, "assistant"));
        }
    }

    private static boolean isJson(SpanFacts facts, String mimeTypeKey) {
        return "application/json".equals(facts.text(mimeTypeKey));
    }

    /**
     * The flattened output messages carry no finish reason; the response JSON in output.value
     * does ({choices: [{finish_reason}]}), and so may llm.finish_reason.
     */
    private static JsonNode finishReasons(SpanFacts facts) {
        String single = facts.text("llm.finish_reason");
        if (single != null) {
            return JsonNodeFactory.instance.arrayNode().add(single);
        }
        if (!isJson(facts, "output.mime_type")) {
            return null;
        }
        JsonNode output = facts.structured("output.value");
        JsonNode choices = output == null ? null : output.get("choices");
        if (choices == null || !choices.isArray()) {
            return null;
        }
        ArrayNode reasons = JsonNodeFactory.instance.arrayNode();
        choices.forEach(choice -> reasons.add(choice.path("finish_reason")));
        return reasons;
    }

    static SpanKind kindOf(String kind) {
        return switch (kind.toUpperCase(java.util.Locale.ROOT)) {
            case "LLM" -> SpanKind.LLM;
            case "EMBEDDING" -> SpanKind.EMBEDDING;
            case "RETRIEVER", "RERANKER" -> SpanKind.RETRIEVER;
            case "TOOL" -> SpanKind.TOOL;
            case "AGENT" -> SpanKind.AGENT;
            case "GUARDRAIL" -> SpanKind.GUARDRAIL;
            case "EVALUATOR" -> SpanKind.EVALUATOR;
            case "CHAIN", "PROMPT", "DECISION", "CLASSIFIER" -> SpanKind.CHAIN;
            default -> null;
        };
    }

    /** The reported total, or the sum of the reported prompt and completion costs. */
    private static BigDecimal cost(SpanFacts facts) {
        BigDecimal total = facts.decimal("llm.cost.total");
        if (total != null) {
            return total;
        }
        BigDecimal prompt = facts.decimal("llm.cost.prompt");
        BigDecimal completion = facts.decimal("llm.cost.completion");
        if (prompt == null && completion == null) {
            return null;
        }
        return (prompt == null ? BigDecimal.ZERO : prompt).add(completion == null ? BigDecimal.ZERO : completion);
    }

    /** Variables are a JSON string (or, from some SDKs, a structured value); stored as JSON. */
    private static String variables(JsonNode value) {
        JsonNode structured = Values.structured(value);
        if (structured != null) {
            return structured.toString();
        }
        String text = Values.text(value);
        return text == null ? null : com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
