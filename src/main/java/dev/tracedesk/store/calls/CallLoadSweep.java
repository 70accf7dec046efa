package dev.tracedesk.store.calls;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Counts, for each LLM call, the other LLM calls in flight when it started: those that started at
 * or before its start and had not ended by then ({@code llm_call.in_flight}). Calls that start at
 * the same instant count each other.
 *
 * <p>New calls change the count of every call that starts while one of them runs, so the sweep
 * recounts the calls starting between the new calls' first start and last end; to know what was
 * already running at that first start it reads back from there by the longest duration stored.
 * One pass in start order with a heap of end times: O(n log n) over the window, at import time,
 * so the dashboard only groups a stored number.
 */
final class CallLoadSweep {

    private static final int BATCH = 5_000;

    private final DSLContext dsl;

    CallLoadSweep(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Recounts around the calls {@code newCalls} selects. */
    void recountAround(Condition newCalls) {
        Record2<Long, Long> window = dsl.select(DSL.min(LLM_CALL.START_NS),
                        DSL.max(LLM_CALL.START_NS.plus(DSL.coalesce(LLM_CALL.DURATION_NS, 0L))))
                .from(LLM_CALL).where(newCalls).fetchOne();
        if (window == null || window.value1() == null) {
            return;
        }
        Long longest = dsl.select(DSL.max(LLM_CALL.DURATION_NS)).from(LLM_CALL).fetchOne(0, Long.class);
        recount(window.value1(), window.value2(), longest == null ? 0 : longest);
    }

    private void recount(long firstStart, long lastEnd, long longest) {
        long readFrom = firstStart - Math.max(0, longest);
        PriorityQueue<Long> runningEnds = new PriorityQueue<>();
        dsl.connection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE llm_call SET in_flight = ? WHERE span_id = ? AND (in_flight IS NULL OR in_flight <> ?)")) {
                int pending = 0;
                // Calls sharing a start are taken together, so each counts the others.
                long groupStart = Long.MIN_VALUE;
                List<long[]> group = new ArrayList<>();
                try (var cursor = dsl.select(LLM_CALL.SPAN_ID, LLM_CALL.START_NS, LLM_CALL.DURATION_NS).from(LLM_CALL)
                        .where(LLM_CALL.START_NS.between(readFrom, lastEnd))
                        .orderBy(LLM_CALL.START_NS).fetchSize(2_000).fetchLazy()) {
                    for (var row : cursor) {
                        long start = row.value2();
                        if (start != groupStart) {
                            pending += settle(group, groupStart, runningEnds, firstStart, update);
                            groupStart = start;
                        }
                        long duration = row.value3() == null ? 0 : Math.max(0, row.value3());
                        group.add(new long[] {row.value1(), start + duration});
                        if (pending >= BATCH) {
                            update.executeBatch();
                            pending = 0;
                        }
                    }
                }
                settle(group, groupStart, runningEnds, firstStart, update);
                update.executeBatch();
            }
        });
    }

    /** Counts the calls of one start instant, queues their updates when they lie in the recounted window. */
    private static int settle(List<long[]> group, long start, PriorityQueue<Long> runningEnds,
                              long firstStart, PreparedStatement update) throws SQLException {
        if (group.isEmpty()) {
            return 0;
        }
        while (!runningEnds.isEmpty() && runningEnds.peek() <= start) {
            runningEnds.poll();
        }
        int inFlight = runningEnds.size() + group.size() - 1;
        int queued = 0;
        for (long[] call : group) {
            if (start >= firstStart) {
                update.setInt(1, inFlight);
                update.setLong(2, call[0]);
                update.setInt(3, inFlight);
                update.addBatch();
                queued++;
            }
            if (call[1] > start) {
                runningEnds.add(call[1]);
            }
        }
        group.clear();
        return queued;
    }
}
