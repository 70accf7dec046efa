package dev.tracedesk.ingest.langfuse;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.Sniff;

/**
 * How sure the content is Langfuse's, from the first record: its first line (JSONL, or JSON on
 * one line, even cut off by the sniff window), else the top-level keys of a pretty-printed
 * object. Keys of other formats (OTLP, promptfoo, Inspect, OpenAI Evals, Phoenix) rule it out.
 */
final class LangfuseSniffing {

    static final Set<String> OBSERVATION_TYPES = Set.of("SPAN", "GENERATION", "EVENT", "AGENT", "TOOL", "CHAIN",
            "RETRIEVER", "EVALUATOR", "EMBEDDING", "GUARDRAIL");
    private static final Set<String> SCORE_SOURCES = Set.of("API", "ANNOTATION", "EVAL");
    private static final Set<String> FOREIGN_KEYS = Set.of("resourceSpans", "resource_spans", "resourceLogs",
            "resource_logs", "evalId", "results", "eval", "samples", "spec", "final_report", "run_id", "event_id",
            "context", "span_kind", "promptIdx", "testIdx", "gradingResult");
    private static final Set<String> TRACE_FACTS = Set.of("sessionId", "session_id", "userId", "user_id", "release",
            "tags", "public", "bookmarked", "environment", "projectId", "project_id");

    private LangfuseSniffing() {
    }

    static int confidence(Sniff sniff) {
        if (sniff.isEmpty() || sniff.isZip() || sniff.looksBinary()) {
            return 0;
        }
        int fromFirstLine = confidence(FirstRecordProbe.of(sniff.firstLine()), false);
        if (fromFirstLine > 0 || sniff.topLevelKeys().isEmpty()) {
            return fromFirstLine;
        }
        Set<String> keys = sniff.topLevelKeys();
        if (keys.contains("data") && keys.contains("meta") && !keys.contains("object")) {
            // a pretty-printed list response: its first element is out of sight, but {data, meta} is Langfuse's envelope
            return 40;
        }
        ObjectNode keysOnly = JsonValues.MAPPER.createObjectNode();
        keys.forEach(key -> keysOnly.put(key, ""));
        return confidence(keysOnly, true);
    }

    /** @param keysOnly true when only the keys are known, not their values */
    static int confidence(ObjectNode record, boolean keysOnly) {
        if (record.isEmpty() || FOREIGN_KEYS.stream().anyMatch(record::has)) {
            return 0;
        }
        boolean camelObservation = record.has("traceId") && record.has("startTime");
        boolean snakeObservation = record.has("trace_id") && record.has("start_time");
        if (record.has("id") && record.has("type") && (camelObservation || snakeObservation)) {
            return keysOnly ? 85 : OBSERVATION_TYPES.contains(upper(record.get("type"))) ? 90 : 50;
        }
        boolean scoreValue = record.has("value") || record.has("stringValue") || record.has("string_value");
        boolean scoreType = record.has("dataType") || record.has("data_type");
        if (record.has("id") && record.has("name") && scoreValue && scoreType && record.has("source")) {
            return keysOnly ? 80 : SCORE_SOURCES.contains(upper(record.get("source"))) ? 85 : 40;
        }
        if (record.has("id") && record.has("timestamp")) {
            if (record.has("htmlPath") || record.has("observations")) {
                return 90;
            }
            if (record.has("project_id") && record.has("bookmarked") && record.has("public")) {
                return 80;
            }
            long facts = TRACE_FACTS.stream().filter(record::has).count();
            return facts >= 2 ? 50 : 0;
        }
        return 0;
    }

    private static String upper(JsonNode value) {
        return value == null ? "" : value.asText().toUpperCase(Locale.ROOT);
    }
}
