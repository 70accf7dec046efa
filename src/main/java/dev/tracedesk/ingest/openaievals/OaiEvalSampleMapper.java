package dev.tracedesk.ingest.openaievals;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.CaseKeys;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * The events of one oaieval sample into a trace (a root span, an LLM span per {@code sampling}
 * event, a span per other event, each keeping its event whole) and one eval case linked to it.
 * The case's prompt and answer are the first sampling's (later samplings are a model grader's);
 * the verdict is the {@code match} events' {@code correct}, else a {@code metrics} event's.
 */
final class OaiEvalSampleMapper {

    static final String ROOT_SPAN_ID = "sample";

    private final OaiEvalRunHeader run;

    OaiEvalSampleMapper(OaiEvalRunHeader run) {
        this.run = run;
    }

    static String traceIdOf(String runId, String sampleId) {
        return runId + "/" + sampleId;
    }

    List<CanonicalSpan> spans(OpenSamples.Sample sample) {
        String traceId = traceIdOf(run.runId(), sample.sampleId);
        List<CanonicalSpan> spans = new ArrayList<>();
        CanonicalSpan root = newSpan(traceId, ROOT_SPAN_ID, null);
        root.kind = SpanKind.CHAIN;
        root.name = run.evalName() == null ? "sample" : run.evalName();
        root.traceName = root.name + " " + sample.sampleId;
        root.status = SpanStatus.OK;
        spans.add(root);
        Long first = null;
        Long last = null;
        for (OpenSamples.Event event : sample.events) {
            CanonicalSpan span = eventSpan(traceId, event.json());
            spans.add(span);
            if (span.startNs != null) {
                first = first == null || span.startNs < first ? span.startNs : first;
                last = last == null || span.startNs > last ? span.startNs : last;
            }
            if (span.status == SpanStatus.ERROR) {
                root.status = SpanStatus.ERROR;
                root.errorMessage = CanonicalSpan.firstNonNull(root.errorMessage, span.errorMessage);
            }
        }
        root.startNs = first;
        root.durationNs = first == null ? null : last - first;
        return spans;
    }

    private CanonicalSpan eventSpan(String traceId, JsonNode event) {
        String type = event.path("type").asText("event");
        JsonNode data = event.path("data");
        CanonicalSpan span = newSpan(traceId, "event-" + JsonValues.text(event.get("event_id")), ROOT_SPAN_ID);
        span.name = type;
        span.startNs = JsonValues.epochNanos(JsonValues.parseInstant(JsonValues.text(event.get("created_at"))));
        span.status = SpanStatus.OK;
        span.attributesJson = event.toString();
        switch (type) {
            case "sampling" -> {
                span.kind = SpanKind.LLM;
                span.requestedModel = run.completionFn().isEmpty() ? null : run.completionFn();
                span.inputText = OpenAiChat.render(data.get("prompt"));
                span.outputText = OpenAiChat.lines(data.get("sampled"));
                span.messages.addAll(OpenAiChat.messages(data.get("prompt"), MessageDirection.INPUT, "user"));
                span.messages.addAll(OpenAiChat.messages(data.get("sampled"), MessageDirection.OUTPUT, "assistant"));
                JsonNode usage = data.path("usage");
                span.inputTokens = JsonValues.asLong(usage.get("prompt_tokens"));
                span.outputTokens = JsonValues.asLong(usage.get("completion_tokens"));
                span.totalTokens = JsonValues.asLong(usage.get("total_tokens"));
            }
            case "match", "metrics" -> span.kind = SpanKind.EVALUATOR;
            case "error" -> {
                span.status = SpanStatus.ERROR;
                span.errorMessage = errorMessageOf(data);
            }
            default -> span.kind = SpanKind.OTHER;
        }
        return span;
    }

    private static CanonicalSpan newSpan(String traceId, String spanId, String parentSpanId) {
        CanonicalSpan span = new CanonicalSpan();
        span.traceId = traceId;
        span.spanId = spanId;
        span.parentSpanId = parentSpanId;
        span.sourceSystem = OaiEvalRunHeader.TOOL;
        return span;
    }

    CanonicalEvalCase toCase(OpenSamples.Sample sample) {
        CanonicalEvalCase evalCase = new CanonicalEvalCase();
        evalCase.caseKey = CaseKeys.fromSampleId(sample.sampleId);
        evalCase.provider = run.completionFn();
        evalCase.testIndex = indexOf(sample.sampleId);
        evalCase.traceId = traceIdOf(run.runId(), sample.sampleId);
        ArrayNode assertions = JsonValues.MAPPER.createArrayNode();
        ObjectNode namedScores = JsonValues.MAPPER.createObjectNode();
        JsonNode sampling = null;
        Boolean allCorrect = null;
        Boolean metricsCorrect = null;
        Double metricsScore = null;
        String error = null;
        for (OpenSamples.Event event : sample.events) {
            JsonNode data = event.json().path("data");
            switch (event.json().path("type").asText("")) {
                case "sampling" -> sampling = sampling == null ? data : sampling;
                case "match" -> {
                    boolean correct = Boolean.TRUE.equals(JsonValues.asBoolean(data.get("correct")));
                    allCorrect = allCorrect == null ? correct : allCorrect && correct;
                    evalCase.expectedOutput = CanonicalSpan.firstNonNull(evalCase.expectedOutput,
                            OpenAiChat.lines(data.get("expected")));
                    assertions.add(matchAssertion(data, correct));
                }
                case "metrics" -> {
                    metricsCorrect = CanonicalSpan.firstNonNull(JsonValues.asBoolean(data.get("correct")), metricsCorrect);
                    metricsScore = CanonicalSpan.firstNonNull(numeric(data.get("score")), metricsScore);
                    data.fields().forEachRemaining(field -> {
                        if (field.getValue().isNumber() || field.getValue().isBoolean()) {
                            namedScores.put(field.getKey(), JsonValues.asDouble(field.getValue()));
                        }
                    });
                    assertions.add(metricsAssertion(data));
                }
                case "raw_sample" -> evalCase.varsJson = JsonValues.json(data);
                case "error" -> error = CanonicalSpan.firstNonNull(error, errorMessageOf(data));
                default -> {
                    // embeddings, log-probabilities, extras: kept whole on their span
                }
            }
        }
        if (sampling != null) {
            evalCase.promptText = OpenAiChat.render(sampling.get("prompt"));
            evalCase.actualOutput = OpenAiChat.lines(sampling.get("sampled"));
            JsonNode usage = sampling.path("usage");
            evalCase.inputTokens = JsonValues.asLong(usage.get("prompt_tokens"));
            evalCase.outputTokens = JsonValues.asLong(usage.get("completion_tokens"));
            evalCase.totalTokens = JsonValues.asLong(usage.get("total_tokens"));
        }
        Boolean passed = CanonicalSpan.firstNonNull(allCorrect, metricsCorrect,
                metricsScore == null ? null : metricsScore >= 1.0);
        evalCase.score = CanonicalSpan.firstNonNull(metricsScore, passed == null ? null : passed ? 1.0 : 0.0);
        evalCase.status = error != null ? CaseStatus.ERROR : Boolean.TRUE.equals(passed) ? CaseStatus.PASS : CaseStatus.FAIL;
        evalCase.errorMessage = error;
        evalCase.assertionsJson = assertions.toString();
        evalCase.namedScoresJson = namedScores.isEmpty() ? null : namedScores.toString();
        return evalCase;
    }

    private static ObjectNode matchAssertion(JsonNode data, boolean correct) {
        ObjectNode assertion = JsonValues.MAPPER.createObjectNode();
        assertion.put("type", "match");
        assertion.put("value", OpenAiChat.lines(data.get("expected")));
        assertion.put("pass", correct);
        assertion.put("score", correct ? 1.0 : 0.0);
        String picked = JsonValues.text(data.get("picked"));
        assertion.put("reason", picked == null ? "no expected answer picked from the sample" : "picked " + picked);
        assertion.set("data", data);
        return assertion;
    }

    private static ObjectNode metricsAssertion(JsonNode data) {
        ObjectNode assertion = JsonValues.MAPPER.createObjectNode();
        assertion.put("type", "metrics");
        assertion.putNull("value");
        Boolean correct = JsonValues.asBoolean(data.get("correct"));
        if (correct == null) {
            assertion.putNull("pass");
        } else {
            assertion.put("pass", correct);
        }
        assertion.put("score", numeric(data.get("score")));
        assertion.putNull("reason");
        assertion.set("data", data);
        return assertion;
    }

    private static Double numeric(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : null;
    }

    static String errorMessageOf(JsonNode data) {
        if (data.isObject()) {
            String message = JsonValues.text(data.get("message"));
            String type = JsonValues.text(data.get("type"));
            if (message != null) {
                return type == null ? message : type + ": " + message;
            }
            return type != null ? type : data.toString();
        }
        return JsonValues.text(data);
    }

    /** oaieval names samples "{eval}.{split}.{index}": the index is the sample's place in the data. */
    private static Integer indexOf(String sampleId) {
        int dot = sampleId.lastIndexOf('.');
        String tail = dot < 0 ? sampleId : sampleId.substring(dot + 1);
        if (tail.isEmpty() || tail.length() > 9 || !tail.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(tail);
    }
}
