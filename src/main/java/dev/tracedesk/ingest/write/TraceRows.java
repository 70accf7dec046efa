package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.TRACE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import dev.tracedesk.core.model.SpanStatus;

/**
 * Finds or creates the trace rows of a batch of spans and keeps each trace's summary (start,
 * end, status, name, session, user) true to its spans, however many files and batches those
 * arrive in. New traces are inserted with their summary; known ones merge the batch's facts in.
 */
final class TraceRows {

    private final long importId;

    TraceRows(long importId) {
        this.importId = importId;
    }

    /** The batch's traces: row id by external id, and which of them were in the workspace before. */
    record Resolved(Map<String, Long> ids, Map<String, Long> known) {
    }

    Resolved resolve(DSLContext tx, Map<String, TraceFacts> facts) {
        Map<String, Long> known = existing(tx, facts.keySet());
        Map<String, Long> ids = new HashMap<>(known);
        if (known.size() < facts.size()) {
            ids.putAll(insertNew(tx, facts, known));
        }
        mergeIntoKnown(tx, facts, known);
        return new Resolved(ids, known);
    }

    private static Map<String, Long> existing(DSLContext tx, Collection<String> externalIds) {
        Map<String, Long> ids = new HashMap<>();
        tx.select(TRACE.EXTERNAL_TRACE_ID, TRACE.ID).from(TRACE).where(TRACE.EXTERNAL_TRACE_ID.in(externalIds))
                .forEach(row -> ids.put(row.value1(), row.value2()));
        return ids;
    }

    private static final List<Field<?>> TRACE_COLUMNS = List.of(TRACE.EXTERNAL_TRACE_ID, TRACE.SOURCE_SYSTEM,
            TRACE.NAME, TRACE.SESSION_ID, TRACE.USER_ID, TRACE.START_NS, TRACE.END_NS, TRACE.STATUS, TRACE.IMPORT_ID);

    /**
     * A plain insert of what the select did not find: jOOQ's ON CONFLICT emulation on H2 is a
     * MERGE whose OR-condition scans the whole table for every row. A trace another import
     * created meanwhile fails the unique key, and the caller retries the batch.
     */
    private Map<String, Long> insertNew(DSLContext tx, Map<String, TraceFacts> facts, Map<String, Long> known) {
        List<String> externalIds = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (TraceFacts trace : facts.values()) {
            if (!known.containsKey(trace.externalTraceId)) {
                externalIds.add(trace.externalTraceId);
                rows.add(new Object[] {trace.externalTraceId, trace.sourceSystem == null ? "unknown" : trace.sourceSystem,
                        truncate(trace.name(), 1000), truncate(trace.sessionId, 500), truncate(trace.userId, 500),
                        trace.startNs, trace.endNs, trace.status.name(), importId});
            }
        }
        long[] ids;
        try {
            ids = JdbcBatch.insertReturningIds(tx, TRACE, TRACE_COLUMNS, rows);
        } catch (IntegrityConstraintViolationException raceWithAnotherImport) {
            throw new SpanBatchWriter.ConcurrentImportConflict(raceWithAnotherImport);
        }
        Map<String, Long> created = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            created.put(externalIds.get(i), ids[i]);
        }
        return created;
    }

    /** One batched update for the traces that were there before: earlier start, later end, worse status, missing facts. */
    private static void mergeIntoKnown(DSLContext tx, Map<String, TraceFacts> facts, Map<String, Long> known) {
        if (known.isEmpty()) {
            return;
        }
        Param<Long> start = DSL.param("start", SQLDataType.BIGINT);
        Param<Long> end = DSL.param("end", SQLDataType.BIGINT);
        Param<String> status = DSL.param("status", SQLDataType.VARCHAR);
        Param<String> name = DSL.param("name", SQLDataType.VARCHAR);
        Param<String> session = DSL.param("session", SQLDataType.VARCHAR);
        Param<String> user = DSL.param("user", SQLDataType.VARCHAR);
        Param<Long> id = DSL.param("id", SQLDataType.BIGINT);
        Field<String> error = DSL.inline(SpanStatus.ERROR.name());
        Field<String> ok = DSL.inline(SpanStatus.OK.name());
        var update = tx.update(TRACE)
                .set(TRACE.START_NS, DSL.when(TRACE.START_NS.isNull().or(TRACE.START_NS.gt(start)), start)
                        .otherwise(TRACE.START_NS))
                .set(TRACE.END_NS, DSL.when(TRACE.END_NS.isNull().or(TRACE.END_NS.lt(end)), end).otherwise(TRACE.END_NS))
                .set(TRACE.STATUS, DSL.when(TRACE.STATUS.eq(error).or(status.eq(error)), error)
                        .when(TRACE.STATUS.eq(ok).or(status.eq(ok)), ok)
                        .otherwise(DSL.inline(SpanStatus.UNSET.name())))
                .set(TRACE.NAME, DSL.coalesce(TRACE.NAME, name))
                .set(TRACE.SESSION_ID, DSL.coalesce(TRACE.SESSION_ID, session))
                .set(TRACE.USER_ID, DSL.coalesce(TRACE.USER_ID, user))
                .where(TRACE.ID.eq(id));
        var batch = tx.batch(update);
        for (Map.Entry<String, Long> entry : known.entrySet()) {
            TraceFacts trace = facts.get(entry.getKey());
            Map<String, Object> values = new HashMap<>();
            values.put(start.getParamName(), trace.startNs);
            values.put(end.getParamName(), trace.endNs);
            values.put(status.getParamName(), trace.status.name());
            values.put(name.getParamName(), truncate(trace.name(), 1000));
            values.put(session.getParamName(), truncate(trace.sessionId, 500));
            values.put(user.getParamName(), truncate(trace.userId, 500));
            values.put(id.getParamName(), entry.getValue());
            // by name: each parameter appears more than once in the statement
            batch = batch.bind(values);
        }
        batch.execute();
    }

    private static String truncate(String text, int max) {
        return SpanBatchWriter.truncate(text, max);
    }
}
