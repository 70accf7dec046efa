package dev.tracedesk.store.calls;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.math.BigDecimal;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.CostSource;
import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.store.SettingMark;

/**
 * Keeps {@code llm_call} — the narrow, derived row per LLM call the Insights dashboard and the
 * budget rules read (migration V9, decision 0021) — up to date with the spans. Everything above the
 * watermark is new: its calls are copied in, the calls of traces it touched get their trace's
 * duration and name again, and the load sweep recounts the calls in flight around the new ones.
 * Safe to call at any time and from several processes; it does nothing when nothing is new.
 */
public final class LlmCallFacts {

    static final String WATERMARK_KEY = "llm_call.span_watermark";
    /** Spans copied per statement, so a first build over millions of spans stays in small transactions. */
    private static final long CHUNK = 100_000;
    /** How far below the mark each refresh looks for spans another writer committed late. */
    private static final long LOOKBACK_IDS = 20_000;

    private final DSLContext dsl;
    private final SettingMark watermark;

    public LlmCallFacts(DSLContext dsl) {
        this.dsl = dsl;
        this.watermark = new SettingMark(dsl, WATERMARK_KEY);
    }

    /** Brings the table up to the newest span; returns how many calls were added. */
    public long refresh() {
        long mark = watermark.read();
        Long newest = dsl.select(DSL.max(SPAN.ID)).from(SPAN).fetchOne(0, Long.class);
        if (newest == null) {
            return 0;
        }
        // Two imports at once draw ids from one sequence: the one holding the higher ids can commit
        // and move the mark first, and the other's spans appear below it later. Looking back a
        // window of ids (more than the batches a writer holds uncommitted) finds them; NOT EXISTS
        // keeps the copy idempotent.
        long after = Math.max(0, mark - LOOKBACK_IDS);
        long added = 0;
        for (long from = after; from < newest; from += CHUNK) {
            added += copyMissingCalls(from, Math.min(newest, from + CHUNK));
        }
        if (added > 0 || newest > mark) {
            // Calls copied now have no load count yet: that is how the steps below know them.
            Condition fresh = LLM_CALL.SPAN_ID.gt(after).and(LLM_CALL.IN_FLIGHT.isNull());
            // Traces joined by spans above the mark only: the look-back window is for calls missed,
            // and walking its traces every time would touch thousands of old calls for nothing.
            List<Long> joined = tracesJoinedByNewSpans(mark, newest, fresh);
            refreshTraces(joined);
            Record2<Long, Long> changed = rollupWindow(fresh, joined);
            new CallLoadSweep(dsl).recountAround(fresh);
            if (changed != null && changed.value1() != null) {
                new LlmCallRollups(dsl).rebuild(changed.value1(), changed.value2());
            }
        }
        watermark.advanceTo(newest);
        return added;
    }

    /**
     * Rebuilds the cost and count sums of every hour, for when costs changed in place (a price edit
     * re-estimating them). The latency histograms stay: no duration moved.
     */
    public void rebuildCostRollups() {
        Record2<Long, Long> span = dsl.select(DSL.min(LLM_CALL.START_NS), DSL.max(LLM_CALL.START_NS)).from(LLM_CALL).fetchOne();
        if (span != null && span.value1() != null) {
            new LlmCallRollups(dsl).rebuildSums(span.value1(), span.value2());
        }
    }

    /**
     * The span of time whose rollups the new spans change: the new calls, the older calls of the
     * traces they joined, and every call whose load the new calls change (it starts while a new
     * call runs, so before the last new call ends). Read before the sweep, which marks the new calls.
     */
    private Record2<Long, Long> rollupWindow(Condition freshCalls, List<Long> joinedTraces) {
        Field<Long> end = LLM_CALL.START_NS.plus(DSL.coalesce(LLM_CALL.DURATION_NS, 0L));
        Record2<Long, Long> fresh = dsl.select(DSL.min(LLM_CALL.START_NS), DSL.max(end)).from(LLM_CALL).where(freshCalls).fetchOne();
        if (joinedTraces.isEmpty()) {
            return fresh;
        }
        Record2<Long, Long> older = dsl.select(DSL.min(LLM_CALL.START_NS), DSL.max(end)).from(LLM_CALL)
                .where(LLM_CALL.TRACE_ID.in(joinedTraces)).fetchOne();
        if (fresh == null || fresh.value1() == null) {
            return older;
        }
        fresh.value1(Math.min(fresh.value1(), older.value1()));
        fresh.value2(Math.max(fresh.value2(), older.value2()));
        return fresh;
    }

    /**
     * Copies the LLM calls with ids in (afterId, upToId] that are not here yet. The ids on each side
     * are read by primary-key range and compared here, which H2 does in milliseconds where an
     * INSERT … WHERE NOT EXISTS over the same range took it seconds.
     */
    private long copyMissingCalls(long afterId, long upToId) {
        java.util.Set<Long> present = new java.util.HashSet<>(dsl.select(LLM_CALL.SPAN_ID).from(LLM_CALL)
                .where(LLM_CALL.SPAN_ID.gt(afterId)).and(LLM_CALL.SPAN_ID.le(upToId)).fetch(LLM_CALL.SPAN_ID));
        // Only the id range in SQL: given the kind too, H2 walks the (kind, start) index instead, every LLM span.
        List<Long> missing = dsl.select(SPAN.ID, SPAN.KIND, SPAN.START_NS).from(SPAN)
                .where(SPAN.ID.gt(afterId)).and(SPAN.ID.le(upToId))
                .fetch().stream()
                .filter(row -> SpanKind.LLM.name().equals(row.value2()) && row.value3() != null && !present.contains(row.value1()))
                .map(row -> row.value1()).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        if (missing.size() == upToId - afterId || present.isEmpty()) {
            return copyCalls(SPAN.ID.gt(afterId).and(SPAN.ID.le(upToId)));
        }
        long copied = 0;
        for (int from = 0; from < missing.size(); from += 1_000) {
            copied += copyCalls(SPAN.ID.in(missing.subList(from, Math.min(missing.size(), from + 1_000))));
        }
        return copied;
    }

    private long copyCalls(Condition spans) {
        Field<Boolean> failed = DSL.field(SPAN.STATUS.eq(SpanStatus.ERROR.name()).or(SPAN.ERROR_MESSAGE.isNotNull()));
        Field<BigDecimal> reported = DSL.when(SPAN.COST_SOURCE.eq(CostSource.ESTIMATED.name()), DSL.inline(null, BigDecimal.class))
                .otherwise(SPAN.COST_USD);
        Field<BigDecimal> estimated = DSL.when(SPAN.COST_SOURCE.eq(CostSource.ESTIMATED.name()), SPAN.COST_USD)
                .otherwise(DSL.inline(null, BigDecimal.class));
        try {
            return dsl.insertInto(LLM_CALL, LLM_CALL.SPAN_ID, LLM_CALL.TRACE_ID, LLM_CALL.START_NS, LLM_CALL.DURATION_NS,
                            LLM_CALL.TRACE_DURATION_NS, LLM_CALL.PROVIDER, LLM_CALL.MODEL, LLM_CALL.PROMPT_TEMPLATE_NAME,
                            LLM_CALL.PROMPT_TEMPLATE_VERSION, LLM_CALL.ROUTE, LLM_CALL.FAILED, LLM_CALL.INPUT_TOKENS,
                            LLM_CALL.OUTPUT_TOKENS, LLM_CALL.COST_REPORTED_USD, LLM_CALL.COST_ESTIMATED_USD,
                            LLM_CALL.TIME_TO_FIRST_TOKEN_NS)
                    .select(DSL.select(SPAN.ID, SPAN.TRACE_ID, SPAN.START_NS, SPAN.DURATION_NS,
                                    TRACE.END_NS.minus(TRACE.START_NS), SPAN.PROVIDER,
                                    DSL.coalesce(SPAN.SERVED_MODEL, SPAN.REQUESTED_MODEL), SPAN.PROMPT_TEMPLATE_NAME,
                                    SPAN.PROMPT_TEMPLATE_VERSION, DSL.coalesce(TRACE.NAME, SPAN.NAME), failed,
                                    SPAN.INPUT_TOKENS, SPAN.OUTPUT_TOKENS, reported, estimated, SPAN.TIME_TO_FIRST_TOKEN_NS)
                            .from(SPAN).join(TRACE).on(TRACE.ID.eq(SPAN.TRACE_ID))
                            .where(spans)
                            .and(SPAN.KIND.eq(SpanKind.LLM.name())).and(SPAN.START_NS.isNotNull())
                            .andNotExists(DSL.selectOne().from(LLM_CALL).where(LLM_CALL.SPAN_ID.eq(SPAN.ID))))
                    .execute();
        } catch (DataAccessException raced) {
            // Another process copied the same calls between our NOT EXISTS and our insert: theirs stand.
            return 0;
        }
    }

    /**
     * The traces that already had calls here and gained spans now: a later file can add spans to a
     * trace, which moves its duration and may name it. Usually none; found through the trace index
     * rather than by scanning every call.
     */
    private List<Long> tracesJoinedByNewSpans(long afterId, long upToId, Condition freshCalls) {
        List<Long> touched = dsl.selectDistinct(SPAN.TRACE_ID).from(SPAN).where(SPAN.ID.gt(afterId)).and(SPAN.ID.le(upToId))
                .fetch(SPAN.TRACE_ID);
        List<Long> joined = new java.util.ArrayList<>();
        for (int from = 0; from < touched.size(); from += 1_000) {
            joined.addAll(dsl.selectDistinct(LLM_CALL.TRACE_ID).from(LLM_CALL)
                    .where(LLM_CALL.TRACE_ID.in(touched.subList(from, Math.min(touched.size(), from + 1_000))))
                    .and(DSL.not(freshCalls))
                    .fetch(LLM_CALL.TRACE_ID));
        }
        return joined;
    }

    private void refreshTraces(List<Long> traceIds) {
        var trace = TRACE.as("t");
        for (int from = 0; from < traceIds.size(); from += 1_000) {
            List<Long> some = traceIds.subList(from, Math.min(traceIds.size(), from + 1_000));
            dsl.update(LLM_CALL)
                    .set(LLM_CALL.TRACE_DURATION_NS, DSL.select(trace.END_NS.minus(trace.START_NS)).from(trace)
                            .where(trace.ID.eq(LLM_CALL.TRACE_ID)))
                    .set(LLM_CALL.ROUTE, DSL.coalesce(DSL.field(DSL.select(trace.NAME).from(trace)
                            .where(trace.ID.eq(LLM_CALL.TRACE_ID))), LLM_CALL.ROUTE))
                    .where(LLM_CALL.TRACE_ID.in(some))
                    .execute();
        }
    }
}
