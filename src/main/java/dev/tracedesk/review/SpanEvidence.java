package dev.tracedesk.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tracedesk.grounding.GroundingDocument;
import dev.tracedesk.traces.RetrievedContext;
import dev.tracedesk.traces.SpanCheck;
import dev.tracedesk.traces.SpanDetail;
import dev.tracedesk.traces.SpanDocument;
import dev.tracedesk.traces.SpanMessage;
import dev.tracedesk.traces.TraceDetail;
import dev.tracedesk.traces.TraceFormat;

/**
 * An LLM call's provenance condensed for the review screen: the rendered input (messages by role,
 * or the input text), the output, the context it could draw on (its own documents or the nearest
 * retriever's, as the trace view finds them), the model and prompt versions, checks and facts.
 */
final class SpanEvidence {

    private SpanEvidence() {
    }

    static ReviewEvidence of(TraceDetail trace, SpanDetail span) {
        List<String> facts = new ArrayList<>();
        facts.add("Latency: " + TraceFormat.duration(span.durationNs()));
        if (span.usage() != null) {
            facts.add("Tokens: " + TraceFormat.tokens(span.usage().inputTokens()) + " in, "
                    + TraceFormat.tokens(span.usage().outputTokens()) + " out");
        }
        if (span.cost() != null) {
            facts.add("Cost: " + TraceFormat.cost(span.cost().usd(), span.cost().estimated()));
        }
        facts.add("Status: " + span.status().toLowerCase(Locale.ROOT));
        List<String> checks = span.checks().stream().map(SpanEvidence::describe).toList();
        String prompt = span.promptTemplate() == null ? null
                : join(span.promptTemplate().name(), span.promptTemplate().version());
        return new ReviewEvidence(span.name(), input(span), output(span), null, span.error(), span.responseModel(),
                span.requestModel(), span.provider(), prompt, context(trace, span), checks, facts, trace.traceId(),
                span.spanId());
    }

    static ReviewEvidence missing(String why) {
        return new ReviewEvidence(why, null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(),
                null, null);
    }

    private static String input(SpanDetail span) {
        List<SpanMessage> inputs = span.messages().stream().filter(m -> "INPUT".equals(m.direction())).toList();
        if (inputs.isEmpty()) {
            return span.inputText();
        }
        StringBuilder text = new StringBuilder();
        for (SpanMessage message : inputs) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(message.role().toUpperCase(Locale.ROOT)).append(": ")
                    .append(message.content() == null ? "" : message.content());
            if (message.toolCallsJson() != null) {
                text.append("\n[tool calls] ").append(message.toolCallsJson());
            }
        }
        return text.toString();
    }

    private static String output(SpanDetail span) {
        if (span.outputText() != null && !span.outputText().isBlank()) {
            return span.outputText();
        }
        List<String> outputs = span.messages().stream().filter(m -> "OUTPUT".equals(m.direction()))
                .map(m -> m.content() != null ? m.content() : m.toolCallsJson()).filter(c -> c != null).toList();
        return outputs.isEmpty() ? null : String.join("\n\n", outputs);
    }

    private static List<ReviewEvidence.ContextDocument> context(TraceDetail trace, SpanDetail span) {
        Map<String, SpanDetail> spansById = new HashMap<>();
        trace.spans().forEach(s -> spansById.putIfAbsent(s.spanId(), s));
        List<ReviewEvidence.ContextDocument> documents = new ArrayList<>();
        for (GroundingDocument document : RetrievedContext.of(trace, span.spanId())) {
            SpanDocument stored = spansById.get(document.spanId()).documents().stream()
                    .filter(d -> d.rank() == document.rank()).findFirst().orElse(null);
            documents.add(new ReviewEvidence.ContextDocument(document.label(), document.rank(),
                    stored == null ? null : stored.score(), stored == null ? null : stored.source(), document.content()));
        }
        return documents;
    }

    private static String describe(SpanCheck check) {
        String mark = check.passed() == null ? "•" : check.passed() ? "✓" : "✗";
        StringBuilder line = new StringBuilder(mark).append(' ').append(check.name());
        if (check.label() != null) {
            line.append(": ").append(check.label());
        }
        if (check.value() != null) {
            line.append(String.format(Locale.ROOT, " (%.2f)", check.value()));
        }
        line.append(" — ").append(check.source().toLowerCase(Locale.ROOT));
        if (check.explanation() != null && !check.explanation().isBlank()) {
            line.append(". ").append(check.explanation());
        }
        return line.toString();
    }

    private static String join(String name, String version) {
        if (name == null) {
            return version == null ? null : "v" + version;
        }
        return version == null ? name : name + " v" + version;
    }
}
