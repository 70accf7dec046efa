package dev.tracedesk.bench;

import static dev.tracedesk.store.generated.Tables.SPAN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

import dev.tracedesk.review.QueueDefinition;
import dev.tracedesk.review.ReviewItemDetails;
import dev.tracedesk.review.ReviewItemSummary;
import dev.tracedesk.review.ReviewItems;
import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.review.TargetKind;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.review.log.LogVerification;
import dev.tracedesk.review.log.LogVerifier;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/**
 * Times the review desk's work on a generated workspace: reading one item with its evidence (what
 * the window prefetches while the reviewer reads the current item), saving a label (on disk before
 * it returns), the queue list with progress and agreement, and checking the whole log.
 * Prints numbers; asserts nothing. The workspace is generated like TraceQueryBenchmark's.
 *
 * <pre>./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tracedesk.bench.ReviewBenchmark \
 *     -Dexec.args="/tmp/tracedesk-bench/review-300k 300000"</pre>
 */
public final class ReviewBenchmark {

    private static final int QUEUE_SIZE = 2_000;
    private static final int READS = 300;
    private static final int SAVES = 300;

    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/tracedesk-bench/review");
        int spans = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        boolean fresh = !Files.exists(folder.resolve("ws.mv.db"));
        Files.createDirectories(folder);
        try (Workspace workspace = Workspace.open(WorkspaceLocation.h2(folder.resolve("ws")))) {
            if (fresh) {
                long t0 = System.nanoTime();
                TraceQueryBenchmark.fill(workspace, spans / 3);
                System.out.printf("filled %,d spans in %.1f s%n", spans / 3 * 3, (System.nanoTime() - t0) / 1e9);
            }
            Clock clock = Clock.systemUTC();
            ReviewQueues queues = new ReviewQueues(workspace.dsl(), clock);
            String name = "bench " + System.currentTimeMillis();
            long queue = queues.create(name, null, new QueueDefinition(QueueDefinition.Kind.MANUAL, List.of(), null), 1, false);
            List<Long> calls = workspace.dsl().select(SPAN.ID).from(SPAN).where(SPAN.KIND.eq("LLM"))
                    .orderBy(SPAN.START_NS.desc()).limit(QUEUE_SIZE).fetch(SPAN.ID);
            queues.addTargets(queue, TargetKind.SPAN, calls, "benchmark");
            List<Long> items = new ReviewItems(workspace.dsl(), clock).ofQueue(queue, QUEUE_SIZE).stream()
                    .map(ReviewItemSummary::itemId).toList();
            System.out.printf("workspace of %,d spans; a queue of %,d LLM calls%n",
                    workspace.dsl().fetchCount(SPAN), items.size());

            ReviewItemDetails details = new ReviewItemDetails(workspace.dsl(), clock);
            time("read one item with its evidence", READS, i -> details.load(items.get(i)).orElseThrow());
            ReviewLabels labels = new ReviewLabels(workspace.dsl(), clock);
            time("save a label (on disk)", SAVES, i -> labels.label(items.get(READS + i), "bench",
                    LabelDraft.of(Verdict.values()[i % 3])));
            time("queue list with progress and agreement", 20, i -> queues.list());
            long t0 = System.nanoTime();
            LogVerification verification = new LogVerifier(workspace.dsl()).verify();
            System.out.printf("%-40s %,d entries in %.1f ms (intact: %s)%n", "verify the whole log",
                    verification.entriesChecked(), (System.nanoTime() - t0) / 1e6, verification.intact());
        }
    }

    /** Runs {@code work} {@code runs} times and prints the median, the 95th percentile and the slowest. */
    private static void time(String what, int runs, IntConsumer work) {
        long[] took = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.accept(i);
            took[i] = System.nanoTime() - start;
        }
        Arrays.sort(took);
        System.out.printf("%-40s median %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d runs)%n", what,
                took[runs / 2] / 1e6, took[(int) (runs * 0.95)] / 1e6, took[runs - 1] / 1e6, runs);
    }
}
