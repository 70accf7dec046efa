package dev.tracedesk.ingest.generic;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.CsvRecordReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * A CSV log of LLM calls, one call a row, read with a named {@link FieldMapping} whose sources are
 * column names of the header row. Never chosen by detection alone.
 */
public final class GenericCsvReader extends MappedCallReader {

    public GenericCsvReader(FieldMapping mapping) {
        super(mapping);
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.GENERIC_CSV;
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        try (InputStream in = source.openStream()) {
            CsvRecordReader records = new CsvRecordReader(in);
            CsvRecordReader.CsvRecord header = records.next();
            if (header == null || !header.ok() || header.isBlank()) {
                throw new IOException(source.path() + " has no header row: a CSV log of LLM calls needs column names"
                        + " in its first line for the field mapping to name");
            }
            List<String> columns = header.fields();
            for (CsvRecordReader.CsvRecord record = records.next(); record != null; record = records.next()) {
                sink.stopIfCancelled();
                String locator = "line " + record.lineNumber();
                if (!record.ok()) {
                    sink.reject(new Rejection(locator, record.lineNumber(), record.rawText(), record.problem()));
                } else if (!record.isBlank()) {
                    if (record.fields().size() != columns.size()) {
                        sink.reject(new Rejection(locator, record.lineNumber(), record.rawText(), "the row has "
                                + record.fields().size() + " fields, the header " + columns.size()));
                        continue;
                    }
                    ObjectNode row = JsonValues.MAPPER.createObjectNode();
                    for (int i = 0; i < columns.size(); i++) {
                        if (!record.fields().get(i).isEmpty()) {
                            row.put(columns.get(i), record.fields().get(i));
                        }
                    }
                    sink.span(mapper.map(row, record.rawText()));
                }
            }
        }
    }
}
