package dev.tracedesk.ingest.source;

import java.io.IOException;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.RecordSink;

/**
 * Reads one file shape into canonical records. Knows the shape, never the database.
 * Implementations are stateless; one instance serves every import.
 */
public interface FormatReader {

    ImportFormat format();

    /**
     * How sure this reader is that the sniffed content is its format: 0 means not at all, 100
     * means certain (a key only this format has). Detection picks the highest.
     */
    int confidence(Sniff sniff);

    /**
     * Streams the whole file into the sink, record by record. A bad record goes to
     * {@link RecordSink#reject} and reading carries on; only a file that cannot be read at all
     * (I/O error, not this format) ends with an exception.
     */
    void read(ImportSource source, RecordSink sink) throws IOException;
}
