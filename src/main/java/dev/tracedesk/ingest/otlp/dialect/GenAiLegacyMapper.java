package dev.tracedesk.ingest.otlp.dialect;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;

/**
 * The older OTel GenAI generations: gen_ai.prompt / gen_ai.completion as span attributes or on
 * the span events gen_ai.content.prompt / gen_ai.content.completion (JSON strings, sometimes
 * Python-repr quoted: then the raw text is kept), and the message span events
 * gen_ai.{system,user,assistant,tool}.message and gen_ai.choice (semconv 1.28–1.36).
 */
final class GenAiLegacyMapper implements DialectMapper {

    @Override
    public void map(SpanFacts facts, CanonicalSpan span) {
        if (!facts.hasAny(SpanFacts.GEN_AI) && facts.events().isEmpty()) {
            return;
        }
        content(facts, span, facts.get("gen_ai.prompt"), MessageDirection.INPUT);
        content(facts, span, facts.get("gen_ai.completion"), MessageDirection.OUTPUT);
        if (facts.events().isEmpty()) {
            return;
        }
        List<CanonicalMessage> input = new ArrayList<>();
        List<CanonicalMessage> output = new ArrayList<>();
        for (SpanEvent event : facts.events()) {
            String name = event.name();
            if ("gen_ai.content.prompt".equals(name)) {
                content(facts, span, event.attributes().get("gen_ai.prompt"), MessageDirection.INPUT);
            } else if ("gen_ai.content.completion".equals(name)) {
                content(facts, span, event.attributes().get("gen_ai.completion"), MessageDirection.OUTPUT);
            } else if (GenAiEvents.isMessageEvent(name)) {
                CanonicalMessage message = GenAiEvents.message(name, GenAiEvents.bodyFromAttributes(event.attributes()));
                (message.direction() == MessageDirection.INPUT ? input : output).add(message);
            }
        }
        SpanFacts.offerMessages(span, MessageDirection.INPUT, input);
        SpanFacts.offerMessages(span, MessageDirection.OUTPUT, output);
    }

    private static void content(SpanFacts facts, CanonicalSpan span, JsonNode value, MessageDirection direction) {
        if (value == null || value.isNull()) {
            return;
        }
        boolean input = direction == MessageDirection.INPUT;
        List<CanonicalMessage> messages = MessageJson.parse(value, direction, input ? "user" : "assistant");
        if (messages != null) {
            SpanFacts.offerMessages(span, direction, messages);
        } else if (input) {
            facts.offerRawInput(Values.text(value));
        } else {
            facts.offerRawOutput(Values.text(value));
        }
    }
}
