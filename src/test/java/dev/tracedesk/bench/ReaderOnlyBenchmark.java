package dev.tracedesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * writing cost when tuning the import. Prints wall time and the reading thread's CPU time: on a
 * machine shared with other work the CPU time wobbles less. Two rounds unless told: the first
 * includes the JIT's warm-up, as a one-off import does.
 *
 * <pre>./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tracedesk.bench.ReaderOnlyBenchmark \
 *     -Dexec.args="FILE [ROUNDS]"</pre>
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
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            counts[0] = 0;
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            reader.orElseThrow().read(source, counting);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("round %d: %s read %,d records (%,d rejected) in %.2f s (%.2f s CPU): %,.0f records/s%n",
                    round, reader.get().format().id(), counts[0], counts[1], seconds, cpuSeconds, counts[0] / seconds);
        }
    }
}
