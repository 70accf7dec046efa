package dev.tracedesk.ingest;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalDocument;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.LineReader;
import dev.tracedesk.ingest.source.Sniff;

/**
 * A test-only reader of a tiny JSONL script, so the import service and writer are tested on their
 * own: {"span":…}, {"log":…}, {"run":…}, {"case":…} lines; anything else is rejected.
 */
final class ScriptedReader implements FormatReader {

    @Override
    public ImportFormat format() {
        return ImportFormat.GENERIC_JSONL;
    }

    @Override
    public int confidence(Sniff sniff) {
        return sniff.firstLineIsJsonObject() && sniff.firstLineJson().has("script") ? 100 : 0;
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        try (InputStream in = source.openStream()) {
            LineReader lines = new LineReader(in);
            for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                sink.stopIfCancelled();
                if (!line.ok()) {
                    sink.reject(new Rejection("line " + line.number(), line.number(), line.rawHead(), line.problem()));
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    emit(JsonValues.MAPPER.readTree(line.text()), sink);
                } catch (IOException | RuntimeException e) {
                    sink.reject(new Rejection("line " + line.number(), line.number(), line.text(), "not a script record: " + e.getMessage()));
                }
            }
        }
    }

    private static void emit(JsonNode node, RecordSink sink) {
        if (node.has("span")) {
            sink.span(span(node.get("span")));
        } else if (node.has("log")) {
            JsonNode log = node.get("log");
            sink.logEvent(new CanonicalLogEvent(log.get("trace").asText(), log.get("span").asText(), log.get("time").asLong(),
                    CanonicalMessage.text(MessageDirection.valueOf(log.get("direction").asText()), log.get("role").asText(),
                            log.get("content").asText())));
        } else if (node.has("run")) {
            CanonicalEvalRun run = new CanonicalEvalRun();
            run.tool = "script";
            run.externalRunId = node.get("run").asText();
            sink.evalRun(run);
        } else if (node.has("case")) {
            JsonNode c = node.get("case");
            CanonicalEvalCase evalCase = new CanonicalEvalCase();
            evalCase.caseKey = c.get("key").asText();
            evalCase.provider = c.path("provider").asText("");
            evalCase.status = CaseStatus.valueOf(c.get("status").asText());
            evalCase.traceId = JsonValues.text(c.get("trace"));
            sink.evalCase(evalCase);
        } else if (node.has("script")) {
            return;
        } else {
            throw new IllegalArgumentException("unknown record");
        }
    }

    private static CanonicalSpan span(JsonNode s) {
        CanonicalSpan span = new CanonicalSpan();
        span.traceId = s.get("trace").asText();
        span.spanId = s.get("id").asText();
        span.parentSpanId = JsonValues.text(s.get("parent"));
        span.sourceSystem = "script";
        span.name = s.path("name").asText("span " + span.spanId);
        span.traceName = JsonValues.text(s.get("traceName"));
        span.kind = SpanKind.valueOf(s.path("kind").asText("LLM"));
        span.status = SpanStatus.valueOf(s.path("status").asText("OK"));
        span.startNs = JsonValues.asLong(s.get("start"));
        span.durationNs = JsonValues.asLong(s.get("duration"));
        span.servedModel = JsonValues.text(s.get("model"));
        span.inputTokens = JsonValues.asLong(s.get("in"));
        span.outputTokens = JsonValues.asLong(s.get("out"));
        span.costUsd = JsonValues.asDecimal(s.get("cost"));
        span.inputText = JsonValues.text(s.get("input"));
        span.outputText = JsonValues.text(s.get("output"));
        s.path("messages").forEach(m -> span.messages.add(CanonicalMessage.text(
                MessageDirection.valueOf(m.get(0).asText()), m.get(1).asText(), m.get(2).asText())));
        s.path("docs").forEach(d -> span.documents.add(new CanonicalDocument(span.documents.size(), d.get(0).asText(),
                d.get(1).asDouble(), d.get(2).asText(), null, null)));
        s.path("checks").forEach(c -> span.checks.add(new CanonicalCheck(JsonValues.text(c.get("id")),
                CheckSource.GUARDRAIL, c.get("name").asText(), null, null, c.get("passed").asBoolean(), null, null)));
        return span;
    }
}
