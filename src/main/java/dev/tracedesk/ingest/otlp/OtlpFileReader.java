package dev.tracedesk.ingest.otlp;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.ingest.source.LineReader;

/**
 * Reads an OTLP/JSON file of traces or logs, whichever it holds (a file holds one signal, but a
 * stray line of the other is imported rather than lost): JSON Lines line by line, a single
 * document streamed (see {@link OtlpLayout}).
 */
final class OtlpFileReader {

    private static final String EXPECTED = "OTLP/JSON (an object with resourceSpans or resourceLogs)";

    private final ResourceScopes contexts = new ResourceScopes();

    void read(ImportSource source, RecordSink sink) throws IOException {
        OtlpRecordEmitter emitter = new OtlpRecordEmitter(sink);
        if (OtlpLayout.of(source) == OtlpLayout.LINES) {
            readLines(source, emitter, sink);
        } else {
            readDocument(source, emitter, sink);
        }
    }

    private void readLines(ImportSource source, OtlpRecordEmitter emitter, RecordSink sink) throws IOException {
        boolean sawEnvelope = false;
        boolean firstLine = true;
        try (InputStream in = source.openStream()) {
            LineReader lines = new LineReader(in);
            LineReader.Line line;
            while ((line = nextLine(lines, source, sink, emitter)) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (!line.ok()) {
                    sink.reject(new Rejection("line " + line.number(), line.number(), line.rawHead(), line.problem()));
                } else {
                    LineOutcome outcome = readLine(line, emitter, sink);
                    if (outcome == LineOutcome.OTHER_JSON) {
                        if (firstLine) {
                            throw new IOException(source.fileName() + " is not " + EXPECTED + ": its first line is other JSON");
                        }
                        sink.reject(new Rejection("line " + line.number(), line.number(), line.text(), "not " + EXPECTED));
                    }
                    sawEnvelope |= outcome == LineOutcome.OTLP;
                }
                firstLine = false;
                sink.stopIfCancelled();
            }
        }
        if (!sawEnvelope) {
            throw new IOException(source.fileName() + ": no line is " + EXPECTED);
        }
    }

    /** The next line; a stream that breaks (truncated gzip) after records were read ends like a late break. */
    private static LineReader.Line nextLine(LineReader lines, ImportSource source, RecordSink sink,
                                            OtlpRecordEmitter emitter) throws IOException {
        try {
            return lines.next();
        } catch (IOException e) {
            if (emitter.emitted() == 0) {
                throw new IOException(source.fileName() + " could not be read: " + e.getMessage(), e);
            }
            sink.reject(new Rejection("after byte " + source.bytesRead() + " of the file", null, "",
                    "the file could not be read further (" + e.getMessage() + "); everything before was imported"));
            return null;
        }
    }

    /** What a JSONL line turned out to be. */
    private enum LineOutcome { OTLP, OTHER_JSON, BROKEN }

    /** One JSONL line: one envelope (or several, or an array of them); a broken line is rejected here. */
    private LineOutcome readLine(LineReader.Line line, OtlpRecordEmitter emitter, RecordSink sink) {
        emitter.atLine(line.number(), line.text());
        long emittedBefore = emitter.emitted();
        OtlpEnvelopeWalker walker = null;
        try (JsonParser parser = JsonValues.MAPPER.createParser(line.text())) {
            walker = new OtlpEnvelopeWalker(parser, emitter, contexts, "$");
            while (parser.nextToken() != null) {
                walker.walkRoot();
            }
            return walker.sawEnvelope() ? LineOutcome.OTLP : LineOutcome.OTHER_JSON;
        } catch (IOException e) {
            long before = emitter.emitted() - emittedBefore;
            sink.reject(new Rejection("line " + line.number(), line.number(), line.text(), "not valid JSON: " + describe(e)
                    + (before == 0 ? "" : before == 1 ? "; the record of this line before the break was imported"
                    : "; the " + before + " records of this line before the break were imported")));
            return walker != null && walker.sawEnvelope() ? LineOutcome.OTLP : LineOutcome.BROKEN;
        }
    }

    private void readDocument(ImportSource source, OtlpRecordEmitter emitter, RecordSink sink) throws IOException {
        OtlpEnvelopeWalker walker = null;
        emitter.inDocument((start, end) -> RawText.from(source, start, end));
        try (InputStream in = source.openStream(); JsonParser parser = JsonValues.MAPPER.createParser(in)) {
            walker = new OtlpEnvelopeWalker(parser, emitter, contexts, "$");
            while (parser.nextToken() != null) {
                walker.walkRoot();
            }
        } catch (IOException e) {
            if (walker == null || !walker.sawEnvelope()) {
                throw new IOException(source.fileName() + " is not " + EXPECTED + ": " + describe(e), e);
            }
            long line = walker.currentLine();
            sink.reject(new Rejection(walker.currentPath(), line > 0 ? line : null, RawText.from(source, walker.resumeOffset(), -1),
                    (e instanceof JsonProcessingException ? "the JSON breaks: " : "the file could not be read further: ")
                            + describe(e) + "; everything before was imported, nothing after this point could be read"));
            return;
        }
        if (!walker.sawEnvelope()) {
            throw new IOException(source.fileName() + " is not " + EXPECTED + ": its top level has neither");
        }
    }

    private static String describe(IOException e) {
        if (e instanceof JsonProcessingException json) {
            JsonLocation location = json.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return json.getOriginalMessage() + where;
        }
        return String.valueOf(e.getMessage());
    }
}
