package dev.tracedesk.ingest.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CancellationException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
                    LineOutcome outcome = readLine(line, lines.asciiBytes(), emitter, sink);
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

    /**
     * One JSONL line: one envelope (or several, or an array of them); a broken line is rejected
     * here. A plain ASCII line is parsed from its bytes, which skips turning the line's text
     * back into chars for the parser; its byte offsets are its char offsets, so what the spans
     * keep of it is the same either way.
     */
    private LineOutcome readLine(LineReader.Line line, LineReader.AsciiBytes ascii, OtlpRecordEmitter emitter,
                                 RecordSink sink) {
        emitter.atLine(line.number(), line.text());
        long emittedBefore = emitter.emitted();
        OtlpEnvelopeWalker walker = null;
        boolean fromBytes = ascii != null && !mayLookLikeUtf16Or32(ascii);
        try (JsonParser parser = fromBytes
                ? JsonValues.MAPPER.createParser(ascii.array(), ascii.offset(), ascii.length())
                : JsonValues.MAPPER.createParser(line.text())) {
            walker = new OtlpEnvelopeWalker(parser, emitter, contexts, "$", true);
            while (parser.nextToken() != null) {
                walker.walkRoot();
            }
            return walker.sawEnvelope() ? LineOutcome.OTLP : LineOutcome.OTHER_JSON;
        } catch (IOException e) {
            long before = emitter.emitted() - emittedBefore;
            String why = fromBytes ? describeAsText(line.text(), e) : describe(e);
            sink.reject(new Rejection("line " + line.number(), line.number(), line.text(), "not valid JSON: " + why
                    + (before == 0 ? "" : before == 1 ? "; the record of this line before the break was imported"
                    : "; the " + before + " records of this line before the break were imported")));
            return walker != null && walker.sawEnvelope() ? LineOutcome.OTLP : LineOutcome.BROKEN;
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (RuntimeException unreadableValue) {
            // e.g. a number no Java type holds (1e99999999999999999999): this line is rejected, the file goes on
            long before = emitter.emitted() - emittedBefore;
            sink.reject(new Rejection("line " + line.number(), line.number(), line.text(), "a value could not be read: "
                    + unreadableValue.getMessage()
                    + (before == 0 ? "" : "; the " + before + " records of this line before it were imported")));
            return walker != null && walker.sawEnvelope() ? LineOutcome.OTLP : LineOutcome.BROKEN;
        }
    }

    /**
     * Jackson guesses the encoding of bytes from their first four: a NUL among them reads as
     * UTF-16 or UTF-32. Such a line (broken anyway) is parsed from its text, as it always was.
     */
    private static boolean mayLookLikeUtf16Or32(LineReader.AsciiBytes ascii) {
        for (int i = 0; i < Math.min(4, ascii.length()); i++) {
            if (ascii.array()[ascii.offset() + i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a line parsed from its bytes broke, worded as the text parser words it (its messages
     * and columns are what rejections have always said): the line's text is walked once more,
     * handing nothing over. Only a broken line pays for this.
     */
    private static String describeAsText(String text, IOException fromBytes) {
        try (JsonParser parser = JsonValues.MAPPER.createParser(text)) {
            OtlpEnvelopeWalker walker = new OtlpEnvelopeWalker(parser, DISCARD, new ResourceScopes(), "$", true);
            while (parser.nextToken() != null) {
                walker.walkRoot();
            }
        } catch (IOException e) {
            return describe(e);
        }
        return describe(fromBytes);
    }

    /** Takes whatever a walk finds and keeps none of it. */
    private static final OtlpEnvelopeWalker.Visitor DISCARD = new OtlpEnvelopeWalker.Visitor() {
        @Override
        public void span(RawSpan span, ResourceScope context, OtlpEnvelopeWalker.Position where) {
        }

        @Override
        public void logRecord(ObjectNode record, ResourceScope context,
                              OtlpEnvelopeWalker.Position where) {
        }

        @Override
        public void notAnObject(OtlpEnvelopeWalker.Signal signal, JsonNode value,
                                OtlpEnvelopeWalker.Position where) {
        }

        @Override
        public void unsupported(String signalKey, JsonNode value,
                                OtlpEnvelopeWalker.Position where) {
        }
    };

    private void readDocument(ImportSource source, OtlpRecordEmitter emitter, RecordSink sink) throws IOException {
        OtlpEnvelopeWalker walker = null;
        emitter.inDocument((start, end) -> RawText.from(source, start, end));
        try (InputStream in = source.openStream(); JsonParser parser = JsonValues.MAPPER.createParser(in)) {
            walker = new OtlpEnvelopeWalker(parser, emitter, contexts, "$", false);
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
