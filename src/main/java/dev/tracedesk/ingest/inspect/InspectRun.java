package dev.tracedesk.ingest.inspect;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * The run an Inspect log describes, from its header: the EvalLog without samples (the whole
 * {@code .json} log but its samples and reductions, or the {@code .eval} archive's header.json).
 *
 * @param runId the log's {@code eval.run_id}
 * @param task  {@code eval.task}
 * @param model {@code eval.model} as Inspect names it ("openai/gpt-4o-mini"); "" when absent
 */
record InspectRun(String runId, String task, String model, JsonNode header) {

    static final String TOOL = "inspect";

    /** The run of this header; an IOException naming the file when it has no eval.run_id. */
    static InspectRun of(JsonNode header, String fileName) throws IOException {
        JsonNode eval = header == null ? null : header.get("eval");
        if (eval == null || !eval.isObject()) {
            throw new IOException(fileName + ": not an Inspect AI eval log: no \"eval\" object "
                    + "(expected an EvalLog with version, eval, plan, results, stats, samples)");
        }
        String runId = JsonValues.text(eval.get("run_id"));
        if (runId == null || runId.isBlank()) {
            throw new IOException(fileName + ": the Inspect AI eval log has no eval.run_id, so its run "
                    + "cannot be identified");
        }
        String model = JsonValues.text(eval.get("model"));
        return new InspectRun(runId, JsonValues.text(eval.get("task")), model == null ? "" : model, header);
    }

    CanonicalEvalRun toEvalRun() {
        JsonNode eval = header.path("eval");
        JsonNode stats = header.path("stats");
        CanonicalEvalRun run = new CanonicalEvalRun();
        run.tool = TOOL;
        run.externalRunId = runId;
        run.name = task;
        run.startedAt = CanonicalSpan.firstNonNull(
                JsonValues.parseInstant(JsonValues.text(stats.get("started_at"))),
                JsonValues.parseInstant(JsonValues.text(eval.get("created"))));
        run.finishedAt = JsonValues.parseInstant(JsonValues.text(stats.get("completed_at")));
        // the whole header: task and model args, generate config, plan (solvers), results with
        // their metrics, stats with model usage, status and error: nothing of the run is dropped
        run.configJson = header.toString();
        run.providersJson = JsonValues.json(model.isEmpty() ? List.of() : List.of(model));
        return run;
    }

    /** The provider part of an Inspect model name ("openai" of "openai/gpt-4o-mini"), or null. */
    static String providerOf(String model) {
        if (model == null) {
            return null;
        }
        int slash = model.indexOf('/');
        return slash > 0 ? model.substring(0, slash) : null;
    }
}
