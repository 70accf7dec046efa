package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import dev.tracedesk.store.Workspace;

/**
 * LLM calls with known figures, written with plain JDBC (one trace each: a CHAIN root named after
 * the route and the LLM span), for tests that recompute every figure from {@link #calls()} on
 * their own. Calls come in bursts an hour apart over three days; the i-th call of a burst starts
 * i ms after the first, so exactly i others are in flight, and it is planted slower the more are:
 * 200 ms + 200 ms per call in flight (+ up to 40 ms jitter; mistral degrades twice as fast).
 * Besides: every 7th call fails (every 11th only by its error message), costs rotate through
 * reported / estimated / none, one call has no duration, one pair starts at the same instant, and
 * one LLM span has no start (so it is no call at all).
 */
public final class PlantedCalls {

    public static final long START_NS = epochNanos(Instant.parse("2026-01-05T00:00:00Z"));
    public static final long HOUR_NS = 3_600_000_000_000L;
    public static final long MS = 1_000_000L;
    static final String[] MODELS = {"gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022", "mistral-large-2411"};
    static final String[] PROVIDERS = {"openai", "anthropic", "mistral"};
    static final String[][] PROMPTS = {{"answer", "1"}, {"answer", "2"}, {"summarize", "1"}, {null, null}, {null, "3"}};
    static final String[] ROUTES = {"chat", "search", "summarize"};

    /** One generated call, as written; {@code end = start + duration} (duration null = unknown). */
    public record Call(long traceId, long spanId, String model, String provider, String promptName, String promptVersion,
                       String route, long startNs, Long durationNs, boolean errorStatus, String errorMessage,
                       long inputTokens, long outputTokens, BigDecimal cost, String costSource, Long ttftNs,
                       long traceStartNs, long traceEndNs) {

        public boolean failed() {
            return errorStatus || errorMessage != null;
        }

        public long endNs() {
            return startNs + (durationNs == null ? 0 : durationNs);
        }

        public BigDecimal reported() {
            return "REPORTED".equals(costSource) ? cost : null;
        }

        public BigDecimal estimated() {
            return "ESTIMATED".equals(costSource) ? cost : null;
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private long spanWithoutStartId;

    private PlantedCalls() {
    }

    public List<Call> calls() {
        return calls;
    }

    /** 72 bursts of 1–4 calls, an hour apart, plus the odd cases. */
    public static PlantedCalls generate() {
        PlantedCalls generated = new PlantedCalls();
        Random random = new Random(8);
        int n = 0;
        for (int burst = 0; burst < 72; burst++) {
            long burstStart = START_NS + burst * HOUR_NS + 5 * 60_000 * MS;
            int size = 1 + burst % 4;
            for (int i = 0; i < size; i++) {
                int model = (burst + i) % MODELS.length;
                long perLoad = model == 2 ? 400 * MS : 200 * MS;
                long duration = 200 * MS + i * perLoad + random.nextInt(40) * MS + random.nextInt(1000);
                generated.add(n++, model, burstStart + i * MS, duration, random);
            }
        }
        // two calls at the same instant count each other; a call with no duration; alone in their hours
        long tie = START_NS + 72 * HOUR_NS;
        generated.add(n++, 0, tie, 250 * MS, random);
        generated.add(n++, 1, tie, 260 * MS, random);
        generated.add(n++, 2, tie + HOUR_NS, null, random);
        generated.spanWithoutStartId = 2_000_000L + 2L * n + 1;
        return generated;
    }

    private void add(int n, int model, long start, Long duration, Random random) {
        String[] prompt = PROMPTS[n % PROMPTS.length];
        String costSource = switch (n % 3) {
            case 0 -> "REPORTED";
            case 1 -> "ESTIMATED";
            default -> null;
        };
        BigDecimal cost = costSource == null ? null : BigDecimal.valueOf(100 + random.nextInt(9000), 6);
        long traceStart = start - 5 * MS;
        long traceEnd = start + (duration == null ? 0 : duration) + 15 * MS + n;
        calls.add(new Call(1_000_000L + n, 2_000_000L + 2L * n + 1, MODELS[model], PROVIDERS[model], prompt[0], prompt[1],
                ROUTES[n % ROUTES.length], start, duration, n % 7 == 0, n % 11 == 0 ? "rate limited" : null,
                300 + random.nextInt(2000), 20 + random.nextInt(600), cost, costSource,
                model == 1 ? (Long) (50 * MS + random.nextInt(100) * MS) : null, traceStart, traceEnd));
    }

    /**
     * The same calls, those {@code which} accepts with trace and span ids moved up by {@code offset}: as if
     * they came in a later import (ids only grow), while their times interleave with the others'.
     */
    public PlantedCalls renumbered(Predicate<Call> which, long offset) {
        PlantedCalls copy = new PlantedCalls();
        for (Call call : calls) {
            copy.calls.add(!which.test(call) ? call : new Call(call.traceId() + offset, call.spanId() + offset, call.model(),
                    call.provider(), call.promptName(), call.promptVersion(), call.route(), call.startNs(), call.durationNs(),
                    call.errorStatus(), call.errorMessage(), call.inputTokens(), call.outputTokens(), call.cost(),
                    call.costSource(), call.ttftNs(), call.traceStartNs(), call.traceEndNs()));
        }
        Call last = copy.calls.get(copy.calls.size() - 1);
        copy.spanWithoutStartId = last.spanId() + 1_000;
        return copy;
    }

    /** Writes the traces and spans; the caller refreshes {@code llm_call}. */
    public void insert(Workspace workspace) throws SQLException {
        try (Connection connection = workspace.dataSource().getConnection()) {
            insert(connection);
        }
    }

    /** For seeds that are handed a {@code DSLContext}: {@code dsl.connection(generated::insert)}. */
    public void insert(Connection connection) throws SQLException {
        insert(connection, call -> true);
    }

    /** Only the calls {@code which} accepts (as if they came in another file); the start-less span goes with the last call. */
    public void insert(Connection connection, Predicate<Call> which) throws SQLException {
        try (PreparedStatement trace = connection.prepareStatement("INSERT INTO trace (id, external_trace_id, source_system,"
                     + " name, start_ns, end_ns, status) VALUES (?, ?, 'test', ?, ?, ?, ?)");
             PreparedStatement span = connection.prepareStatement("INSERT INTO span (id, trace_id, external_span_id,"
                     + " parent_external_span_id, kind, name, start_ns, duration_ns, status, error_message, provider,"
                     + " served_model, prompt_template_name, prompt_template_version, input_tokens, output_tokens,"
                     + " cost_usd, cost_source, time_to_first_token_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (Call call : calls) {
                if (!which.test(call)) {
                    continue;
                }
                trace.setLong(1, call.traceId());
                trace.setString(2, "gen-" + call.traceId());
                trace.setString(3, call.route());
                trace.setLong(4, call.traceStartNs());
                trace.setLong(5, call.traceEndNs());
                trace.setString(6, call.failed() ? "ERROR" : "OK");
                trace.addBatch();
                root(span, call);
                span.setLong(1, call.spanId());
                span.setLong(2, call.traceId());
                span.setString(3, "llm");
                span.setString(4, "root");
                span.setString(5, "LLM");
                span.setString(6, "chat " + call.model());
                span.setLong(7, call.startNs());
                setLong(span, 8, call.durationNs());
                span.setString(9, call.errorStatus() ? "ERROR" : "OK");
                span.setString(10, call.errorMessage());
                span.setString(11, call.provider());
                span.setString(12, call.model());
                span.setString(13, call.promptName());
                span.setString(14, call.promptVersion());
                span.setLong(15, call.inputTokens());
                span.setLong(16, call.outputTokens());
                span.setBigDecimal(17, call.cost());
                span.setString(18, call.costSource());
                setLong(span, 19, call.ttftNs());
                span.addBatch();
            }
            trace.executeBatch();
            span.executeBatch();
            // an LLM span without a start: no call for Insights
            Call last = calls.get(calls.size() - 1);
            if (!which.test(last)) {
                connection.commit();
                return;
            }
            root(span, last);
            span.clearBatch();
            span.setLong(1, spanWithoutStartId);
            span.setString(3, "llm-no-start");
            span.setString(5, "LLM");
            span.setString(6, "chat without start");
            span.setNull(7, Types.BIGINT);
            span.setNull(8, Types.BIGINT);
            span.setString(12, last.model());
            span.setLong(15, 100);
            span.setLong(16, 10);
            span.setBigDecimal(17, new BigDecimal("0.5"));
            span.setString(18, "REPORTED");
            span.executeUpdate();
            connection.commit();
        }
    }

    private static void root(PreparedStatement span, Call call) throws SQLException {
        span.setLong(1, call.spanId() - 1);
        span.setLong(2, call.traceId());
        span.setString(3, "root");
        span.setNull(4, Types.VARCHAR);
        span.setString(5, "CHAIN");
        span.setString(6, call.route());
        span.setLong(7, call.traceStartNs());
        span.setLong(8, call.traceEndNs() - call.traceStartNs());
        span.setString(9, "OK");
        for (int column = 10; column <= 14; column++) {
            span.setNull(column, Types.VARCHAR);
        }
        for (int column = 15; column <= 16; column++) {
            span.setNull(column, Types.BIGINT);
        }
        span.setNull(17, Types.DECIMAL);
        span.setNull(18, Types.VARCHAR);
        span.setNull(19, Types.BIGINT);
        span.addBatch();
    }

    private static void setLong(PreparedStatement statement, int column, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(column, Types.BIGINT);
        } else {
            statement.setLong(column, value);
        }
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
