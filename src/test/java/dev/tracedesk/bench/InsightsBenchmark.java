package dev.tracedesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.store.calls.LlmCallFacts;
import dev.tracedesk.insights.Granularity;
import dev.tracedesk.insights.InsightsQueries;
import dev.tracedesk.insights.InsightsQuery;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/**
 * Times every query of the Insights dashboard on a generated workspace (the Traces benchmark's:
 * one trace a second, CHAIN → RETRIEVER + LLM, 5 models, 10 prompt versions). The first run on a
 * workspace without {@code llm_call} rows builds them (timed separately: it is the one-off catch-up an
 * old workspace does when Insights first opens). Each query is timed once cold and then five times
 * with a different range end, because H2 hands back its last result for a repeated identical query.
 * Prints numbers; asserts nothing.
 *
 * <pre>./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tracedesk.bench.InsightsBenchmark \
 *     -Dexec.args="/tmp/tracedesk-bench/traces-1m 1000000"</pre>
 */
public final class InsightsBenchmark {

    private static final int RUNS = 5;

    private InsightsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/tracedesk-bench/traces");
        int spans = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        boolean fresh = !Files.exists(folder.resolve("ws.mv.db"));
        Files.createDirectories(folder);
        try (Workspace workspace = Workspace.open(WorkspaceLocation.h2(folder.resolve("ws")))) {
            if (fresh) {
                long t0 = System.nanoTime();
                TraceQueryBenchmark.fill(workspace, spans / 3);
                System.out.printf("filled %,d spans in %.1f s%n", spans / 3 * 3, (System.nanoTime() - t0) / 1e9);
            }
            long t0 = System.nanoTime();
            long added = new LlmCallFacts(workspace.dsl()).refresh();
            System.out.printf("llm_call catch-up: %,d calls in %.1f s%n", added, (System.nanoTime() - t0) / 1e9);
            if (args.length > 2 && args[2].equals("refresh-only")) {
                timeRefreshAfterNewCalls(workspace, new InsightsQueries(workspace.dsl()).startBounds()[1]);
                return;
            }
            InsightsQueries queries = new InsightsQueries(workspace.dsl());
            long[] bounds = queries.startBounds();
            System.out.printf("%,d spans; calls from %d to %d%n",
                    workspace.dsl().fetchCount(dev.tracedesk.store.generated.Tables.SPAN), bounds[0], bounds[1]);
            long end = bounds[1] + 1;
            long day = Granularity.DAY.nanos();
            long hour = Granularity.HOUR.nanos();
            for (CallGrouping grouping : CallGrouping.values()) {
                time("groups by " + grouping.cliName() + ", all calls",
                        i -> queries.groups(new InsightsQuery(null, end + i * hour, grouping)));
            }
            time("groups by model, last day", i -> queries.groups(new InsightsQuery(end - day + i * hour, end + i * hour,
                    CallGrouping.MODEL)));
            // One whole hour, moved back an hour a run: 3,600 calls, under the exact limit.
            long lastHour = Math.floorDiv(bounds[1], hour) * hour;
            InsightsQuery oneHour = new InsightsQuery(lastHour - hour, lastHour, CallGrouping.MODEL);
            System.out.printf("one hour: %,d calls, %s%n", queries.groups(oneHour.withGrouping(CallGrouping.NONE)).get(0).requests(),
                    queries.percentileMethod(oneHour).description());
            time("groups by model, 1 hour", i -> queries.groups(oneHour.withRange(lastHour - (1 + i) * hour, lastHour - i * hour)));
            time("groups by prompt, 1 hour", i -> queries.groups(new InsightsQuery(lastHour - (1 + i) * hour, lastHour - i * hour,
                    CallGrouping.PROMPT)));
            time("over time by hour, 1 hour", i -> queries.overTime(
                    oneHour.withRange(lastHour - (1 + i) * hour, lastHour - i * hour), Granularity.HOUR, 0));
            time("latency vs load, 1 hour", i -> queries.byConcurrency(
                    oneHour.withRange(lastHour - (1 + i) * hour, lastHour - i * hour)));
            InsightsQuery fiveHours = new InsightsQuery(lastHour - 5 * hour, lastHour, CallGrouping.MODEL);
            System.out.printf("five hours: %s%n", queries.percentileMethod(fiveHours).description());
            time("groups by model, 5 hours", i -> queries.groups(fiveHours.withRange(lastHour - (5 + i) * hour, lastHour - i * hour)));
            System.out.printf("all calls: %s%n", queries.percentileMethod(InsightsQuery.everything(CallGrouping.NONE)).description());
            time("over time by hour, no grouping",
                    i -> queries.overTime(new InsightsQuery(null, end + i * hour, CallGrouping.NONE), Granularity.HOUR, 0));
            time("over time by hour, by model",
                    i -> queries.overTime(new InsightsQuery(null, end + i * hour, CallGrouping.MODEL), Granularity.HOUR, 0));
            time("over time by day, by prompt",
                    i -> queries.overTime(new InsightsQuery(null, end + i * hour, CallGrouping.PROMPT), Granularity.DAY, 0));
            time("latency vs load, per model", i -> queries.byConcurrency(new InsightsQuery(null, end + i * hour, CallGrouping.NONE)));
            time("start bounds (range presets)", i -> queries.startBounds());
            timeRefreshAfterNewCalls(workspace, bounds[1]);
        }
    }

    /**
     * What an import adds to Insights' upkeep: 1,000 calls written into the last hour (as a small
     * import would), then the refresh that copies them, recounts the load around them and rebuilds
     * that hour and day's rollups.
     */
    private static void timeRefreshAfterNewCalls(Workspace workspace, long lastStart) throws java.sql.SQLException {
        long stamp = System.nanoTime();
        try (java.sql.Connection connection = workspace.dataSource().getConnection();
             java.sql.PreparedStatement trace = connection.prepareStatement("INSERT INTO trace (id, external_trace_id, "
                     + "source_system, name, start_ns, end_ns, status) VALUES (?, ?, 'bench', 'answer question', ?, ?, 'OK')");
             java.sql.PreparedStatement span = connection.prepareStatement("INSERT INTO span (id, trace_id, external_span_id, "
                     + "kind, name, start_ns, duration_ns, status, provider, served_model, input_tokens, output_tokens) "
                     + "VALUES (?, ?, 'llm', 'LLM', 'chat gpt-4o', ?, ?, 'OK', 'openai', 'gpt-4o-2024-08-06', 800, 120)")) {
            // The generated rows carry their own ids, so the identity columns know nothing of them.
            long traceId = TraceQueryBenchmark.nextId(connection, "trace");
            long spanId = TraceQueryBenchmark.nextId(connection, "span");
            for (int i = 0; i < 1_000; i++) {
                long start = lastStart - 3_000_000_000_000L + i * 3_000_000_000L;
                trace.setLong(1, traceId + i);
                trace.setString(2, "late-" + stamp + "-" + i);
                trace.setLong(3, start);
                trace.setLong(4, start + 900_000_000L);
                trace.executeUpdate();
                span.setLong(1, spanId + i);
                span.setLong(2, traceId + i);
                span.setLong(3, start);
                span.setLong(4, 800_000_000L);
                span.executeUpdate();
            }
        }
        long t0 = System.nanoTime();
        long added = new LlmCallFacts(workspace.dsl()).refresh();
        System.out.printf("refresh after a 1,000-call import       %,d calls in %.0f ms%n", added, (System.nanoTime() - t0) / 1e6);
    }

    private static void time(String what, IntFunction<Object> query) {
        long t0 = System.nanoTime();
        query.apply(0);
        long first = System.nanoTime() - t0;
        long total = 0;
        long worst = 0;
        for (int i = 1; i <= RUNS; i++) {
            long start = System.nanoTime();
            query.apply(i);
            long took = System.nanoTime() - start;
            total += took;
            worst = Math.max(worst, took);
        }
        System.out.printf("%-36s first %8.1f ms   mean of next %d %8.1f ms   worst %8.1f ms%n",
                what, first / 1e6, RUNS, total / 1e6 / RUNS, worst / 1e6);
    }
}
