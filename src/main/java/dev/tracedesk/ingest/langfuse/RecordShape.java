package dev.tracedesk.ingest.langfuse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a JSON object in a Langfuse file is. Lenient on purpose: detection has already decided the
 * file is Langfuse's, so here one record only has to be told from the others.
 */
enum RecordShape {
    /** A trace (API Trace / TraceWithDetails / TraceWithFullDetails, or a blob traces/ row). */
    TRACE,
    /** An observation (API Observation / ObservationsView, v2 API row, blob observations(_v2)/ row). */
    OBSERVATION,
    /** A score (API Score, blob scores/ row). */
    SCORE,
    /** A list response: {"data": [...], "meta": {...}}. */
    LIST,
    UNKNOWN;

    static RecordShape of(JsonNode node) {
        if (node == null || !node.isObject()) {
            return UNKNOWN;
        }
        LangfuseRecord record = new LangfuseRecord(node);
        JsonNode data = node.get("data");
        if (data != null && data.isArray()) {
            return LIST;
        }
        boolean scoreFields = record.has("value", "stringValue", "string_value", "dataType", "data_type");
        if (record.has("traceId", "trace_id")) {
            if (record.has("type", "startTime", "start_time", "parentObservationId", "parent_observation_id")) {
                return OBSERVATION;
            }
            return scoreFields ? SCORE : UNKNOWN;
        }
        if (scoreFields && record.has("name")) {
            return SCORE;
        }
        if (record.has("id") && record.has("timestamp", "observations", "htmlPath")) {
            return TRACE;
        }
        return UNKNOWN;
    }
}
