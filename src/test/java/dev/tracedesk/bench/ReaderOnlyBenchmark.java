package dev.tracedesk.bench;

import java.nio.file.Path;
import java.util.Optional;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.CheckTarget;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;

/**
 * Times a reader alone (detect + read into a sink that only counts), to tell reading cost from
 * writing cost when tuning the import.
 *
 * <pre>./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tracedesk.bench.ReaderOnlyBenchmark \
 *     -Dexec.args=FILE</pre>
 */
public final class ReaderOnlyBenchmark {

    private ReaderOnlyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ImportSource source = ImportSource.of(Path.of(args[0]));
        Optional<FormatReader> reader = FormatReaders.standard().detect(source);
        long[] counts = new long[2];
        RecordSink counting = new RecordSink() {
            public void span(CanonicalSpan span) { counts[0]++; }
            public void logEvent(CanonicalLogEvent event) { counts[0]++; }
            public void evalRun(CanonicalEvalRun run) { counts[0]++; }
            public void evalCase(CanonicalEvalCase evalCase) { counts[0]++; }
            public void check(CheckTarget target, CanonicalCheck check) { counts[0]++; }
            public void reject(Rejection rejection) { counts[1]++; }
            public void stopIfCancelled() { }
        };
        for (int round = 1; round <= 2; round++) {
            counts[0] = 0;
            long start = System.nanoTime();
            reader.orElseThrow().read(source, counting);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %s read %,d records (%,d rejected) in %.2f s: %,.0f records/s%n",
                    round, reader.get().format().id(), counts[0], counts[1], seconds, counts[0] / seconds);
        }
    }
}
