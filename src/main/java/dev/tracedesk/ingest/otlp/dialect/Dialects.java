package dev.tracedesk.ingest.otlp.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;

/**
 * Applies the attribute dialects to a span in a fixed order of precedence, then derives what
 * follows from all of them (texts, total tokens, kind). When a span carries the same fact in two
 * dialects (e.g. gen_ai.* beside llm.*), the earlier dialect's value is kept; the raw attributes
 * keep both. The order follows which source is most complete and most standard:
 * <ol>
 *   <li>OTel GenAI, current (structured messages, request vs response model);</li>
 *   <li>OpenLLMetry flattened gen_ai.prompt.N.* (more structure than the older JSON strings);</li>
 *   <li>OTel GenAI, older (gen_ai.prompt / completion, message events);</li>
 *   <li>OpenInference;</li>
 *   <li>Langfuse;</li>
 *   <li>guardrail and evaluation checks; then session, user and errors common to all.</li>
 * </ol>
 */
public final class Dialects {

    private static final List<DialectMapper> IN_PRECEDENCE = List.of(
            new GenAiMapper(),
            new OpenLlmetryMapper(),
            new GenAiLegacyMapper(),
            new OpenInferenceMapper(),
            new LangfuseMapper(),
            new Checks(),
            new CommonMapper());

    private Dialects() {
    }

    /** Fills the span (whose ids, times and status are already set) from its attributes and events. */
    public static void apply(SpanFacts facts, CanonicalSpan span) {
        for (DialectMapper mapper : IN_PRECEDENCE) {
            mapper.map(facts, span);
        }
        finish(facts, span);
    }

    /** Sets the kind unless an earlier dialect decided it. */
    static void offerKind(CanonicalSpan span, SpanKind kind) {
        if (kind != null && span.kind == SpanKind.OTHER) {
            span.kind = kind;
        }
    }

    private static void finish(SpanFacts facts, CanonicalSpan span) {
        applyFinishReasons(facts.finishReasons, span);
        if (facts.toolDefinitions != null && (facts.parameters == null
                || !(facts.parameters.has("tools") || facts.parameters.has("functions")))) {
            facts.parameter("tools", facts.toolDefinitions);
        }
        if (span.parametersJson == null && facts.parameters != null && !facts.parameters.isEmpty()) {
            span.parametersJson = facts.parameters.toString();
        }
        List<CanonicalMessage> input = span.messages(MessageDirection.INPUT);
        List<CanonicalMessage> output = span.messages(MessageDirection.OUTPUT);
        span.inputText = CanonicalSpan.firstNonNull(span.inputText, MessageTexts.render(input), facts.rawInput);
        span.outputText = CanonicalSpan.firstNonNull(span.outputText, MessageTexts.render(output), facts.rawOutput);
        if (span.totalTokens == null && span.inputTokens != null && span.outputTokens != null) {
            span.totalTokens = span.inputTokens + span.outputTokens;
        }
        if (span.kind == SpanKind.OTHER && (!span.messages.isEmpty() || span.inputTokens != null)) {
            // a span with prompt messages or token usage is a model call whatever its dialect
            span.kind = SpanKind.LLM;
        }
        orderInputFirst(span);
    }

    /** Finish reasons given beside the messages (one per choice) go onto output messages lacking one. */
    private static void applyFinishReasons(JsonNode reasons, CanonicalSpan span) {
        if (reasons == null || !reasons.isArray() || reasons.isEmpty()) {
            return;
        }
        int choice = 0;
        ListIterator<CanonicalMessage> messages = span.messages.listIterator();
        while (messages.hasNext() && choice < reasons.size()) {
            CanonicalMessage message = messages.next();
            if (message.direction() != MessageDirection.OUTPUT) {
                continue;
            }
            String reason = Values.text(reasons.get(choice++));
            if (message.finishReason() == null && reason != null) {
                messages.set(new CanonicalMessage(message.direction(), message.role(), message.name(), message.content(),
                        message.toolCallsJson(), message.toolCallId(), reason));
            }
        }
    }

    /** Inputs before outputs, each in its own order, however the dialects added them. */
    private static void orderInputFirst(CanonicalSpan span) {
        boolean outputSeen = false;
        for (CanonicalMessage message : span.messages) {
            if (message.direction() == MessageDirection.OUTPUT) {
                outputSeen = true;
            } else if (outputSeen) {
                List<CanonicalMessage> ordered = new ArrayList<>(span.messages(MessageDirection.INPUT));
                ordered.addAll(span.messages(MessageDirection.OUTPUT));
                span.messages.clear();
                span.messages.addAll(ordered);
                return;
            }
        }
    }
}
