package dev.tracedesk.ingest.otlp;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.otlp.OtlpEnvelopeWalker.Position;
import dev.tracedesk.ingest.otlp.OtlpEnvelopeWalker.Signal;

/**
 * Maps each record the walker finds and hands it to the sink; a record that cannot be mapped
 * becomes a rejection with its path and its own JSON, and reading goes on.
 */
final class OtlpRecordEmitter implements OtlpEnvelopeWalker.Visitor {

    /** The text of a record between two offsets of what is being read (a line, or the file). */
    interface RawTextSource {
        String between(long start, long end);
    }

    private final RecordSink sink;
    private RawTextSource rawText = (start, end) -> "";
    private final OtlpSpanMapper spans = new OtlpSpanMapper();
    private final OtlpLogRecordMapper logRecords = new OtlpLogRecordMapper();
    /** In a JSONL file, the line being read (records' positions are within it); 0 in a document. */
    private long fileLine;
    private String lineText;
    private long emitted;

    OtlpRecordEmitter(RecordSink sink) {
        this.sink = sink;
    }

    /** Reading a JSONL line: positions are within it, raw text comes from it. */
    void atLine(long line, String text) {
        this.fileLine = line;
        this.lineText = text;
        this.rawText = (start, end) -> start >= 0 && end <= text.length() && start <= end
                ? text.substring((int) start, (int) end) : text;
    }

    /** Reading a whole document: raw text is read again from the file. */
    void inDocument(RawTextSource document) {
        this.fileLine = 0;
        this.lineText = null;
        this.rawText = document;
    }

    /** Records handed to the sink so far (spans and log messages). */
    long emitted() {
        return emitted;
    }

    @Override
    public void span(RawSpan raw, ResourceScope context, Position where) {
        raw.sourceText = lineText;
        CanonicalSpan span = mapSpan(raw, context, where);
        if (span != null) {
            sink.span(span);
            emitted++;
        }
        sink.stopIfCancelled();
    }

    @Override
    public void logRecord(ObjectNode record, ResourceScope context, Position where) {
        for (CanonicalLogEvent event : mapLogRecord(record, where)) {
            sink.logEvent(event);
            emitted++;
        }
        sink.stopIfCancelled();
    }

    private CanonicalSpan mapSpan(RawSpan raw, ResourceScope context, Position where) {
        try {
            return spans.map(raw, context);
        } catch (BadRecordException e) {
            reject(where, rawTextOf(raw), e.getMessage());
        } catch (RuntimeException e) {
            reject(where, rawTextOf(raw), "the span could not be read: " + e);
        }
        return null;
    }

    private String rawTextOf(RawSpan raw) {
        return raw.rawTree != null ? raw.rawTree.toString() : rawText.between(raw.rawStart, raw.rawEnd);
    }

    private List<CanonicalLogEvent> mapLogRecord(ObjectNode record, Position where) {
        try {
            return logRecords.map(record);
        } catch (BadRecordException e) {
            reject(where, record.toString(), e.getMessage());
        } catch (RuntimeException e) {
            reject(where, record.toString(), "the log record could not be read: " + e);
        }
        return List.of();
    }

    @Override
    public void notAnObject(Signal signal, JsonNode value, Position where) {
        String found = value.isNull() ? "null" : "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        reject(where, value.toString(), found + " where " + (signal == Signal.SPANS ? "a span" : "a log record")
                + " (or its resource or scope block) belongs");
        sink.stopIfCancelled();
    }

    @Override
    public void unsupported(String signalKey, JsonNode value, Position where) {
        reject(where, value.toString(), signalKey + ": OTLP " + (signalKey.contains("etric") ? "metrics" : "profiles")
                + " carry no LLM calls; Tracedesk imports traces and GenAI log events");
        sink.stopIfCancelled();
    }

    void reject(Position where, String rawText, String reason) {
        boolean inLine = fileLine > 0;
        String locator = inLine ? "line " + fileLine + ", " + where.path() : where.path();
        sink.reject(new Rejection(locator, inLine ? fileLine : where.line(), rawText, reason));
    }
}
