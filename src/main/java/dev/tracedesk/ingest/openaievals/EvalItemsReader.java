package dev.tracedesk.ingest.openaievals;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.LineReader;
import dev.tracedesk.ingest.source.Sniff;

/**
 * OpenAI Evals (platform) run items as JSONL: one output item per line (see {@link EvalItemMapper}
 * for both shapes), or a saved page of the list endpoint ({object: "list", data: [items]}) per
 * line. One case per item, in the run its run_id names; a run is emitted whenever the run changes
 * from one line to the next, so a file of several runs imports each.
 */
public final class EvalItemsReader implements FormatReader {

    @Override
    public ImportFormat format() {
        return ImportFormat.OPENAI_EVALS_ITEMS;
    }

    @Override
    public int confidence(Sniff sniff) {
        JsonNode first = sniff.firstLineJson();
        if (first == null || !first.isObject()) {
            return 0;
        }
        if (first.has("run_id") && first.has("data_source_idx") && first.has("item")) {
            return 100;
        }
        if ("eval.run.output_item".equals(first.path("object").asText())) {
            return 100;
        }
        boolean listOfItems = "list".equals(first.path("object").asText())
                && "eval.run.output_item".equals(first.path("data").path(0).path("object").asText());
        return listOfItems ? 100 : 0;
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        ReadState state = new ReadState();
        try (InputStream in = source.openStream()) {
            LineReader lines = new LineReader(in);
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                sink.stopIfCancelled();
                String locator = "line " + line.number();
                if (!line.ok()) {
                    sink.reject(new Rejection(locator, line.number(), line.rawHead(), line.problem()));
                    state.rejected++;
                    continue;
                }
                JsonNode json;
                try {
                    json = JsonValues.MAPPER.readTree(line.text());
                } catch (JsonProcessingException notJson) {
                    sink.reject(new Rejection(locator, line.number(), line.text(),
                            "not valid JSON: " + notJson.getOriginalMessage()));
                    state.rejected++;
                    continue;
                }
                if (json != null && "list".equals(json.path("object").asText()) && json.path("data").isArray()) {
                    for (int index = 0; index < json.get("data").size(); index++) {
                        item(json.get("data").get(index), locator + ", data[" + index + "]", line, state, sink);
                    }
                } else {
                    item(json, locator, line, state, sink);
                }
            }
        }
        if (state.items == 0) {
            throw new IOException(source.fileName() + ": no OpenAI Evals run item could be read from it"
                    + (state.rejected > 0 ? " (" + state.rejected + " records rejected)" : "")
                    + "; expected JSONL of output items (object eval.run.output_item) or dashboard items "
                    + "(run_id, data_source_idx, item)");
        }
    }

    /** The run items belong to now, and what was read so far. */
    private static final class ReadState {
        String runId;
        int items;
        int rejected;
    }

    /** Emits one item, its run first when the run changes; or rejects it. */
    private static void item(JsonNode json, String locator, LineReader.Line line, ReadState state, RecordSink sink) {
        String problem = json == null || !json.isObject()
                ? "a JSON " + (json == null ? "nothing" : json.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                        + " where an eval run item (an object) belongs"
                : EvalItemMapper.problemOf(json);
        if (problem != null) {
            sink.reject(new Rejection(locator, line.number(), json == null ? line.text() : json.toString(), problem));
            state.rejected++;
            return;
        }
        String runId = JsonValues.text(json.get("run_id"));
        if (!runId.equals(state.runId)) {
            sink.evalRun(EvalItemMapper.run(json));
            state.runId = runId;
        }
        CanonicalEvalCase evalCase = EvalItemMapper.toCase(json);
        CanonicalSpan call = EvalItemTrace.of(json, evalCase.errorMessage);
        if (call != null) {
            sink.span(call);
            evalCase.traceId = call.traceId;
            evalCase.spanId = call.spanId;
        }
        sink.evalCase(evalCase);
        state.items++;
    }
}
