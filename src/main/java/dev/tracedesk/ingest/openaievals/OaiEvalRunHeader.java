package dev.tracedesk.ingest.openaievals;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.LineReader;

/**
 * What an oaieval log says about its run as a whole, found in a first pass over the file: the
 * {@code spec} line, the {@code final_report} line (which oaieval may write before the events it
 * reports on), and the time of the last event. Each line is only tokenised: the spec and report
 * are the only trees built, so the pass holds nothing per event.
 */
record OaiEvalRunHeader(JsonNode spec, JsonNode finalReport, String firstEventRunId, Instant lastEventAt) {

    static final String TOOL = "openai-evals";

    static OaiEvalRunHeader scan(ImportSource source) throws IOException {
        JsonNode spec = null;
        JsonNode finalReport = null;
        String firstEventRunId = null;
        Instant lastEventAt = null;
        try (InputStream in = source.openStream()) {
            LineReader lines = new LineReader(in);
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (!line.ok() || line.isBlank()) {
                    continue;
                }
                try (JsonParser parser = JsonValues.MAPPER.createParser(line.text())) {
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        if (name.equals("spec") && spec == null) {
                            spec = JsonValues.MAPPER.readTree(parser);
                        } else if (name.equals("final_report")) {
                            finalReport = JsonValues.MAPPER.readTree(parser);
                        } else if (name.equals("run_id") && firstEventRunId == null && parser.currentToken().isScalarValue()) {
                            firstEventRunId = parser.getValueAsString();
                        } else if (name.equals("created_at") && parser.currentToken() == JsonToken.VALUE_STRING) {
                            Instant at = JsonValues.parseInstant(parser.getText());
                            lastEventAt = at != null && (lastEventAt == null || at.isAfter(lastEventAt)) ? at : lastEventAt;
                        } else {
                            parser.skipChildren();
                        }
                    }
                } catch (IOException brokenLine) {
                    // the second pass rejects it, with its line number and reason
                }
            }
        }
        return new OaiEvalRunHeader(spec, finalReport, firstEventRunId, lastEventAt);
    }

    /** The run id: the spec's, or the events' when the spec line is missing; null when neither. */
    String runId() {
        String fromSpec = spec == null ? null : JsonValues.text(spec.get("run_id"));
        return fromSpec != null && !fromSpec.isBlank() ? fromSpec : firstEventRunId;
    }

    /** The completion function the samples were drawn from (the first; later ones are graders). */
    String completionFn() {
        JsonNode fns = spec == null ? null : spec.get("completion_fns");
        return fns != null && fns.isArray() && !fns.isEmpty() ? fns.get(0).asText() : "";
    }

    String evalName() {
        return spec == null ? null : JsonValues.text(spec.get("eval_name"));
    }

    CanonicalEvalRun toEvalRun() {
        CanonicalEvalRun run = new CanonicalEvalRun();
        run.tool = TOOL;
        run.externalRunId = runId();
        run.name = evalName();
        run.startedAt = spec == null ? null : JsonValues.parseInstant(JsonValues.text(spec.get("created_at")));
        // oaieval records no end time: the last event's time is when the run was last heard of
        run.finishedAt = lastEventAt;
        JsonNode fns = spec == null ? null : spec.get("completion_fns");
        run.providersJson = fns != null && fns.isArray() ? fns.toString() : "[]";
        run.configJson = config().toString();
        return run;
    }

    /**
     * The spec's run_config, with the rest of the spec (base eval, split, who ran it) and the final
     * report beside it, so the run's metrics are kept too.
     */
    private ObjectNode config() {
        ObjectNode config = JsonValues.MAPPER.createObjectNode();
        if (spec != null && spec.isObject()) {
            spec.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("run_id") && !field.getKey().equals("completion_fns")) {
                    config.set(field.getKey(), field.getValue());
                }
            });
        }
        if (finalReport != null) {
            config.set("final_report", finalReport);
        }
        return config;
    }
}
