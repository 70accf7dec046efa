package dev.tracedesk.ingest.langfuse;

import static dev.tracedesk.ingest.model.CanonicalSpan.firstNonNull;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.source.JsonValues;

/** One Langfuse observation (camelCase API or snake_case blob export) as a canonical span. */
final class ObservationMapper {

    static final String SOURCE_SYSTEM = "langfuse";

    /** Metadata keys integrations use for the model's provider (LangChain's ls_provider, OTel's gen_ai.*). */
    private static final String[] PROVIDER_KEYS = {"ls_provider", "gen_ai.provider.name", "gen_ai.system", "provider"};

    private ObservationMapper() {
    }

    /**
     * @param traceIdIfMissing the trace an observation nested in a trace object belongs to, when
     *                         the observation does not say; null for a free-standing observation
     */
    static CanonicalSpan map(LangfuseRecord observation, String traceIdIfMissing) throws RecordProblem {
        CanonicalSpan span = new CanonicalSpan();
        span.sourceSystem = SOURCE_SYSTEM;
        span.spanId = observation.text("id");
        span.traceId = firstNonNull(observation.text("traceId", "trace_id"), traceIdIfMissing);
        if (span.spanId == null) {
            throw new RecordProblem("the observation has no id");
        }
        if (span.traceId == null) {
            throw new RecordProblem("observation " + span.spanId + " has no traceId");
        }
        // "" (blob export) and null (API) both mean a top-level observation
        span.parentSpanId = observation.text("parentObservationId", "parent_observation_id");
        span.kind = kindOf(observation.text("type"));
        span.name = observation.text("name");
        span.traceName = observation.text("traceName", "trace_name");
        span.sessionId = observation.text("sessionId", "session_id");
        span.userId = observation.text("userId", "user_id");

        timing(observation, span);
        status(observation, span);
        model(observation, span);
        span.promptTemplateName = observation.text("promptName", "prompt_name");
        span.promptTemplateVersion = observation.text("promptVersion", "prompt_version");
        UsageAndCost.apply(observation, span);
        SpanContent.apply(observation, span);
        span.checks.addAll(ScoreMapper.fromNameValueMap(observation.get("scores"), span.spanId, span.startNs));
        span.attributesJson = observation.node().toString();
        return span;
    }

    /**
     * GENERATION is an LLM call; SPAN, Langfuse's generic unit of work that groups other steps, is a
     * CHAIN; EVENT and anything unknown is OTHER; the typed observations of 2025 map one to one.
     */
    static SpanKind kindOf(String type) {
        if (type == null) {
            return SpanKind.OTHER;
        }
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "GENERATION" -> SpanKind.LLM;
            case "SPAN", "CHAIN" -> SpanKind.CHAIN;
            case "AGENT" -> SpanKind.AGENT;
            case "TOOL" -> SpanKind.TOOL;
            case "RETRIEVER" -> SpanKind.RETRIEVER;
            case "EVALUATOR" -> SpanKind.EVALUATOR;
            case "EMBEDDING" -> SpanKind.EMBEDDING;
            case "GUARDRAIL" -> SpanKind.GUARDRAIL;
            default -> SpanKind.OTHER;
        };
    }

    /**
     * Times from the timestamps. The derived latency and time to first token are read only where
     * their unit is sure: the API and the UI's export write seconds, but the blob export wrote milliseconds for
     * integrations made before 2026-04-01 and seconds after, so its numbers are left to the raw attributes.
     */
    private static void timing(LangfuseRecord observation, CanonicalSpan span) {
        span.startNs = observation.nanos("startTime", "start_time");
        Long end = observation.nanos("endTime", "end_time");
        if (span.startNs != null && end != null && end >= span.startNs) {
            span.durationNs = end - span.startNs;
        } else if (span.startNs != null && end == null && !observation.has("start_time")) {
            span.durationNs = JsonValues.secondsToNanos(JsonValues.asDouble(observation.get("latency", "latencyInSeconds")));
        }
        Long completionStart = observation.nanos("completionStartTime", "completion_start_time");
        if (completionStart != null && span.startNs != null) {
            span.timeToFirstTokenNs = Math.max(0, completionStart - span.startNs);
        } else {
            span.timeToFirstTokenNs = JsonValues.secondsToNanos(
                    JsonValues.asDouble(observation.get("timeToFirstToken", "timeToFirstTokenInSeconds")));
        }
    }

    /** Level ERROR is a failed step; its statusMessage is the error. Other levels say nothing of success. */
    private static void status(LangfuseRecord observation, CanonicalSpan span) {
        if ("ERROR".equalsIgnoreCase(observation.text("level"))) {
            span.status = SpanStatus.ERROR;
            span.errorMessage = observation.text("statusMessage", "status_message");
        }
    }

    /** Langfuse keeps one model name, the one the call was recorded with: it is both requested and served. */
    private static void model(LangfuseRecord observation, CanonicalSpan span) {
        String model = observation.text("model", "providedModelName", "provided_model_name");
        span.requestedModel = model;
        span.servedModel = model;
        JsonNode parameters = observation.structured("modelParameters", "model_parameters");
        if (parameters != null && parameters.isObject() && !parameters.isEmpty()) {
            span.parametersJson = parameters.toString();
        }
        if (model != null) {
            span.provider = provider(observation.structured("metadata"));
        }
    }

    private static String provider(JsonNode metadata) {
        if (metadata == null || !metadata.isObject()) {
            return null;
        }
        JsonNode attributes = metadata.get("attributes");
        for (JsonNode holder : new JsonNode[] {metadata, attributes}) {
            if (holder != null && holder.isObject()) {
                String provider = new LangfuseRecord(holder).text(PROVIDER_KEYS);
                if (provider != null) {
                    return provider;
                }
            }
        }
        return null;
    }
}
