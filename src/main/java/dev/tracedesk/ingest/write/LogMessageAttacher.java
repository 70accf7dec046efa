package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.PENDING_LOG_MESSAGE;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record;

import dev.tracedesk.store.content.ContentJson;
import dev.tracedesk.store.content.StoredMessage;

/**
 * Copies GenAI log-event messages onto their spans once both are in the workspace, whichever
 * file came first. A span's own message attributes take precedence: a direction it already has
 * messages for gets none from the logs. Each pending message is marked with the span it was
 * matched to, so later imports look only at those still waiting.
 */
final class LogMessageAttacher {

    private static final int SPANS_PER_ROUND = 500;

    private LogMessageAttacher() {
    }

    /** Returns how many messages were added to spans. */
    static int attach(DSLContext tx) {
        int attached = 0;
        while (true) {
            Map<Long, List<Record>> waitingBySpan = nextSpansWithWaitingMessages(tx);
            if (waitingBySpan.isEmpty()) {
                return attached;
            }
            for (Map.Entry<Long, List<Record>> entry : waitingBySpan.entrySet()) {
                attached += attachTo(tx, entry.getKey(), entry.getValue());
            }
        }
    }

    /** Up to {@link #SPANS_PER_ROUND} spans and their waiting messages, in time order. */
    private static Map<Long, List<Record>> nextSpansWithWaitingMessages(DSLContext tx) {
        var p = PENDING_LOG_MESSAGE;
        List<Long> spanIds = tx.selectDistinct(SPAN.ID)
                .from(p)
                .join(TRACE).on(TRACE.EXTERNAL_TRACE_ID.eq(p.EXTERNAL_TRACE_ID))
                .join(SPAN).on(SPAN.TRACE_ID.eq(TRACE.ID).and(SPAN.EXTERNAL_SPAN_ID.eq(p.EXTERNAL_SPAN_ID)))
                .where(p.MATCHED_SPAN_ID.isNull())
                .orderBy(SPAN.ID)
                .limit(SPANS_PER_ROUND)
                .fetch(SPAN.ID);
        Map<Long, List<Record>> bySpan = new LinkedHashMap<>();
        if (spanIds.isEmpty()) {
            return bySpan;
        }
        tx.select(SPAN.ID, p.ID, p.DIRECTION, p.ROLE, p.NAME, p.CONTENT, p.TOOL_CALLS_JSON, p.TOOL_CALL_ID, p.FINISH_REASON)
                .from(p)
                .join(TRACE).on(TRACE.EXTERNAL_TRACE_ID.eq(p.EXTERNAL_TRACE_ID))
                .join(SPAN).on(SPAN.TRACE_ID.eq(TRACE.ID).and(SPAN.EXTERNAL_SPAN_ID.eq(p.EXTERNAL_SPAN_ID)))
                .where(p.MATCHED_SPAN_ID.isNull()).and(SPAN.ID.in(spanIds))
                .orderBy(SPAN.ID, p.TIME_NS, p.ID)
                .forEach(row -> bySpan.computeIfAbsent(row.get(SPAN.ID), id -> new ArrayList<>()).add(row));
        return bySpan;
    }

    private static int attachTo(DSLContext tx, long spanId, List<Record> waiting) {
        var p = PENDING_LOG_MESSAGE;
        var content = tx.select(SPAN_CONTENT.MESSAGES_JSON).from(SPAN_CONTENT).where(SPAN_CONTENT.SPAN_ID.eq(spanId)).fetchOne();
        List<StoredMessage> messages = new ArrayList<>(content == null ? List.of() : ContentJson.parseMessages(content.value1()));
        Set<String> ownDirections = new HashSet<>();
        messages.forEach(message -> ownDirections.add(message.direction()));
        Map<String, Integer> nextPosition = new HashMap<>();
        int added = 0;
        for (Record row : waiting) {
            String direction = row.get(p.DIRECTION);
            if (ownDirections.contains(direction)) {
                continue;
            }
            int position = nextPosition.merge(direction, 1, Integer::sum) - 1;
            messages.add(new StoredMessage(direction, position, row.get(p.ROLE), row.get(p.NAME), row.get(p.CONTENT),
                    row.get(p.TOOL_CALLS_JSON), row.get(p.TOOL_CALL_ID), row.get(p.FINISH_REASON)));
            added++;
        }
        if (added > 0) {
            String json = ContentJson.messages(messages);
            if (content == null) {
                tx.insertInto(SPAN_CONTENT, SPAN_CONTENT.SPAN_ID, SPAN_CONTENT.MESSAGES_JSON).values(spanId, json).execute();
            } else {
                tx.update(SPAN_CONTENT).set(SPAN_CONTENT.MESSAGES_JSON, json).where(SPAN_CONTENT.SPAN_ID.eq(spanId)).execute();
            }
        }
        tx.update(p).set(p.MATCHED_SPAN_ID, spanId).where(p.ID.in(waiting.stream().map(row -> row.get(p.ID)).toList())).execute();
        return added;
    }
}
