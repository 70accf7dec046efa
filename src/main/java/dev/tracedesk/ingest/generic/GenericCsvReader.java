package dev.tracedesk.ingest.generic;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.source.CsvRecordReader;
import dev.tracedesk.ingest.source.ImportSource;

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
            for (CsvRecordReader.CsvRecord row = records.next(); row != null; row = records.next()) {
                sink.stopIfCancelled();
                GenericRecord record = GenericRecord.ofCsvRow(columns, row);
                if (record != null && record.rejected()) {
                    sink.reject(record.rejection());
                } else if (record != null) {
                    sink.span(mapper.map(record.json(), record.rawText()));
                }
            }
        }
    }
}
