package dev.tracedesk.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Random;

import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;
import dev.tracedesk.store.calls.LlmCallFacts;

/**
 * A week of a support bot's traffic for looking at the Insights section (the README's screenshot):
 * requests follow the day (quiet nights, busy afternoons), three models, two prompt versions, two
 * routes, and latency that grows with the calls in flight — the provider slows down under load,
 * claude more than gpt-4o-mini. Costs are reported for two thirds of the calls and estimated for
 * the rest. Written with plain JDBC; synthetic, and said so by its source system "demo".
 *
 * <pre>./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tracedesk.bench.InsightsDemoWorkspace \
 *     -Dexec.args="/tmp/insights-demo/ws"</pre>
 */
public final class InsightsDemoWorkspace {

    private static final long START = Instant.parse("2026-11-16T00:00:00Z").toEpochMilli() * 1_000_000L;
    private static final long MS = 1_000_000L;
    private static final String[] MODELS = {"gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18", "claude-3-5-sonnet-20241022"};
    private static final String[] PROVIDERS = {"openai", "openai", "anthropic"};
    private static final double[] BASE_MS = {900, 450, 1_300};
    private static final double[] PER_CALL_IN_FLIGHT_MS = {120, 40, 260};
    private static final double[][] PRICE_PER_MTOK = {{2.50, 10.00}, {0.15, 0.60}, {3.00, 15.00}};

    private InsightsDemoWorkspace() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args.length > 0 ? args[0] : "/tmp/insights-demo/ws");
        try (Workspace workspace = Workspace.open(WorkspaceLocation.h2(path))) {
            int calls = fill(workspace, new Random(2026));
            long t0 = System.nanoTime();
            new LlmCallFacts(workspace.dsl()).refresh();
            System.out.printf("%,d calls written; Insights rows in %.1f s%n", calls, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static int fill(Workspace workspace, Random random) throws Exception {
        int written = 0;
        // Ends of the calls still running, per arrival, to make latency depend on the load.
        java.util.PriorityQueue<Long> running = new java.util.PriorityQueue<>();
        try (Connection connection = workspace.dataSource().getConnection();
             PreparedStatement trace = connection.prepareStatement("INSERT INTO trace (external_trace_id, source_system, name, "
                     + "start_ns, end_ns, status) VALUES (?, 'demo', ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement span = connection.prepareStatement("INSERT INTO span (trace_id, external_span_id, kind, name, "
                     + "start_ns, duration_ns, status, error_message, provider, requested_model, served_model, "
                     + "prompt_template_name, prompt_template_version, input_tokens, output_tokens, total_tokens, cost_usd, "
                     + "cost_source, time_to_first_token_ns) VALUES (?, 'llm', 'LLM', ?, ?, ?, ?, ?, ?, ?, ?, 'support-answer', ?, "
                     + "?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            long now = START;
            long end = START + 7 * 24 * 3_600_000 * MS;
            while (now < end) {
                double hourOfDay = ((now - START) / (3_600_000.0 * MS)) % 24;
                // Calls per minute: 2 at night, about 40 at the afternoon peak.
                double perMinute = 2 + 38 * Math.max(0, Math.sin(Math.PI * (hourOfDay - 6) / 16));
                now += (long) (-Math.log(1 - random.nextDouble()) * 60_000 / perMinute * MS);
                while (!running.isEmpty() && running.peek() <= now) {
                    running.poll();
                }
                int model = random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 6 ? 1 : 2;
                int inFlight = running.size();
                long duration = (long) ((BASE_MS[model] + PER_CALL_IN_FLIGHT_MS[model] * inFlight)
                        * Math.exp(random.nextGaussian() * 0.25) * MS);
                running.add(now + duration);
                boolean failed = random.nextInt(1000) < 8 + 6 * inFlight;
                String version = now - START < 4 * 24 * 3_600_000 * MS ? "3" : "4";
                long input = 600 + random.nextInt(1_800) + ("4".equals(version) ? 700 : 0);
                long output = failed ? 0 : 60 + random.nextInt(400);
                BigDecimal cost = BigDecimal.valueOf((input * PRICE_PER_MTOK[model][0] + output * PRICE_PER_MTOK[model][1]) / 1e6)
                        .setScale(10, RoundingMode.HALF_UP);
                boolean reported = random.nextInt(3) > 0;
                String route = random.nextInt(4) == 0 ? "POST /summarize" : "POST /answer";
                trace.setString(1, "demo-" + written);
                trace.setString(2, route);
                trace.setLong(3, now - 40 * MS);
                trace.setLong(4, now + duration + 60 * MS);
                trace.setString(5, failed ? "ERROR" : "OK");
                trace.executeUpdate();
                try (ResultSet keys = trace.getGeneratedKeys()) {
                    keys.next();
                    span.setLong(1, keys.getLong(1));
                }
                span.setString(2, "chat " + MODELS[model]);
                span.setLong(3, now);
                span.setLong(4, duration);
                span.setString(5, failed ? "ERROR" : "OK");
                span.setString(6, failed ? "429 Too Many Requests" : null);
                span.setString(7, PROVIDERS[model]);
                span.setString(8, MODELS[model].replaceAll("-20\\d\\d.*", ""));
                span.setString(9, MODELS[model]);
                span.setString(10, version);
                span.setLong(11, input);
                span.setLong(12, output);
                span.setLong(13, input + output);
                span.setBigDecimal(14, cost);
                span.setString(15, reported ? "REPORTED" : "ESTIMATED");
                if (model == 2) {
                    span.setLong(16, (long) (duration * 0.3));
                } else {
                    span.setNull(16, Types.BIGINT);
                }
                span.executeUpdate();
                if (++written % 2_000 == 0) {
                    connection.commit();
                }
            }
            connection.commit();
        }
        return written;
    }
}
