package dev.tracedesk.traces;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.grounding.GroundednessHint;
import dev.tracedesk.grounding.GroundingDocument;
import dev.tracedesk.grounding.GroundingResult;

/** The groundedness hint of one span of a trace, when it has one: an LLM call with output text and retrieved context. */
public final class SpanGrounding {

    private SpanGrounding() {
    }

    public static Optional<GroundingResult> of(TraceDetail trace, SpanDetail span) {
        if (!SpanKind.LLM.name().equals(span.kind())) {
            return Optional.empty();
        }
        String output = outputText(span);
        if (output == null) {
            return Optional.empty();
        }
        List<GroundingDocument> documents = RetrievedContext.of(trace, span.spanId());
        return documents.isEmpty() ? Optional.empty() : Optional.of(GroundednessHint.of(output, documents));
    }

    /**
     * The text the sentence offsets index: the output messages' contents joined by a blank line, or
     * the span's output text when it has no output message. Output text that is JSON is the raw API
     * response some instrumentations record, not prose, and is left alone. Null when there is none.
     */
    public static String outputText(SpanDetail span) {
        String fromMessages = span.messages().stream()
                .filter(message -> "OUTPUT".equals(message.direction()))
                .map(SpanMessage::content)
                .filter(content -> content != null && !content.isBlank())
                .collect(Collectors.joining("\n\n"));
        if (!fromMessages.isEmpty()) {
            return fromMessages;
        }
        String text = span.outputText();
        if (text == null || text.isBlank() || text.strip().startsWith("{") || text.strip().startsWith("[")) {
            return null;
        }
        return text;
    }
}
