package dev.tracedesk.ingest.langfuse;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;

/**
 * Turns each record a layout reads (a JSONL line, an array element, a whole document) into
 * canonical records: traces and observations as spans, scores as checks, list responses
 * element by element; anything else is rejected with where it was and why.
 */
final class RecordEmitter {

    private final RecordSink sink;
    private long emitted;
    private long rejected;

    RecordEmitter(RecordSink sink) {
        this.sink = sink;
    }

    /** How many spans and checks were emitted so far. */
    long emitted() {
        return emitted;
    }

    long rejected() {
        return rejected;
    }

    RecordSink sink() {
        return sink;
    }

    /**
     * @param rawText the record as the file had it (a JSONL line), or null to use the JSON of the node
     */
    void record(JsonNode node, String locator, Long lineNumber, String rawText) {
        RecordShape shape = RecordShape.of(node);
        String raw = rawText != null ? rawText : String.valueOf(node);
        try {
            switch (shape) {
                case LIST -> list(node, locator, lineNumber);
                case TRACE -> trace(new LangfuseRecord(node), locator, lineNumber);
                case OBSERVATION -> span(ObservationMapper.map(new LangfuseRecord(node), null));
                case SCORE -> score(ScoreMapper.map(new LangfuseRecord(node)));
                case UNKNOWN -> throw new RecordProblem(unknownReason(node));
            }
        } catch (RecordProblem problem) {
            reject(locator, lineNumber, raw, problem.getMessage());
        }
    }

    void reject(String locator, Long lineNumber, String rawText, String reason) {
        sink.reject(new Rejection(locator, lineNumber, rawText, reason));
        rejected++;
    }

    private void list(JsonNode list, String locator, Long lineNumber) {
        int index = 0;
        for (JsonNode element : list.get("data")) {
            sink.stopIfCancelled();
            String where = locator.startsWith("$") ? locator + ".data[" + index + "]" : locator + ", data[" + index + "]";
            index++;
            if (RecordShape.of(element) == RecordShape.LIST) {
                reject(where, lineNumber, element.toString(), "a list response inside a list response is not a Langfuse export");
            } else {
                record(element, where, lineNumber, null);
            }
        }
    }

    private void trace(LangfuseRecord trace, String locator, Long lineNumber) throws RecordProblem {
        TraceMapper.MappedTrace mapped = TraceMapper.map(trace);
        for (CanonicalSpan span : mapped.spans()) {
            span(span);
        }
        for (ScoreMapper.Score score : mapped.strayScores()) {
            score(score);
        }
        for (TraceMapper.Problem problem : mapped.problems()) {
            String where = locator.startsWith("$") ? locator + "." + problem.where() : locator + ", " + problem.where();
            reject(where, lineNumber, problem.rawText(), problem.reason());
        }
    }

    private void span(CanonicalSpan span) {
        sink.span(span);
        emitted++;
    }

    private void score(ScoreMapper.Score score) {
        sink.check(score.target(), score.check());
        emitted++;
    }

    private static String unknownReason(JsonNode node) {
        if (node == null || !node.isObject()) {
            return "expected a Langfuse trace, observation or score object, found " + TraceMapper.kindOf(node);
        }
        return "not a Langfuse trace, observation or score: an observation has traceId/trace_id with type and "
                + "startTime/start_time, a score has name and value, a trace has id and timestamp";
    }
}
