package dev.tracedesk.ingest.generic;

import java.io.IOException;
import java.io.InputStream;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.LineReader;

/**
 * A JSONL log of LLM calls in no known format (LiteLLM callbacks, Helicone, a homegrown logger),
 * read with a named {@link FieldMapping}: one LLM span per line. Never chosen by detection alone:
 * the user names the mapping.
 */
public final class GenericJsonlReader extends MappedCallReader {

    public GenericJsonlReader(FieldMapping mapping) {
        super(mapping);
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.GENERIC_JSONL;
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        try (InputStream in = source.openStream()) {
            LineReader lines = new LineReader(in);
            for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                sink.stopIfCancelled();
                GenericRecord record = GenericRecord.ofJsonLine(line);
                if (record != null && record.rejected()) {
                    sink.reject(record.rejection());
                } else if (record != null) {
                    sink.span(mapper.map(record.json(), record.rawText()));
                }
            }
        }
    }
}
