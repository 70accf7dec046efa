package dev.tracedesk.insights;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jooq.DSLContext;

/**
 * LLM calls written straight into trace and span, each remembered as a {@link Call}, so tests can
 * compute the expected figures themselves. One trace per call, named by its route, the trace
 * running 50 ms past its call.
 */
final class GeneratedCalls {

    record Call(long spanId, long startNs, long durationNs, String model, String provider, String prompt, String version,
                String route, boolean failed, long inputTokens, long outputTokens, BigDecimal cost, String costSource,
                long traceDurationNs) {

        long endNs() {
            return startNs + durationNs;
        }
    }

    static final long TRACE_TAIL_NS = 50_000_000L;

    private final DSLContext dsl;
    private final List<Call> calls = new ArrayList<>();
    private int next;

    GeneratedCalls(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Call> calls() {
        return calls;
    }

    Call add(long startNs, long durationNs, String model, String prompt, String version, String route, boolean failed,
             long inputTokens, long outputTokens, BigDecimal cost, String costSource) {
        int n = next++;
        String provider = model.startsWith("claude") ? "anthropic" : "openai";
        long traceId = dsl.insertInto(TRACE)
                .set(TRACE.EXTERNAL_TRACE_ID, "gen-" + n).set(TRACE.SOURCE_SYSTEM, "test").set(TRACE.NAME, route)
                .set(TRACE.START_NS, startNs).set(TRACE.END_NS, startNs + durationNs + TRACE_TAIL_NS)
                .set(TRACE.STATUS, failed ? "ERROR" : "OK")
                .returning(TRACE.ID).fetchOne().getId();
        long spanId = dsl.insertInto(SPAN)
                .set(SPAN.TRACE_ID, traceId).set(SPAN.EXTERNAL_SPAN_ID, "llm-" + n).set(SPAN.KIND, "LLM")
                .set(SPAN.NAME, "chat " + model).set(SPAN.START_NS, startNs).set(SPAN.DURATION_NS, durationNs)
                .set(SPAN.STATUS, failed ? "ERROR" : "OK").set(SPAN.PROVIDER, provider).set(SPAN.SERVED_MODEL, model)
                .set(SPAN.PROMPT_TEMPLATE_NAME, prompt).set(SPAN.PROMPT_TEMPLATE_VERSION, version)
                .set(SPAN.INPUT_TOKENS, inputTokens).set(SPAN.OUTPUT_TOKENS, outputTokens)
                .set(SPAN.COST_USD, cost).set(SPAN.COST_SOURCE, costSource)
                .returning(SPAN.ID).fetchOne().getId();
        Call call = new Call(spanId, startNs, durationNs, model, provider, prompt, version, route, failed, inputTokens,
                outputTokens, cost, costSource, durationNs + TRACE_TAIL_NS);
        calls.add(call);
        return call;
    }

    /** {@code count} calls from {@code startNs} on, one every {@code gapNs}, with varied everything. */
    void addMany(int count, long startNs, long gapNs, long seed) {
        Random random = new Random(seed);
        String[] models = {"gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet"};
        String[] routes = {"POST /answer", "POST /summarize"};
        for (int i = 0; i < count; i++) {
            String model = models[random.nextInt(models.length)];
            long duration = 100_000_000L + random.nextInt(2_900_000) * 1_000L;
            boolean reported = random.nextInt(3) > 0;
            BigDecimal cost = reported ? BigDecimal.valueOf(random.nextInt(5_000) + 1, 6) : BigDecimal.valueOf(random.nextInt(900) + 1, 7);
            add(startNs + i * gapNs, duration, model, "qa", Integer.toString(1 + random.nextInt(2)), routes[random.nextInt(2)],
                    random.nextInt(20) == 0, 100 + random.nextInt(2_000), 10 + random.nextInt(300), cost,
                    reported ? "REPORTED" : "ESTIMATED");
        }
    }

    /** The value at rank ⌈p·n⌉ of the sorted values. */
    static long nearestRank(List<Long> values, double fraction) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }
}
