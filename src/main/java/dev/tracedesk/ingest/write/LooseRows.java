package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.CHECK_RESULT;
import static dev.tracedesk.store.generated.Tables.PENDING_LOG_MESSAGE;
import static dev.tracedesk.store.generated.Tables.REJECTED_RECORD;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CaseKeys;
import dev.tracedesk.ingest.model.CheckTarget;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.store.generated.tables.records.RejectedRecordRecord;

/** Records that stand apart from a span batch: rejections, log-event messages, free-standing checks. */
final class LooseRows {

    private final long importId;

    LooseRows(long importId) {
        this.importId = importId;
    }

    void insertRejections(DSLContext tx, List<Rejection> rejections) {
        SpanChildRows.batchInsert(tx, rejections.stream().map(rejection -> new RejectedRecordRecord(null, importId,
                SpanBatchWriter.truncate(rejection.locator(), 1000), rejection.lineNumber(),
                rejection.rawText() == null ? "" : rejection.rawText(),
                SpanBatchWriter.truncate(rejection.reason(), 4000))).toList());
    }

    /** Keeps each log-event message once (by trace, span, direction, time, content); returns how many were new. */
    int insertLogEvents(DSLContext tx, List<CanonicalLogEvent> events) {
        int inserted = 0;
        for (CanonicalLogEvent event : events) {
            CanonicalMessage message = event.message();
            inserted += tx.insertInto(PENDING_LOG_MESSAGE)
                    .set(PENDING_LOG_MESSAGE.EXTERNAL_TRACE_ID, event.traceId())
                    .set(PENDING_LOG_MESSAGE.EXTERNAL_SPAN_ID, event.spanId())
                    .set(PENDING_LOG_MESSAGE.TIME_NS, event.timeNs() == null ? 0L : event.timeNs())
                    .set(PENDING_LOG_MESSAGE.DIRECTION, message.direction().name())
                    .set(PENDING_LOG_MESSAGE.ROLE, SpanBatchWriter.truncate(message.role() == null ? "unknown" : message.role(), 32))
                    .set(PENDING_LOG_MESSAGE.NAME, SpanBatchWriter.truncate(message.name(), 200))
                    .set(PENDING_LOG_MESSAGE.CONTENT, message.content())
                    .set(PENDING_LOG_MESSAGE.CONTENT_SHA256, CaseKeys.sha256(message.role() + "\u0000"
                            + message.content() + "\u0000" + message.toolCallsJson()))
                    .set(PENDING_LOG_MESSAGE.TOOL_CALLS_JSON, message.toolCallsJson())
                    .set(PENDING_LOG_MESSAGE.TOOL_CALL_ID, SpanBatchWriter.truncate(message.toolCallId(), 200))
                    .set(PENDING_LOG_MESSAGE.FINISH_REASON, SpanBatchWriter.truncate(message.finishReason(), 64))
                    .set(PENDING_LOG_MESSAGE.IMPORT_ID, importId)
                    .onConflictDoNothing()
                    .execute();
        }
        return inserted;
    }

    enum CheckOutcome { INSERTED, DUPLICATE, NO_SPAN }

    /**
     * Writes a free-standing check onto its span. Without a span id it goes to the trace's root
     * span, or — when the trace has no root in the workspace — to its earliest span.
     */
    static CheckOutcome insertCheck(DSLContext tx, CheckTarget target, CanonicalCheck check) {
        Long spanId = tx.select(SPAN.ID).from(SPAN).join(TRACE).on(SPAN.TRACE_ID.eq(TRACE.ID))
                .where(TRACE.EXTERNAL_TRACE_ID.eq(target.traceId()))
                .and(target.spanId() == null ? DSL.trueCondition() : SPAN.EXTERNAL_SPAN_ID.eq(target.spanId()))
                .orderBy(DSL.when(SPAN.PARENT_EXTERNAL_SPAN_ID.isNull(), 0).otherwise(1), SPAN.START_NS, SPAN.ID)
                .limit(1)
                .fetchOne(SPAN.ID);
        if (spanId == null) {
            return CheckOutcome.NO_SPAN;
        }
        int inserted = tx.insertInto(CHECK_RESULT).set(SpanChildRows.checkRecord(spanId, null, check)).onConflictDoNothing().execute();
        return inserted > 0 ? CheckOutcome.INSERTED : CheckOutcome.DUPLICATE;
    }
}
