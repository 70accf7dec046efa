package dev.tracedesk.ingest.promptfoo;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
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
 * {@code promptfoo eval -o results.jsonl}: one result per line, the same shape as an element of
 * results.json's {@code results.results}, with no envelope. promptfoo 0.121 writes no evalId on the
 * lines, so the run is named by the id of the first result ("first-result:&lt;uuid&gt;", see
 * {@link JsonlRunScanner}); the results.json of the same eval is a different run. Lines that do carry an
 * {@code evalId} (a promptfoo EvalResult serialised whole) are grouped into that eval's run. Two
 * passes: the first finds the runs and their columns, the second maps each line.
 */
public final class PromptfooJsonlReader implements FormatReader {

    private static final Set<String> RESULT_KEYS = Set.of("success", "gradingResult", "response");
    private static final Set<String> INDEX_KEYS = Set.of("testIdx", "promptIdx");
    private static final Set<String> DISTINCT_KEYS = Set.of(
            "testIdx", "promptIdx", "promptId", "testCase", "gradingResult", "failureReason", "namedScores");

    @Override
    public ImportFormat format() {
        return ImportFormat.PROMPTFOO_JSONL;
    }

    @Override
    public int confidence(Sniff sniff) {
        JsonNode first = sniff.firstLineJson();
        if (first != null && first.isObject()) {
            boolean indexed = INDEX_KEYS.stream().anyMatch(first::has);
            boolean graded = RESULT_KEYS.stream().anyMatch(first::has);
            return indexed && first.has("provider") && graded ? 95 : 0;
        }
        // a first line longer than the sniffed window: judge by the keys seen before the window ended
        Set<String> keys = sniff.topLevelKeys();
        long distinct = DISTINCT_KEYS.stream().filter(keys::contains).count();
        return !keys.contains("results") && distinct >= 2 ? 60 : 0;
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        JsonlRunScanner.Scan scan = JsonlRunScanner.scan(source);
        if (scan.nonBlankLines() == 0) {
            throw new IOException(source.fileName() + ": the file is empty, expected promptfoo JSONL output "
                    + "(one result object per line)");
        }
        if (scan.resultLines() == 0) {
            throw new IOException(source.fileName() + ": not promptfoo JSONL output: none of its "
                    + scan.nonBlankLines() + " lines is a JSON object with the fields of a promptfoo result "
                    + "(provider, prompt, response, success, gradingResult, testCase)");
        }
        Map<String, ResultEmitter> emitters = new HashMap<>();
        String currentRun = null;
        boolean anyRun = false;
        try (InputStream in = source.openStream()) {
            LineReader lines = new LineReader(in);
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                sink.stopIfCancelled();
                String locator = "line " + line.number();
                if (!line.ok()) {
                    sink.reject(new Rejection(locator, line.number(), line.rawHead(), line.problem()));
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode result;
                try {
                    result = parseWholeLine(line.text());
                } catch (JsonProcessingException e) {
                    sink.reject(new Rejection(locator, line.number(), line.text(),
                            "not valid JSON: " + e.getOriginalMessage()));
                    continue;
                }
                String problem = ResultEmitter.problemOf(result);
                if (problem != null) {
                    sink.reject(new Rejection(locator, line.number(), line.text(), problem));
                    continue;
                }
                String runKey = scan.runKeyOf(JsonlRunScanner.evalIdOf(result));
                if (!anyRun || !Objects.equals(runKey, currentRun)) {
                    PromptTemplates templates = templatesOf(scan, runKey);
                    sink.evalRun(PromptfooRuns.withoutEnvelope(runKey != null ? runKey : scan.fileRunId(),
                            source.fileName(), templates, null));
                    currentRun = runKey;
                    anyRun = true;
                }
                // JSONL columns are listed as first seen, not by promptIdx: labels come from each line
                emitters.computeIfAbsent(runKey, key -> new ResultEmitter(sink,
                                new PromptfooResultMapper(PromptTemplates.empty(), new CaseKeyAssigner())))
                        .emit(result, locator, line.number(), line::text);
            }
        }
    }

    private static PromptTemplates templatesOf(JsonlRunScanner.Scan scan, String runKey) {
        PromptTemplates templates = scan.templatesByEval().get(runKey);
        return templates != null ? templates : PromptTemplates.empty();
    }

    /** One JSON value and nothing after it; "{} {}" on one line is no JSONL record. */
    private static JsonNode parseWholeLine(String text) throws IOException {
        try (JsonParser parser = JsonValues.MAPPER.createParser(text)) {
            JsonNode node = JsonValues.MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser,
                        "more than one JSON value on the line");
            }
            return node == null ? JsonValues.MAPPER.nullNode() : node;
        }
    }
}
