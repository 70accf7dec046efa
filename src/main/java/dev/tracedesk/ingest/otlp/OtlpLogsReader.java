package dev.tracedesk.ingest.otlp;

import java.io.IOException;

import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/**
 * OTLP/JSON logs: GenAI message events (gen_ai.user.message, gen_ai.choice, …,
 * gen_ai.client.inference.operation.details) become log events that join their span by trace and
 * span id. Log records that are no GenAI event carry no LLM data and give nothing.
 */
public final class OtlpLogsReader implements FormatReader {

    @Override
    public ImportFormat format() {
        return ImportFormat.OTLP_LOGS;
    }

    @Override
    public int confidence(Sniff sniff) {
        return OtlpSniffing.hasKey(sniff, "resourceLogs", "resource_logs") ? 100 : 0;
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        new OtlpFileReader().read(source, sink);
    }
}
