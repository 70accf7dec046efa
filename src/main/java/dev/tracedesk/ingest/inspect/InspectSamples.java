package dev.tracedesk.ingest.inspect;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.CaseKeys;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * One Inspect sample (an EvalSample, one epoch of one dataset sample) into its trace (the model
 * calls of its transcript) and its eval case, which links to that trace. Shared by both readers.
 */
final class InspectSamples {

    private final InspectRun run;

    InspectSamples(InspectRun run) {
        this.run = run;
    }

    /**
     * Emits the sample's spans, then its case; or rejects it, with the locator and raw text given,
     * when it is no sample at all.
     */
    void emit(JsonNode sample, String locator, Long lineNumber, int ordinal, RecordSink sink) {
        String problem = problemOf(sample);
        if (problem != null) {
            sink.reject(new Rejection(locator, lineNumber, sample == null ? "" : sample.toString(), problem));
            return;
        }
        InspectContent content = new InspectContent(sample.get("attachments"));
        String sampleId = JsonValues.text(sample.get("id"));
        int epoch = epochOf(sample);
        List<CanonicalSpan> spans = new InspectTranscript(run, content).spans(sample, sampleId, epoch);
        spans.forEach(sink::span);
        CanonicalEvalCase evalCase = toCase(sample, content, sampleId, epoch, ordinal);
        if (!spans.isEmpty()) {
            evalCase.traceId = spans.get(0).traceId;
        }
        sink.evalCase(evalCase);
    }

    private static String problemOf(JsonNode sample) {
        if (sample == null || sample.isNull()) {
            return "a sample is null where an Inspect EvalSample object belongs";
        }
        if (!sample.isObject()) {
            return "a sample is a JSON " + sample.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + " where an Inspect EvalSample object belongs";
        }
        JsonNode id = sample.get("id");
        if (id == null || !id.isValueNode() || id.isNull() || id.asText().isBlank()) {
            return "the sample has no id (an Inspect EvalSample has an integer or string id)";
        }
        return null;
    }

    static int epochOf(JsonNode sample) {
        Long epoch = JsonValues.asLong(sample.get("epoch"));
        return epoch == null || epoch < 1 ? 1 : epoch.intValue();
    }

    /** The trace of one sample: the run, the sample and its epoch, so re-import finds it again. */
    static String traceIdOf(String runId, String sampleId, int epoch) {
        return runId + "/" + sampleId + "/" + epoch;
    }

    private CanonicalEvalCase toCase(JsonNode sample, InspectContent content, String sampleId, int epoch,
            int ordinal) {
        CanonicalEvalCase evalCase = new CanonicalEvalCase();
        evalCase.caseKey = CaseKeys.fromSampleId(epoch > 1 ? sampleId + "#" + epoch : sampleId);
        evalCase.provider = run.model();
        evalCase.testIndex = ordinal;
        JsonNode metadata = sample.get("metadata");
        evalCase.description = metadata != null && metadata.path("description").isTextual()
                ? metadata.get("description").asText() : null;
        evalCase.varsJson = varsOf(sample, content);
        evalCase.promptText = content.inputText(sample.get("input"));
        evalCase.expectedOutput = InspectContent.targetText(sample.get("target"));

        JsonNode output = sample.path("output");
        JsonNode firstChoice = output.path("choices").path(0);
        evalCase.actualOutput = content.text(firstChoice.path("message").get("content"));
        JsonNode usage = output.path("usage");
        evalCase.inputTokens = JsonValues.asLong(usage.get("input_tokens"));
        evalCase.outputTokens = JsonValues.asLong(usage.get("output_tokens"));
        evalCase.totalTokens = JsonValues.asLong(usage.get("total_tokens"));
        evalCase.costUsd = JsonValues.asDecimal(usage.get("total_cost"));
        evalCase.latencyMs = secondsToMillis(CanonicalSpan.firstNonNull(
                JsonValues.asDouble(sample.get("total_time")), JsonValues.asDouble(sample.get("working_time"))));

        InspectScores.Scoring scoring = InspectScores.scoring(sample.get("scores"), content);
        evalCase.assertionsJson = scoring.assertions().toString();
        evalCase.namedScoresJson = scoring.isEmpty() ? null : scoring.namedScores().toString();
        evalCase.score = scoring.score();
        String error = errorMessageOf(sample.get("error"));
        if (error != null) {
            evalCase.status = CaseStatus.ERROR;
            evalCase.errorMessage = error;
        } else {
            evalCase.status = scoring.allPassed() ? CaseStatus.PASS : CaseStatus.FAIL;
            evalCase.errorMessage = JsonValues.text(output.get("error"));
        }
        return evalCase;
    }

    /** The sample's input (attachments resolved), choices when multiple choice, and metadata. */
    private static String varsOf(JsonNode sample, InspectContent content) {
        ObjectNode vars = JsonValues.MAPPER.createObjectNode();
        vars.set("input", content.resolveAll(sample.get("input")));
        if (JsonValues.present(sample.get("choices"))) {
            vars.set("choices", sample.get("choices"));
        }
        JsonNode metadata = sample.get("metadata");
        if (metadata != null && metadata.isObject() && !metadata.isEmpty()) {
            vars.set("metadata", content.resolveAll(metadata));
        }
        return vars.toString();
    }

    /** Inspect's EvalError is {message, traceback, …}; very old logs wrote a plain string. */
    static String errorMessageOf(JsonNode error) {
        if (!JsonValues.present(error)) {
            return null;
        }
        if (error.isObject()) {
            String message = JsonValues.text(error.get("message"));
            return message != null ? message : error.toString();
        }
        return JsonValues.text(error);
    }

    static Long secondsToMillis(Double seconds) {
        return seconds == null ? null : Math.round(seconds * 1000);
    }
}
