package dev.tracedesk.ingest.otlp;

import java.io.IOException;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/**
 * OTLP/JSON traces: one {@code TracesData} / {@code ExportTraceServiceRequest} (pretty-printed or
 * not, streamed span by span), or JSON Lines of them (the Collector file exporter), gzip or not.
 * Attributes are mapped by the dialects in {@link dev.tracedesk.ingest.otlp.dialect.Dialects}
 * (OTel GenAI of every generation, OpenLLMetry, OpenInference, Langfuse) and kept whole. Also
 * reads spans printed by the Python SDK's console exporter and Phoenix's span JSON (see
 * {@link ConsoleSpans}).
 */
public final class OtlpTracesReader implements FormatReader {

    @Override
    public ImportFormat format() {
        return ImportFormat.OTLP_TRACES;
    }

    @Override
    public int confidence(Sniff sniff) {
        if (OtlpSniffing.hasKey(sniff, "resourceSpans", "resource_spans")) {
            return 100;
        }
        return OtlpSniffing.looksLikeConsoleSpans(sniff) ? 80 : 0;
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        new OtlpFileReader().read(source, sink);
    }
}
