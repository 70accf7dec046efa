package dev.tracedesk.ingest.generic;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;
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
                if (!line.ok()) {
                    sink.reject(new Rejection("line " + line.number(), line.number(), line.rawHead(), line.problem()));
                } else if (!line.isBlank()) {
                    readLine(line, sink);
                }
            }
        }
    }

    private void readLine(LineReader.Line line, RecordSink sink) {
        JsonNode record;
        try {
            record = JsonValues.MAPPER.readTree(line.text());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            sink.reject(new Rejection("line " + line.number(), line.number(), line.text(),
                    "not valid JSON: " + e.getOriginalMessage()));
            return;
        }
        if (record == null || !record.isObject()) {
            sink.reject(new Rejection("line " + line.number(), line.number(), line.text(),
                    "expected a JSON object, found " + (record == null ? "nothing" : record.getNodeType().name().toLowerCase())));
            return;
        }
        sink.span(mapper.map(record, line.text()));
    }
}
