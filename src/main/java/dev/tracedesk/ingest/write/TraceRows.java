package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.store.generated.tables.Span;

/**
 * Finds or creates the trace rows of a batch of spans, and keeps each trace's summary (start,
 * end, status, name) true to its spans, however many files and batches those arrive in.
 */
final class TraceRows {

    private final long importId;

    TraceRows(long importId) {
        this.importId = importId;
    }

    /** External trace id → trace row id, creating the traces not yet in the workspace. */
    Map<String, Long> resolve(DSLContext tx, List<CanonicalSpan> batch) {
        Map<String, CanonicalSpan> firstSpanOfTrace = new LinkedHashMap<>();
        for (CanonicalSpan span : batch) {
            firstSpanOfTrace.merge(span.traceId, span, (kept, next) -> kept.traceName == null && next.traceName != null ? next : kept);
        }
        Map<String, Long> ids = existing(tx, firstSpanOfTrace.keySet());
        Map<String, CanonicalSpan> alreadyThere = new LinkedHashMap<>(firstSpanOfTrace);
        alreadyThere.keySet().retainAll(ids.keySet());
        if (ids.size() < firstSpanOfTrace.size()) {
            var insert = tx.insertInto(TRACE, TRACE.EXTERNAL_TRACE_ID, TRACE.SOURCE_SYSTEM, TRACE.NAME,
                    TRACE.SESSION_ID, TRACE.USER_ID, TRACE.STATUS, TRACE.IMPORT_ID);
            for (CanonicalSpan span : firstSpanOfTrace.values()) {
                if (!ids.containsKey(span.traceId)) {
                    insert = insert.values(span.traceId, span.sourceSystem == null ? "unknown" : span.sourceSystem,
                            SpanBatchWriter.truncate(span.traceName, 1000), SpanBatchWriter.truncate(span.sessionId, 500),
                            SpanBatchWriter.truncate(span.userId, 500), SpanStatus.UNSET.name(), importId);
                }
            }
            // a plain insert of what the select above did not find: jOOQ's ON CONFLICT emulation on
            // H2 is a MERGE whose OR-condition scans the whole table for every row
            try {
                insert.execute();
            } catch (org.jooq.exception.IntegrityConstraintViolationException raceWithAnotherImport) {
                throw new SpanBatchWriter.ConcurrentImportConflict(raceWithAnotherImport);
            }
            ids = existing(tx, firstSpanOfTrace.keySet());
        }
        // new traces got their facts on insert; only those already there may lack some
        fillMissingTraceFacts(tx, alreadyThere, ids);
        return ids;
    }

    private static Map<String, Long> existing(DSLContext tx, Collection<String> externalIds) {
        Map<String, Long> ids = new HashMap<>();
        tx.select(TRACE.EXTERNAL_TRACE_ID, TRACE.ID).from(TRACE).where(TRACE.EXTERNAL_TRACE_ID.in(externalIds))
                .forEach(row -> ids.put(row.value1(), row.value2()));
        return ids;
    }

    /** A later file may know the name, session or user an earlier one did not. */
    private static void fillMissingTraceFacts(DSLContext tx, Map<String, CanonicalSpan> spans, Map<String, Long> ids) {
        for (CanonicalSpan span : spans.values()) {
            if (span.traceName == null && span.sessionId == null && span.userId == null) {
                continue;
            }
            tx.update(TRACE)
                    .set(TRACE.NAME, DSL.coalesce(TRACE.NAME, DSL.val(SpanBatchWriter.truncate(span.traceName, 1000))))
                    .set(TRACE.SESSION_ID, DSL.coalesce(TRACE.SESSION_ID, DSL.val(SpanBatchWriter.truncate(span.sessionId, 500))))
                    .set(TRACE.USER_ID, DSL.coalesce(TRACE.USER_ID, DSL.val(SpanBatchWriter.truncate(span.userId, 500))))
                    .where(TRACE.ID.eq(ids.get(span.traceId)))
                    .and(TRACE.NAME.isNull().or(TRACE.SESSION_ID.isNull()).or(TRACE.USER_ID.isNull()))
                    .execute();
        }
    }

    /** Start, end and status from the trace's spans; the name from its root span when it has none. */
    static void refreshAggregates(DSLContext tx, Collection<Long> traceIds) {
        if (traceIds.isEmpty()) {
            return;
        }
        Span s = SPAN.as("s");
        Span root = SPAN.as("r");
        tx.update(TRACE)
                .set(TRACE.START_NS, DSL.select(DSL.min(s.START_NS)).from(s).where(s.TRACE_ID.eq(TRACE.ID)))
                .set(TRACE.END_NS, DSL.select(DSL.max(s.START_NS.plus(DSL.coalesce(s.DURATION_NS, DSL.inline(0L)))))
                        .from(s).where(s.TRACE_ID.eq(TRACE.ID)))
                .set(TRACE.STATUS, DSL.when(DSL.exists(DSL.selectOne().from(s)
                                .where(s.TRACE_ID.eq(TRACE.ID)).and(s.STATUS.eq(SpanStatus.ERROR.name()))),
                        DSL.inline(SpanStatus.ERROR.name()))
                        .when(DSL.exists(DSL.selectOne().from(s)
                                .where(s.TRACE_ID.eq(TRACE.ID)).and(s.STATUS.eq(SpanStatus.OK.name()))),
                        DSL.inline(SpanStatus.OK.name()))
                        .otherwise(DSL.inline(SpanStatus.UNSET.name())))
                .set(TRACE.NAME, DSL.coalesce(TRACE.NAME, DSL.field(DSL.select(DSL.min(root.NAME)).from(root)
                        .where(root.TRACE_ID.eq(TRACE.ID)).and(root.PARENT_EXTERNAL_SPAN_ID.isNull()))))
                .where(TRACE.ID.in(traceIds))
                .execute();
    }
}
