package dev.tracedesk.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import dev.tracedesk.review.QueueDefinition;
import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.review.TargetKind;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;
import dev.tracedesk.traces.FacetQueries;
import dev.tracedesk.traces.TraceFilter;
import dev.tracedesk.traces.TraceListQueries;
import dev.tracedesk.traces.TracePage;
import dev.tracedesk.traces.TraceQueries;
import dev.tracedesk.traces.TraceSort;

/**
 * Times the Traces section's queries on a generated workspace: first page (with its rows' review
 * flags and verdicts), a served-model filter, labeled / unlabeled, facet counts, and one trace
 * opened with its provenance. A workspace without labels gets a review queue and labels first. Prints numbers; asserts nothing.
 * Each trace is a CHAIN root, a RETRIEVER and an LLM call (~5 served models, ~10 prompt versions),
 * written with plain JDBC batches. The workspace is kept, so a second run with the same path
 * times the queries again without refilling.
 *
 * <pre>./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tracedesk.bench.TraceQueryBenchmark \
 *     -Dexec.args="/tmp/tracedesk-bench/traces-1m 1000000"</pre>
 */
public final class TraceQueryBenchmark {

    private static final String[] MODELS = {"gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18", "claude-3-5-sonnet-20241022",
            "gemini-1.5-pro-002", "mistral-large-2411"};
    private static final String[] PROVIDERS = {"openai", "openai", "anthropic", "google", "mistral"};
    private static final long START = 1_700_000_000_000_000_000L;
    private static final int RUNS = 5;

    private TraceQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/tracedesk-bench/traces");
        int spans = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        // "no-sort" leaves out sorting by cost, which sums every trace's spans (seconds at 1M).
        boolean skipSort = args.length > 2 && args[2].equals("no-sort");
        boolean fresh = !Files.exists(folder.resolve("ws.mv.db"));
        Files.createDirectories(folder);
        try (Workspace workspace = Workspace.open(WorkspaceLocation.h2(folder.resolve("ws")))) {
            if (fresh) {
                long t0 = System.nanoTime();
                fill(workspace, spans / 3);
                System.out.printf("filled %,d spans in %.1f s%n", spans / 3 * 3, (System.nanoTime() - t0) / 1e9);
            }
            if (workspace.dsl().fetchCount(dev.tracedesk.store.generated.Tables.REVIEW_LABEL) == 0) {
                long t0 = System.nanoTime();
                int labeled = labelReview(workspace);
                System.out.printf("review: %,d labels in %.1f s%n", labeled, (System.nanoTime() - t0) / 1e9);
            }
            TraceListQueries list = new TraceListQueries(workspace.dsl());
            FacetQueries facets = new FacetQueries(workspace.dsl());
            TraceQueries traces = new TraceQueries(workspace.dsl());
            // H2 hands back the last result of a query repeated unchanged, so every run varies a parameter.
            time("first page of traces", i -> list.traces(TraceFilter.NONE.withTimeRange(null, Long.MAX_VALUE - i),
                    TraceSort.NEWEST_FIRST, 0));
            time("served-model filter (traces)", i -> list.traces(byModel(i), TraceSort.NEWEST_FIRST, 0));
            time("first page of LLM calls", i -> list.llmCalls(TraceFilter.NONE.withTimeRange(null, Long.MAX_VALUE - i),
                    TraceSort.NEWEST_FIRST, 0));
            time("served-model filter (LLM calls)", i -> list.llmCalls(byModel(i), TraceSort.NEWEST_FIRST, 0));
            time("served-model filter, calls page 51", i -> list.llmCalls(byModel(i), TraceSort.NEWEST_FIRST, 10_000 + i));
            // The review step alone, for a page of 200 newest traces / calls (every one flagged, half labeled).
            List<Long> pageTraces = list.traces(TraceFilter.NONE, TraceSort.NEWEST_FIRST, 0).rows().stream()
                    .map(row -> row.traceRowId()).toList();
            var pageCalls = list.llmCalls(TraceFilter.NONE, TraceSort.NEWEST_FIRST, 0).rows();
            time("review marks of a page (traces)", i -> dev.tracedesk.traces.ReviewMarks.ofTraces(workspace.dsl(),
                    pageTraces.subList(i, pageTraces.size())));
            time("review marks of a page (LLM calls)", i -> dev.tracedesk.traces.ReviewMarks.ofCalls(workspace.dsl(),
                    pageCalls.subList(i, pageCalls.size()).stream().map(row -> row.spanRowId()).toList(),
                    pageCalls.subList(i, pageCalls.size()).stream().map(row -> row.traceRowId()).distinct().toList()));
            time("labeled filter (traces)", i -> list.traces(TraceFilter.NONE.withLabeled(true)
                    .withTimeRange(null, Long.MAX_VALUE - i), TraceSort.NEWEST_FIRST, 0));
            time("unlabeled filter (traces)", i -> list.traces(TraceFilter.NONE.withLabeled(false)
                    .withTimeRange(null, Long.MAX_VALUE - i), TraceSort.NEWEST_FIRST, 0));
            time("labeled filter (LLM calls)", i -> list.llmCalls(TraceFilter.NONE.withLabeled(true)
                    .withTimeRange(null, Long.MAX_VALUE - i), TraceSort.NEWEST_FIRST, 0));
            time("unlabeled filter (LLM calls)", i -> list.llmCalls(TraceFilter.NONE.withLabeled(false)
                    .withTimeRange(null, Long.MAX_VALUE - i), TraceSort.NEWEST_FIRST, 0));
            time("labeled + served model (LLM calls)", i -> list.llmCalls(byModel(i).withLabeled(true),
                    TraceSort.NEWEST_FIRST, 0));
            time("prompt version filter (traces)", i -> list.traces(
                    TraceFilter.NONE.withPrompt("prompt-" + i, "2"), TraceSort.NEWEST_FIRST, 0));
            time("page 50 (offset 10,000)", i -> list.traces(TraceFilter.NONE, TraceSort.NEWEST_FIRST, 10_000 + i));
            if (!skipSort) {
                time("sorted by cost", i -> list.traces(TraceFilter.NONE, new TraceSort(TraceSort.Column.COST, false), i));
            }
            time("facet counts (no filter)", i -> facets.counts(TraceFilter.NONE.withTimeRange(null, Long.MAX_VALUE - i), false));
            // The facets leave the chosen model out of their SQL, so the time bound is what makes each run's query new.
            time("facet counts (labeled filter)", i -> facets.counts(TraceFilter.NONE.withLabeled(true)
                    .withTimeRange(null, Long.MAX_VALUE - i), false));
            time("facet counts (served-model filter)", i -> facets.counts(byModel(i).withTimeRange(null, Long.MAX_VALUE - i), false));
            TracePage page = list.traces(TraceFilter.NONE, TraceSort.NEWEST_FIRST, 0);
            time("open one trace with provenance", i -> traces.trace(page.rows().get(10 + i).traceId()));
        }
    }

    /**
     * Review items and labels the way the desk writes them: a queue of the 2,000 newest LLM calls
     * (so every row of the first page has a flag) and every 100th older call; the newest 1,000 and
     * every 500th older one labeled pass / fail / unsure in turn, a few taken back.
     */
    private static int labelReview(Workspace workspace) {
        var dsl = workspace.dsl();
        var span = dev.tracedesk.store.generated.Tables.SPAN;
        List<Long> calls = dsl.select(span.ID).from(span).where(span.KIND.eq("LLM")).orderBy(span.START_NS.desc())
                .fetch(span.ID);
        List<Long> targets = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (i < 2_000 || i % 100 == 0) {
                targets.add(calls.get(i));
            }
        }
        Clock clock = Clock.systemUTC();
        ReviewQueues queues = new ReviewQueues(dsl, clock);
        long queue = queues.create("bench", null, new QueueDefinition(QueueDefinition.Kind.MANUAL, List.of(), null), 1, false);
        queues.addTargets(queue, TargetKind.SPAN, targets, "benchmark");
        var item = dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
        java.util.Map<Long, Long> items = dsl.select(item.TARGET_ID, item.ID).from(item).where(item.QUEUE_ID.eq(queue))
                .fetchMap(item.TARGET_ID, item.ID);
        ReviewLabels labels = new ReviewLabels(dsl, clock);
        Verdict[] verdicts = Verdict.values();
        int labeled = 0;
        for (int i = 0; i < calls.size(); i++) {
            if (i < 1_000 || i % 500 == 0) {
                long itemId = items.get(calls.get(i));
                labels.label(itemId, "bench", LabelDraft.of(verdicts[i % verdicts.length]));
                labeled++;
                if (i % 97 == 0) {
                    labels.undoLast(itemId, "bench");
                }
            }
        }
        return labeled;
    }

    private static TraceFilter byModel(int run) {
        return TraceFilter.NONE.withServedModel(MODELS[run % MODELS.length]);
    }

    /** The first run (cold for this query) and the mean of the next runs, each with other parameters. */
    private static void time(String what, IntFunction<Object> query) {
        long t0 = System.nanoTime();
        query.apply(0);
        long first = System.nanoTime() - t0;
        long total = 0;
        for (int i = 1; i <= RUNS; i++) {
            long start = System.nanoTime();
            query.apply(i);
            total += System.nanoTime() - start;
        }
        System.out.printf("%-38s first %8.1f ms   mean of next %d %8.1f ms%n", what, first / 1e6, RUNS, total / 1e6 / RUNS);
    }

    static void fill(Workspace workspace, int traceCount) throws SQLException {
        Random random = new Random(42);
        try (Connection connection = workspace.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            long firstTrace = nextId(connection, "trace");
            long firstSpan = nextId(connection, "span");
            try (PreparedStatement trace = connection.prepareStatement("INSERT INTO trace (id, external_trace_id, "
                    + "source_system, name, start_ns, end_ns, status) VALUES (?, ?, 'bench', ?, ?, ?, ?)");
                 PreparedStatement span = connection.prepareStatement("INSERT INTO span (id, trace_id, external_span_id, "
                         + "parent_external_span_id, kind, name, start_ns, duration_ns, status, error_message, provider, "
                         + "requested_model, served_model, prompt_template_name, prompt_template_version, input_tokens, "
                         + "output_tokens, total_tokens, cost_usd, cost_source) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement content = connection.prepareStatement("INSERT INTO span_content (span_id, input_text, "
                         + "output_text, parameters_json, messages_json) VALUES (?, ?, ?, ?, ?)")) {
                for (int t = 0; t < traceCount; t++) {
                    long traceId = firstTrace + t;
                    long start = START + t * 1_000_000_000L + random.nextInt(1_000_000);
                    int model = random.nextInt(MODELS.length);
                    boolean error = random.nextInt(50) == 0;
                    long llmTook = 300_000_000L + random.nextInt(2_000_000_000);
                    long took = llmTook + 80_000_000L;
                    trace.setLong(1, traceId);
                    trace.setString(2, "bench-" + t);
                    trace.setString(3, "answer question");
                    trace.setLong(4, start);
                    trace.setLong(5, start + took);
                    trace.setString(6, error ? "ERROR" : "OK");
                    trace.addBatch();
                    long spanId = firstSpan + 3L * t;
                    addSpan(span, spanId, traceId, "root", null, "CHAIN", start, took, error, null, 0, random);
                    addSpan(span, spanId + 1, traceId, "retrieve", "root", "RETRIEVER", start + 1_000_000, 60_000_000L,
                            false, null, 0, random);
                    addSpan(span, spanId + 2, traceId, "llm", "root", "LLM", start + 70_000_000, llmTook, error,
                            MODELS[model], model, random);
                    content.setLong(1, spanId + 2);
                    content.setString(2, "What is the refund policy for order " + t + "?");
                    content.setString(3, "Refunds are accepted within 30 days of purchase.");
                    content.setString(4, "{\"temperature\":0.2,\"max_tokens\":512}");
                    content.setString(5, "[{\"direction\":\"INPUT\",\"position\":0,\"role\":\"user\",\"content\":\"refund?\"}]");
                    content.addBatch();
                    if (t % 2000 == 1999 || t == traceCount - 1) {
                        trace.executeBatch();
                        span.executeBatch();
                        content.executeBatch();
                        connection.commit();
                    }
                }
            }
            connection.commit();
        }
    }

    private static void addSpan(PreparedStatement span, long id, long traceId, String externalId, String parent,
                                String kind, long start, long took, boolean error, String model, int modelIndex,
                                Random random) throws SQLException {
        boolean llm = model != null;
        int prompt = random.nextInt(5);
        long in = 200 + random.nextInt(3000);
        long out = 20 + random.nextInt(400);
        span.setLong(1, id);
        span.setLong(2, traceId);
        span.setString(3, externalId);
        span.setString(4, parent);
        span.setString(5, kind);
        span.setString(6, llm ? "chat " + model : externalId);
        span.setLong(7, start);
        span.setLong(8, took);
        span.setString(9, error ? "ERROR" : "OK");
        span.setString(10, error ? "upstream timeout" : null);
        span.setString(11, llm ? PROVIDERS[modelIndex] : null);
        span.setString(12, llm ? model.substring(0, model.lastIndexOf('-')) : null);
        span.setString(13, model);
        // ~10 prompt versions: five templates in two versions each.
        span.setString(14, llm ? "prompt-" + (prompt + 5 * (random.nextInt(2))) : null);
        span.setString(15, llm ? Integer.toString(1 + random.nextInt(2)) : null);
        span.setObject(16, llm ? in : null);
        span.setObject(17, llm ? out : null);
        span.setObject(18, llm ? in + out : null);
        span.setBigDecimal(19, llm ? BigDecimal.valueOf((in * 2.5 + out * 10) / 1_000_000.0) : null);
        span.setString(20, llm ? "ESTIMATED" : null);
        span.addBatch();
    }

    static long nextId(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
