package dev.tracedesk.ingest;

import java.io.IOException;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/**
 * A test-only reader that keeps producing spans, slowly, until the import is cancelled: a long
 * import to press Cancel on. It gives up after a minute so a broken test cannot hang the build.
 */
final class EndlessReader implements FormatReader {

    static final String FIRST_LINE = "{\"endless\":true}";
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    @Override
    public ImportFormat format() {
        return ImportFormat.GENERIC_CSV;
    }

    @Override
    public int confidence(Sniff sniff) {
        return sniff.firstLineIsJsonObject() && sniff.firstLineJson().has("endless") ? 100 : 0;
    }

    @Override
    public void read(ImportSource source, RecordSink sink) throws IOException {
        long start = System.nanoTime();
        for (long n = 0; System.nanoTime() - start < GIVE_UP_NANOS; n++) {
            sink.stopIfCancelled();
            CanonicalSpan span = new CanonicalSpan();
            span.traceId = "endless-" + (n / 10);
            span.spanId = "span-" + n;
            span.sourceSystem = "endless";
            span.name = "step " + n;
            span.kind = SpanKind.OTHER;
            span.status = SpanStatus.OK;
            span.startNs = n;
            span.durationNs = 1L;
            sink.span(span);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
