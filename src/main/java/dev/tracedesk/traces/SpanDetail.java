package dev.tracedesk.traces;

import java.math.BigDecimal;
import java.util.List;

/**
 * A span with its content, messages, retrieved documents and checks. Text that the store keeps as
 * JSON ({@code *Json}) is passed on as stored; {@code promptTemplate}, {@code usage} and
 * {@code cost} are null when the span has none of their values.
 */
public record SpanDetail(long id, String spanId, String parentSpanId, String kind, String name, Long startNs,
                         Long durationNs, String status, String error, String provider, String requestModel,
                         String responseModel, String parametersJson, PromptTemplate promptTemplate, TokenUsage usage,
                         Cost cost, String inputText, String outputText, String attributesJson,
                         List<SpanMessage> messages, List<SpanDocument> documents, List<SpanCheck> checks) {

    public SpanDetail {
        messages = List.copyOf(messages);
        documents = List.copyOf(documents);
        checks = List.copyOf(checks);
    }

    /** The prompt template the call was rendered from; {@code variablesJson} as stored. */
    public record PromptTemplate(String name, String version, String text, String variablesJson) {

        static PromptTemplate of(String name, String version, String text, String variablesJson) {
            boolean none = name == null && version == null && text == null && variablesJson == null;
            return none ? null : new PromptTemplate(name, version, text, variablesJson);
        }
    }

    public record TokenUsage(Long inputTokens, Long outputTokens, Long totalTokens) {

        static TokenUsage of(Long inputTokens, Long outputTokens, Long totalTokens) {
            boolean none = inputTokens == null && outputTokens == null && totalTokens == null;
            return none ? null : new TokenUsage(inputTokens, outputTokens, totalTokens);
        }
    }

    /** What the call cost; {@code estimated} when it came from the price table, not from the source. */
    public record Cost(BigDecimal usd, boolean estimated) {

        static Cost of(BigDecimal usd, String costSource) {
            return usd == null ? null : new Cost(usd, "ESTIMATED".equals(costSource));
        }
    }
}
