package dev.tracedesk.ingest.promptfoo;

import java.io.IOException;
import java.util.Set;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/**
 * {@code promptfoo eval -o results.json}: {@code {evalId, results:{version, timestamp, prompts,
 * results[], stats}, config, shareableUrl, metadata}} (version 3), or version 2 with
 * {@code results.table} in place of {@code results.prompts}. One run per file, one case per
 * element of {@code results.results}.
 *
 * <p>Two passes, so memory stays flat: the first reads the envelope and skips the results, wherever
 * the parts stand in the file; the second streams the results one at a time.
 */
public final class PromptfooJsonReader implements FormatReader {

    private static final Set<String> ENVELOPE_KEYS = Set.of(
            "evalId", "results", "config", "shareableUrl", "metadata", "version", "createdAt", "author", "traces");

    @Override
    public ImportFormat format() {
        return ImportFormat.PROMPTFOO_JSON;
    }

    @Override
    public int confidence(Sniff sniff) {
        Set<String> keys = sniff.topLevelKeys();
        if (!keys.contains("results")) {
            return 0;
        }
        if (keys.contains("evalId")) {
            return 100;
        }
        if (keys.contains("config") || keys.contains("shareableUrl")) {
            // older promptfoo wrote {results, config, shareableUrl} with no evalId
            return 90;
        }
        // "results" alone is too common a key (Inspect logs have one) unless nothing else is there
        return ENVELOPE_KEYS.containsAll(keys) ? 50 : 0;
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        PromptfooEnvelope envelope = EnvelopeScanner.scan(source);
        refuseWhatIsNoResultsFile(source, envelope);
        String fallbackRunId = envelope.evalId == null ? ContentHash.runIdOf(source) : null;
        CanonicalEvalRun run = PromptfooRuns.fromEnvelope(envelope, fallbackRunId);
        sink.evalRun(run);

        PromptTemplates templates = envelope.templates();
        ResultEmitter emitter = new ResultEmitter(sink, new PromptfooResultMapper(templates, new CaseKeyAssigner()));
        if (envelope.sawResultsArray) {
            ResultArrayStreamer.stream(source, sink, (element, locator, line) ->
                    emitter.emit(element, locator, line, element::toString));
        }
        PromptfooEnvelope.JsonBreak jsonBreak = envelope.jsonBreak;
        if (jsonBreak != null && !jsonBreak.insideResultsArray()) {
            RawText.Tail rest = RawText.from(source, jsonBreak.partStartOffset());
            sink.reject(new Rejection(jsonBreak.path(), jsonBreak.partStartLine(), rest.text(),
                    "the JSON breaks at line " + jsonBreak.line() + ", column " + jsonBreak.column() + " ("
                            + jsonBreak.message() + "); what came before was imported, " + jsonBreak.path()
                            + " and everything after it could not be read" + rest.note()));
        }
    }

    private static void refuseWhatIsNoResultsFile(ImportSource source, PromptfooEnvelope envelope)
            throws IOException {
        if (envelope.sawResultsObject || envelope.evalId != null) {
            if (!envelope.sawResultsArray && envelope.jsonBreak == null) {
                throw new IOException(source.fileName() + ": a promptfoo results.json"
                        + (envelope.version == null ? "" : " of version " + envelope.version)
                        + " without a results.results array"
                        + (envelope.sawTable ? " (only the results table of very old versions)" : "")
                        + "; this importer reads versions 2 and 3: export the eval again with a newer promptfoo");
            }
            return;
        }
        if (envelope.jsonBreak != null) {
            throw new IOException(source.fileName() + ": not readable as a promptfoo results.json: the JSON breaks "
                    + "at line " + envelope.jsonBreak.line() + ", column " + envelope.jsonBreak.column() + " ("
                    + envelope.jsonBreak.message() + ") before any evalId or results");
        }
        throw new IOException(source.fileName() + ": not a promptfoo results.json: expected a JSON object "
                + "with evalId and a results object");
    }
}
