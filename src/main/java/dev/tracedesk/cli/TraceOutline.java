package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.tracedesk.grounding.SentenceGrounding;
import dev.tracedesk.traces.SpanCheck;
import dev.tracedesk.traces.SpanDetail;
import dev.tracedesk.traces.SpanDocument;
import dev.tracedesk.traces.SpanGrounding;
import dev.tracedesk.traces.SpanMessage;
import dev.tracedesk.traces.TraceDetail;

/**
 * A trace for people at a terminal: the span tree, each span with its model, messages, documents
 * and checks, and under an LLM call the output sentences its retrieved context barely supports.
 */
final class TraceOutline {

    private static final int TEXT_WIDTH = 100;

    private final PrintWriter out;

    TraceOutline(PrintWriter out) {
        this.out = out;
    }

    void print(TraceDetail trace) {
        out.printf("Trace %s  %s  [%s]%n", trace.traceId(), trace.name() == null ? "" : trace.name(), trace.status());
        out.printf("started %s   duration %s   %d spans%n%n", DisplayValues.isoFromEpochNanos(trace.startNs()),
                DisplayValues.duration(trace.durationNs()), trace.spans().size());
        Map<String, List<SpanDetail>> children = new LinkedHashMap<>();
        Set<String> spanIds = new HashSet<>();
        trace.spans().forEach(span -> spanIds.add(span.spanId()));
        List<SpanDetail> roots = new ArrayList<>();
        for (SpanDetail span : trace.spans()) {
            if (span.parentSpanId() == null || !spanIds.contains(span.parentSpanId())) {
                roots.add(span);
            } else {
                children.computeIfAbsent(span.parentSpanId(), id -> new ArrayList<>()).add(span);
            }
        }
        Set<String> printed = new HashSet<>();
        roots.forEach(root -> printTree(trace, root, 0, children, printed));
        // Spans in a parent cycle have no root; show them rather than lose them.
        trace.spans().stream().filter(span -> !printed.contains(span.spanId()))
                .forEach(span -> printTree(trace, span, 0, children, printed));
        out.flush();
    }

    private void printTree(TraceDetail trace, SpanDetail span, int depth, Map<String, List<SpanDetail>> children,
                           Set<String> printed) {
        if (!printed.add(span.spanId())) {
            return;
        }
        printSpan(trace, span, "  ".repeat(depth));
        for (SpanDetail child : children.getOrDefault(span.spanId(), List.of())) {
            printTree(trace, child, depth + 1, children, printed);
        }
    }

    private void printSpan(TraceDetail trace, SpanDetail span, String indent) {
        out.printf("%s%-9s %s  %s  [%s]%s%n", indent, span.kind(), DisplayValues.oneLine(span.name(), 60),
                DisplayValues.duration(span.durationNs()), span.status(), model(span));
        String detail = indent + "    ";
        if (span.error() != null) {
            out.printf("%s! %s%n", detail, DisplayValues.oneLine(span.error(), TEXT_WIDTH));
        }
        if (span.usage() != null || span.cost() != null) {
            out.printf("%s%s%n", detail, usageAndCost(span));
        }
        if (span.promptTemplate() != null) {
            out.printf("%stemplate %s %s%n", detail, orUnknown(span.promptTemplate().name()),
                    span.promptTemplate().version() == null ? "" : "v" + span.promptTemplate().version());
        }
        for (SpanMessage message : span.messages()) {
            out.printf("%s%s %s: %s%n", detail, "INPUT".equals(message.direction()) ? ">" : "<", message.role(),
                    DisplayValues.oneLine(message.content() != null ? message.content() : message.toolCallsJson(), TEXT_WIDTH));
        }
        for (SpanDocument document : span.documents()) {
            out.printf("%s#%d %s%s  %s%n", detail, document.rank(), orUnknown(document.documentId()),
                    document.score() == null ? "" : String.format(java.util.Locale.ROOT, " (%.3f)", document.score()),
                    DisplayValues.oneLine(document.content(), TEXT_WIDTH));
        }
        for (SpanCheck check : span.checks()) {
            String mark = check.passed() == null ? "·" : check.passed() ? "✓" : "✗";
            out.printf("%s%s %s (%s)%s%s%s%n", detail, mark, check.name(), check.source(),
                    check.label() == null ? "" : " " + check.label(),
                    check.value() == null ? "" : " " + check.value(),
                    check.explanation() == null ? "" : ": " + DisplayValues.oneLine(check.explanation(), TEXT_WIDTH));
        }
        SpanGrounding.of(trace, span).ifPresent(grounding -> grounding.flagged()
                .forEach(sentence -> printGrounding(sentence, detail)));
    }

    /** Only the sentences worth a second look; the word "hint" stays in the line so no one reads it as a verdict. */
    private void printGrounding(SentenceGrounding sentence, String detail) {
        out.printf(Locale.ROOT, "%s? grounding hint: %s %.2f \"%s\" — %s%n", detail,
                DisplayValues.lowerCase(sentence.verdict().name()), sentence.support(),
                DisplayValues.oneLine(sentence.sentence(), 60), sentence.explanation());
    }

    private static String model(SpanDetail span) {
        if (span.requestModel() == null && span.responseModel() == null) {
            return "";
        }
        String provider = span.provider() == null ? "" : span.provider() + " ";
        if (span.responseModel() == null || span.responseModel().equals(span.requestModel())) {
            return "  " + provider + (span.responseModel() != null ? span.responseModel() : span.requestModel());
        }
        return "  " + provider + (span.requestModel() == null ? "" : span.requestModel() + " → ") + span.responseModel();
    }

    private static String usageAndCost(SpanDetail span) {
        List<String> parts = new ArrayList<>();
        if (span.usage() != null) {
            parts.add("tokens in " + orUnknown(span.usage().inputTokens()) + " / out "
                    + orUnknown(span.usage().outputTokens()) + " / total " + orUnknown(span.usage().totalTokens()));
        }
        if (span.cost() != null) {
            parts.add("$" + DisplayValues.plain(span.cost().usd()).toPlainString()
                    + (span.cost().estimated() ? " (estimated)" : ""));
        }
        return String.join("   ", parts);
    }

    private static String orUnknown(Object value) {
        return value == null ? "?" : value.toString();
    }
}
