package dev.tracedesk.ingest.openaievals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.LineReader;
import dev.tracedesk.ingest.source.Sniff;

/**
 * An {@code oaieval} run log (openai/evals {@code LocalRecorder}): JSONL of a {@code spec} line, a
 * {@code final_report} line and event lines {run_id, event_id, sample_id, type, data, created_by,
 * created_at}. Two passes in constant memory: the first finds the spec and the final report
 * wherever they are (the report is often written before the events), so the run is complete
 * before any case; the second groups the events by sample in a bounded window
 * ({@link OpenSamples}) and emits each sample as a trace and a case.
 */
public final class OaiEvalLogReader implements FormatReader {

    private final int maxOpenSamples;
    private final long maxOpenBytes;

    public OaiEvalLogReader() {
        this(OpenSamples.DEFAULT_MAX_OPEN, OpenSamples.DEFAULT_MAX_BYTES);
    }

    OaiEvalLogReader(int maxOpenSamples, long maxOpenBytes) {
        this.maxOpenSamples = maxOpenSamples;
        this.maxOpenBytes = maxOpenBytes;
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.OPENAI_EVALS_LOG;
    }

    @Override
    public int confidence(Sniff sniff) {
        JsonNode first = sniff.firstLineJson();
        if (first == null || !first.isObject()) {
            return 0;
        }
        if (first.path("spec").isObject() && first.path("spec").has("eval_name")) {
            return 100;
        }
        if (isEvent(first)) {
            return 100;
        }
        return first.has("final_report") && first.size() == 1 ? 90 : 0;
    }

    private static boolean isEvent(JsonNode line) {
        return line.has("run_id") && line.has("event_id") && line.has("sample_id") && line.has("type");
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        OaiEvalRunHeader run = OaiEvalRunHeader.scan(source);
        if (run.runId() == null) {
            throw new IOException(source.fileName() + ": no run spec and no event with a run_id; expected an "
                    + "OpenAI Evals oaieval log (JSONL of {\"spec\"}, {\"final_report\"} and event lines)");
        }
        sink.evalRun(run.toEvalRun());
        OaiEvalSampleMapper mapper = new OaiEvalSampleMapper(run);
        OpenSamples window = new OpenSamples(maxOpenSamples, maxOpenBytes);
        try (InputStream in = source.openStream()) {
            LineReader lines = new LineReader(in);
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                sink.stopIfCancelled();
                String problem = line.ok() ? null : line.problem();
                JsonNode json = null;
                if (problem == null) {
                    try {
                        json = JsonValues.MAPPER.readTree(line.text());
                        problem = problemOf(json, run, window);
                    } catch (JsonProcessingException notJson) {
                        problem = "not valid JSON: " + notJson.getOriginalMessage();
                    }
                }
                if (problem != null) {
                    sink.reject(new Rejection("line " + line.number(), line.number(),
                            line.ok() ? line.text() : line.rawHead(), problem));
                    continue;
                }
                if (!json.has("spec") && !json.has("final_report")) {
                    String sampleId = JsonValues.text(json.get("sample_id"));
                    int size = line.text().getBytes(StandardCharsets.UTF_8).length;
                    window.add(sampleId, new OpenSamples.Event(line.number(), json), size)
                            .forEach(sample -> emit(sample, mapper, sink));
                }
            }
        }
        window.drain().forEach(sample -> emit(sample, mapper, sink));
    }

    private static void emit(OpenSamples.Sample sample, OaiEvalSampleMapper mapper, RecordSink sink) {
        mapper.spans(sample).forEach(sink::span);
        sink.evalCase(mapper.toCase(sample));
    }

    /** Why a parsed line cannot be used, or null: the spec and report were taken in the first pass. */
    private static String problemOf(JsonNode json, OaiEvalRunHeader run, OpenSamples window) {
        if (!json.isObject()) {
            return "a JSON " + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + " where an oaieval log line (an object) belongs";
        }
        if (json.has("spec")) {
            String specRunId = JsonValues.text(json.path("spec").get("run_id"));
            return specRunId == null || specRunId.equals(run.runId()) ? null
                    : "the spec of a second run (" + specRunId + ") in a file that holds run " + run.runId()
                            + "; a log holds one run";
        }
        if (json.has("final_report")) {
            return null;
        }
        if (!json.has("sample_id") || !json.has("type")) {
            return "neither a spec, a final_report nor an event (run_id, event_id, sample_id, type, data)";
        }
        String sampleId = JsonValues.text(json.get("sample_id"));
        if (sampleId == null || sampleId.isBlank()) {
            return "an event without a sample_id belongs to no sample";
        }
        String eventRunId = JsonValues.text(json.get("run_id"));
        if (eventRunId != null && !eventRunId.equals(run.runId())) {
            return "an event of run " + eventRunId + " in a file that holds run " + run.runId();
        }
        if (window.wasClosed(sampleId)) {
            return "an event for sample " + sampleId + " after that sample was closed and imported: the log "
                    + "interleaves more samples than the reader holds open at once";
        }
        return null;
    }
}
