package dev.tracedesk.ingest.langfuse;

import java.io.IOException;
import java.io.InputStream;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/**
 * Langfuse exports: traces, observations and scores from the public API (camelCase JSON: one
 * trace with its observations and scores, a list response {data, meta}, an array, or one record
 * per line) and from the blob storage export (snake_case JSON or JSONL: observations_v2/,
 * observations/, traces/ and scores/ files). Traces and observations become spans, scores checks.
 */
public final class LangfuseReader implements FormatReader {

    private static final String EXPECTED = "Langfuse traces, observations or scores as JSON or JSON Lines";

    @Override
    public ImportFormat format() {
        return ImportFormat.LANGFUSE;
    }

    @Override
    public int confidence(Sniff sniff) {
        return LangfuseSniffing.confidence(sniff);
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        Sniff sniff = Sniff.of(source);
        if (sniff.isZip() || sniff.looksBinary()) {
            throw new IOException(source.fileName() + " is a binary file, not " + EXPECTED + ".");
        }
        byte[] head;
        try (InputStream in = source.openStream()) {
            head = in.readNBytes(Sniff.WINDOW_BYTES);
        }
        Layout layout = Layout.of(head);
        if (layout == Layout.EMPTY) {
            throw new IOException(source.fileName() + " is empty; expected " + EXPECTED + ".");
        }
        RecordEmitter emitter = new RecordEmitter(sink);
        if (layout == Layout.JSON_DOCUMENT) {
            JsonDocumentLayout.read(source, emitter);
            return;
        }
        try (InputStream in = source.openStream()) {
            JsonlLayout.read(in, emitter);
        }
        if (emitter.emitted() == 0 && emitter.rejected() > 0) {
            throw new IOException("No line of " + source.fileName() + " is a Langfuse record (see the rejected lines); expected "
                    + EXPECTED + ".");
        }
    }
}
