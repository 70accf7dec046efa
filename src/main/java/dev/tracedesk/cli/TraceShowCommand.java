package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.grounding.DocumentScore;
import dev.tracedesk.grounding.GroundingResult;
import dev.tracedesk.grounding.SentenceGrounding;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.traces.SpanCheck;
import dev.tracedesk.traces.SpanDetail;
import dev.tracedesk.traces.SpanDocument;
import dev.tracedesk.traces.SpanGrounding;
import dev.tracedesk.traces.SpanMessage;
import dev.tracedesk.traces.TraceDetail;
import dev.tracedesk.traces.TraceQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = {
        "Show a whole trace: every span with its model, prompt, messages, documents and checks.",
        "LLM calls with output and retrieved context (their own documents, or those of the RETRIEVER spans that ran"
                + " before them) get a groundedness hint: the output sentences whose content words the documents"
                + " barely contain. Word overlap, offline, no model call: a pointer for a reviewer, not a verdict."})
public final class TraceShowCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(paramLabel = "TRACE_ID", description = "The trace id as the source wrote it (see: tracedesk traces).")
    private String traceId;

    @Option(names = "--json", description = {"Print JSON only.",
            "Every span has grounding[]: for an LLM call with output and retrieved context, one entry per output"
                    + " sentence that has content words: {sentence, start, end (character offsets into the"
                    + " output: its output messages joined by a blank line), support (0..1, the best document's"
                    + " share of the sentence's content words), verdict (supported | weak | unsupported),"
                    + " documents [{rank, documentId, score}] (best first, at most 3), missingWords (not in the"
                    + " best document)}. An empty array for every other span, and for a call with no context."})
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        TraceDetail trace;
        try (Workspace open = workspace.open()) {
            trace = new TraceQueries(open.dsl()).trace(traceId).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "No trace '" + traceId + "' in this workspace (see: tracedesk traces)."));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, asJson(trace));
        } else {
            new TraceOutline(out).print(trace);
        }
        return ExitCodes.OK;
    }

    /** The documented shape, keys in this order. */
    static Map<String, Object> asJson(TraceDetail trace) {
        Map<String, Object> json = TracesCommand.traceHeader(trace.traceId(), trace.name(), trace.startNs(),
                trace.durationNs(), trace.status());
        json.put("spans", trace.spans().stream().map(span -> asJson(trace, span)).toList());
        return json;
    }

    private static Map<String, Object> asJson(TraceDetail trace, SpanDetail span) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("spanId", span.spanId());
        json.put("parentSpanId", span.parentSpanId());
        json.put("kind", span.kind());
        json.put("name", span.name());
        json.put("startedAt", DisplayValues.isoFromEpochNanos(span.startNs()));
        json.put("durationMs", DisplayValues.millisFromNanos(span.durationNs()));
        json.put("status", span.status());
        json.put("error", span.error());
        json.put("provider", span.provider());
        json.put("requestModel", span.requestModel());
        json.put("responseModel", span.responseModel());
        json.put("params", DisplayValues.storedJson(span.parametersJson()));
        json.put("promptTemplate", span.promptTemplate() == null ? null : asJson(span.promptTemplate()));
        json.put("usage", span.usage() == null ? null : asJson(span.usage()));
        json.put("cost", span.cost() == null ? null : asJson(span.cost()));
        json.put("messages", span.messages().stream().map(TraceShowCommand::asJson).toList());
        json.put("documents", span.documents().stream().map(TraceShowCommand::asJson).toList());
        json.put("checks", span.checks().stream().map(TraceShowCommand::asJson).toList());
        json.put("attributes", DisplayValues.storedJson(span.attributesJson()));
        json.put("grounding", SpanGrounding.of(trace, span).map(GroundingResult::sentences).orElse(List.of())
                .stream().map(TraceShowCommand::asJson).toList());
        return json;
    }

    private static Map<String, Object> asJson(SentenceGrounding sentence) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sentence", sentence.sentence());
        json.put("start", sentence.start());
        json.put("end", sentence.end());
        json.put("support", score(sentence.support()));
        json.put("verdict", DisplayValues.lowerCase(sentence.verdict().name()));
        json.put("documents", sentence.documents().stream().map(TraceShowCommand::asJson).toList());
        json.put("missingWords", sentence.missingWords());
        return json;
    }

    private static Map<String, Object> asJson(DocumentScore document) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rank", document.document().rank());
        json.put("documentId", document.document().documentId());
        json.put("score", score(document.score()));
        return json;
    }

    /** Three decimals are plenty for a share of a sentence's words (0.833, 1, 0.5). */
    private static BigDecimal score(double share) {
        return DisplayValues.plain(BigDecimal.valueOf(share).setScale(3, RoundingMode.HALF_UP));
    }

    private static Map<String, Object> asJson(SpanDetail.PromptTemplate template) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", template.name());
        json.put("version", template.version());
        json.put("text", template.text());
        json.put("variables", DisplayValues.storedJson(template.variablesJson()));
        return json;
    }

    private static Map<String, Object> asJson(SpanDetail.TokenUsage usage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("inputTokens", usage.inputTokens());
        json.put("outputTokens", usage.outputTokens());
        json.put("totalTokens", usage.totalTokens());
        return json;
    }

    private static Map<String, Object> asJson(SpanDetail.Cost cost) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("usd", DisplayValues.plain(cost.usd()));
        json.put("estimated", cost.estimated());
        return json;
    }

    private static Map<String, Object> asJson(SpanMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("direction", DisplayValues.lowerCase(message.direction()));
        json.put("role", message.role());
        json.put("content", message.content());
        json.put("toolCalls", DisplayValues.storedJson(message.toolCallsJson()));
        return json;
    }

    private static Map<String, Object> asJson(SpanDocument document) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rank", document.rank());
        json.put("id", document.documentId());
        json.put("score", document.score());
        json.put("content", document.content());
        return json;
    }

    private static Map<String, Object> asJson(SpanCheck check) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", check.name());
        json.put("source", check.source());
        json.put("label", check.label());
        json.put("value", check.value());
        json.put("passed", check.passed());
        json.put("explanation", check.explanation());
        return json;
    }
}
