package dev.tracedesk.ingest.langfuse;

import static dev.tracedesk.ingest.model.CanonicalSpan.firstNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CheckTarget;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * A Langfuse score (API Score or blob scores/ row) as a check on its observation, or on the
 * trace's root when it names no observation.
 *
 * <p>Source: ANNOTATION (a person, in Langfuse's UI) is an annotation; EVAL (Langfuse's
 * LLM-as-a-judge evaluators) is an evaluation; API (anything the application sent through the
 * SDK) is feedback, which is what applications mostly send that way (thumbs up/down, ratings),
 * except a score tied to a dataset run, which an experiment's evaluator wrote: an evaluation.
 */
final class ScoreMapper {

    record Score(CheckTarget target, CanonicalCheck check) {
    }

    private ScoreMapper() {
    }

    static Score map(LangfuseRecord score) throws RecordProblem {
        String id = score.text("id");
        String name = score.text("name");
        if (name == null) {
            throw new RecordProblem("the score" + (id == null ? "" : " " + id) + " has no name");
        }
        String traceId = score.text("traceId", "trace_id");
        if (traceId == null) {
            String owner = firstNonNull(describe("session", score.text("sessionId", "session_id")),
                    describe("dataset run", score.text("datasetRunId", "dataset_run_id")), "nothing");
            throw new RecordProblem("score '" + name + "' belongs to " + owner + ", not to a trace: "
                    + "Tracedesk keeps checks on spans, so a score without a trace has nowhere to go");
        }
        String dataType = upper(score.text("dataType", "data_type"));
        String stringValue = score.text("stringValue", "string_value");
        // a TEXT score's value is always 0 and means nothing; its content is the string value
        Double value = "TEXT".equals(dataType) ? null : JsonValues.asDouble(score.get("value"));
        CanonicalCheck check = new CanonicalCheck(
                id,
                sourceOf(score),
                name,
                stringValue,
                value,
                "BOOLEAN".equals(dataType) ? passed(value, stringValue) : null,
                score.text("comment"),
                firstNonNull(score.nanos("timestamp"), score.nanos("createdAt", "created_at")));
        return new Score(new CheckTarget(traceId, score.text("observationId", "observation_id")), check);
    }

    /**
     * The UI's table export puts a row's scores in a map of name to value, without their ids or
     * sources: each becomes an evaluation named after the score, with an id made of the row's id
     * and the name so that importing the export again finds the same checks.
     */
    static List<CanonicalCheck> fromNameValueMap(JsonNode scores, String ownerId, Long timeNs) {
        if (scores == null || !scores.isObject()) {
            return List.of();
        }
        List<CanonicalCheck> checks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> score : scores.properties()) {
            JsonNode value = score.getValue();
            Double number = JsonValues.asDouble(value);
            String label = value != null && value.isTextual() && number == null ? value.textValue() : null;
            if (number != null || label != null) {
                checks.add(new CanonicalCheck(ownerId + ":" + score.getKey(), CheckSource.EVALUATION, score.getKey(),
                        label, number, null, null, timeNs));
            }
        }
        return checks;
    }

    private static CheckSource sourceOf(LangfuseRecord score) {
        String source = upper(score.text("source"));
        if ("ANNOTATION".equals(source)) {
            return CheckSource.ANNOTATION;
        }
        if ("API".equals(source) && !score.has("datasetRunId", "dataset_run_id")) {
            return CheckSource.FEEDBACK;
        }
        return CheckSource.EVALUATION;
    }

    /** A BOOLEAN score is 1 for true and 0 for false, with "True" / "False" as its string value. */
    private static Boolean passed(Double value, String stringValue) {
        if (value != null) {
            return value != 0;
        }
        return stringValue == null ? null : JsonValues.asBoolean(JsonValues.MAPPER.getNodeFactory().textNode(stringValue));
    }

    private static String describe(String what, String id) {
        return id == null ? null : what + " " + id;
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
