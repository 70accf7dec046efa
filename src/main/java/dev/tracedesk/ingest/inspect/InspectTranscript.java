package dev.tracedesk.ingest.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * A sample's transcript as a trace: a root span for the sample, an LLM span per {@code model}
 * event (the exact messages sent, the answer, requested and served model, generate config,
 * usage, the raw provider call) and a TOOL span per {@code tool} event. The other events (steps,
 * state changes, scores, inputs) are kept whole on the root span.
 */
final class InspectTranscript {

    static final String ROOT_SPAN_ID = "sample";
    private static final Set<String> SAMPLE_FIELDS_ELSEWHERE = Set.of("events", "attachments");

    private final InspectRun run;
    private final InspectContent content;

    InspectTranscript(InspectRun run, InspectContent content) {
        this.run = run;
        this.content = content;
    }

    List<CanonicalSpan> spans(JsonNode sample, String sampleId, int epoch) {
        String traceId = InspectSamples.traceIdOf(run.runId(), sampleId, epoch);
        List<CanonicalSpan> children = new ArrayList<>();
        ArrayNode otherEvents = JsonValues.MAPPER.createArrayNode();
        Long firstNs = null;
        Long lastNs = null;
        JsonNode events = sample.path("events");
        for (int index = 0; index < events.size(); index++) {
            JsonNode event = events.get(index);
            Long startNs = timeOf(event.get("timestamp"));
            Long endNs = endOf(event, startNs);
            firstNs = startNs != null && (firstNs == null || startNs < firstNs) ? startNs : firstNs;
            Long latestNs = endNs != null ? endNs : startNs;
            lastNs = latestNs != null && (lastNs == null || latestNs > lastNs) ? latestNs : lastNs;
            String type = event.path("event").asText("");
            if (type.equals("model")) {
                children.add(modelSpan(event, traceId, spanIdOf(event, type, index), startNs, endNs));
            } else if (type.equals("tool")) {
                children.add(toolSpan(event, traceId, spanIdOf(event, type, index), startNs, endNs));
            } else {
                otherEvents.add(content.resolveAll(event));
            }
        }
        List<CanonicalSpan> spans = new ArrayList<>();
        spans.add(rootSpan(sample, sampleId, epoch, traceId, firstNs, lastNs, otherEvents));
        spans.addAll(children);
        return spans;
    }

    private CanonicalSpan rootSpan(JsonNode sample, String sampleId, int epoch, String traceId,
            Long firstNs, Long lastNs, ArrayNode otherEvents) {
        CanonicalSpan root = newSpan(traceId, ROOT_SPAN_ID, null);
        root.traceName = (run.task() == null ? "sample" : run.task()) + " sample " + sampleId
                + (epoch > 1 ? " epoch " + epoch : "");
        root.kind = SpanKind.CHAIN;
        root.name = run.task() == null ? "sample" : run.task();
        root.startNs = firstNs;
        Double totalSeconds = JsonValues.asDouble(sample.get("total_time"));
        root.durationNs = totalSeconds != null ? JsonValues.secondsToNanos(totalSeconds)
                : firstNs != null && lastNs != null ? lastNs - firstNs : null;
        String error = InspectSamples.errorMessageOf(sample.get("error"));
        root.status = error != null ? SpanStatus.ERROR : SpanStatus.OK;
        root.errorMessage = error;
        root.provider = InspectRun.providerOf(run.model());
        root.requestedModel = run.model().isEmpty() ? null : run.model();
        root.servedModel = JsonValues.text(sample.path("output").get("model"));
        root.inputText = content.inputText(sample.get("input"));
        root.outputText = content.text(sample.path("output").path("choices").path(0).path("message").get("content"));
        ObjectNode attributes = JsonValues.MAPPER.createObjectNode();
        sample.fields().forEachRemaining(field -> {
            if (!SAMPLE_FIELDS_ELSEWHERE.contains(field.getKey())) {
                attributes.set(field.getKey(), content.resolveAll(field.getValue()));
            }
        });
        root.attributesJson = attributes.toString();
        root.eventsJson = otherEvents.isEmpty() ? null : otherEvents.toString();
        return root;
    }

    private CanonicalSpan modelSpan(JsonNode event, String traceId, String spanId, Long startNs, Long endNs) {
        CanonicalSpan span = newSpan(traceId, spanId, ROOT_SPAN_ID);
        span.kind = SpanKind.LLM;
        span.operationName = "chat";
        String model = JsonValues.text(event.get("model"));
        span.name = model == null ? "model" : model;
        span.startNs = startNs;
        span.durationNs = startNs != null && endNs != null ? endNs - startNs : null;
        span.provider = InspectRun.providerOf(model);
        span.requestedModel = model;
        JsonNode output = event.path("output");
        span.servedModel = JsonValues.text(output.get("model"));
        span.parametersJson = JsonValues.json(content.resolveAll(event.get("config")));
        JsonNode usage = output.path("usage");
        span.inputTokens = JsonValues.asLong(usage.get("input_tokens"));
        span.outputTokens = JsonValues.asLong(usage.get("output_tokens"));
        span.totalTokens = JsonValues.asLong(usage.get("total_tokens"));
        span.costUsd = JsonValues.asDecimal(usage.get("total_cost"));
        span.messages.addAll(content.messages(event.get("input"), MessageDirection.INPUT));
        for (JsonNode choice : output.path("choices")) {
            span.messages.add(content.message(choice.path("message"), MessageDirection.OUTPUT,
                    JsonValues.text(choice.get("stop_reason"))));
        }
        span.inputText = content.inputText(event.get("input"));
        List<CanonicalMessage> outputs = span.messages(MessageDirection.OUTPUT);
        span.outputText = outputs.isEmpty() ? null : outputs.get(0).content();
        String error = CanonicalSpan.firstNonNull(InspectSamples.errorMessageOf(event.get("error")),
                JsonValues.text(output.get("error")));
        span.status = error != null ? SpanStatus.ERROR : SpanStatus.OK;
        span.errorMessage = error;
        span.attributesJson = attributesWithout(event, Set.of("input", "output", "config"));
        return span;
    }

    private CanonicalSpan toolSpan(JsonNode event, String traceId, String spanId, Long startNs, Long endNs) {
        CanonicalSpan span = newSpan(traceId, spanId, ROOT_SPAN_ID);
        span.kind = SpanKind.TOOL;
        String function = JsonValues.text(event.get("function"));
        span.name = function == null ? "tool" : function;
        span.operationName = "execute_tool";
        span.startNs = startNs;
        span.durationNs = startNs != null && endNs != null ? endNs - startNs : null;
        span.inputText = JsonValues.text(content.resolveAll(event.get("arguments")));
        span.outputText = content.text(event.get("result"));
        String error = InspectSamples.errorMessageOf(event.get("error"));
        span.status = error != null ? SpanStatus.ERROR : SpanStatus.OK;
        span.errorMessage = error;
        span.attributesJson = attributesWithout(event, Set.of());
        return span;
    }

    private CanonicalSpan newSpan(String traceId, String spanId, String parentSpanId) {
        CanonicalSpan span = new CanonicalSpan();
        span.traceId = traceId;
        span.spanId = spanId;
        span.parentSpanId = parentSpanId;
        span.sourceSystem = InspectRun.TOOL;
        return span;
    }

    private String attributesWithout(JsonNode event, Set<String> mappedElsewhere) {
        ObjectNode attributes = JsonValues.MAPPER.createObjectNode();
        event.fields().forEachRemaining(field -> {
            if (!mappedElsewhere.contains(field.getKey())) {
                attributes.set(field.getKey(), content.resolveAll(field.getValue()));
            }
        });
        return attributes.toString();
    }

    /** Newer logs give each event a uuid; older ones are told apart by their place in the transcript. */
    private static String spanIdOf(JsonNode event, String type, int index) {
        String uuid = JsonValues.text(event.get("uuid"));
        return uuid != null && !uuid.isBlank() ? uuid : type + "-" + index;
    }

    private static Long timeOf(JsonNode timestamp) {
        return JsonValues.epochNanos(JsonValues.parseInstant(JsonValues.text(timestamp)));
    }

    /**
     * When an event ended: its {@code completed} time (newer logs), else its start plus its
     * working time or, for a model call, the call's own time; null when the log says nothing.
     */
    private static Long endOf(JsonNode event, Long startNs) {
        Long completed = timeOf(event.get("completed"));
        if (completed != null || startNs == null) {
            return completed;
        }
        Double seconds = CanonicalSpan.firstNonNull(JsonValues.asDouble(event.get("working_time")),
                JsonValues.asDouble(event.path("output").get("time")));
        return seconds == null ? null : startNs + JsonValues.secondsToNanos(seconds);
    }
}
