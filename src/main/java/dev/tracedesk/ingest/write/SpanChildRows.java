package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.CHECK_RESULT;
import static dev.tracedesk.store.generated.Tables.MESSAGE;
import static dev.tracedesk.store.generated.Tables.RETRIEVED_DOCUMENT;
import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.TableRecord;

import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalDocument;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.write.SpanBatchWriter.SpanKey;
import dev.tracedesk.store.generated.tables.records.CheckResultRecord;
import dev.tracedesk.store.generated.tables.records.MessageRecord;
import dev.tracedesk.store.generated.tables.records.RetrievedDocumentRecord;
import dev.tracedesk.store.generated.tables.records.SpanContentRecord;

/** The rows that hang off newly written spans: content, messages, retrieved documents, checks. */
final class SpanChildRows {

    private final List<SpanContentRecord> contents = new ArrayList<>();
    private final List<MessageRecord> messages = new ArrayList<>();
    private final List<RetrievedDocumentRecord> documents = new ArrayList<>();
    private final List<CheckResultRecord> checks = new ArrayList<>();

    void insert(DSLContext tx, Map<SpanKey, CanonicalSpan> spans, Map<SpanKey, Long> spanIds) {
        spans.forEach((key, span) -> collect(spanIds.get(key), span));
        batchInsert(tx, contents);
        batchInsert(tx, messages);
        batchInsert(tx, documents);
        for (CheckResultRecord check : checks) {
            tx.insertInto(CHECK_RESULT).set(check).onConflictDoNothing().execute();
        }
    }

    private void collect(long spanId, CanonicalSpan span) {
        SpanContentRecord content = new SpanContentRecord(spanId, span.inputText, span.outputText, span.parametersJson,
                span.promptTemplateText, span.promptVariablesJson, span.attributesJson, span.resourceJson, span.eventsJson);
        contents.add(content);
        Map<MessageDirection, Integer> nextIndex = new EnumMap<>(MessageDirection.class);
        for (CanonicalMessage message : span.messages) {
            int index = nextIndex.merge(message.direction(), 1, Integer::sum) - 1;
            messages.add(messageRecord(spanId, index, message));
        }
        for (CanonicalDocument document : span.documents) {
            documents.add(new RetrievedDocumentRecord(null, spanId, document.rank(),
                    SpanBatchWriter.truncate(document.documentId(), 500), document.score(), document.content(),
                    SpanBatchWriter.truncate(document.source(), 2000), document.metadataJson()));
        }
        for (CanonicalCheck check : span.checks) {
            checks.add(checkRecord(spanId, null, check));
        }
    }

    static MessageRecord messageRecord(long spanId, int index, CanonicalMessage message) {
        return new MessageRecord(null, spanId, message.direction().name(), index,
                SpanBatchWriter.truncate(message.role() == null ? "unknown" : message.role(), 32),
                SpanBatchWriter.truncate(message.name(), 200), message.content(), message.toolCallsJson(),
                SpanBatchWriter.truncate(message.toolCallId(), 200), SpanBatchWriter.truncate(message.finishReason(), 64));
    }

    static CheckResultRecord checkRecord(Long spanId, Long evalCaseId, CanonicalCheck check) {
        CheckResultRecord record = new CheckResultRecord(null, spanId, evalCaseId,
                SpanBatchWriter.truncate(check.externalId(), 200), check.source().name(),
                SpanBatchWriter.truncate(check.name() == null ? "(unnamed)" : check.name(), 500),
                SpanBatchWriter.truncate(check.label(), 500), check.value(), check.passed(), check.explanation(),
                check.createdNs());
        record.changed(CHECK_RESULT.ID, false);
        return record;
    }

    /** JDBC batches of one statement; the id column is left to the database. */
    static <R extends TableRecord<R>> void batchInsert(DSLContext tx, List<R> records) {
        if (records.isEmpty()) {
            return;
        }
        for (R record : records) {
            record.changed(true);
            var identity = record.getTable().getIdentity();
            if (identity != null) {
                record.changed(identity.getField(), false);
            }
        }
        tx.batchInsert(records).execute();
    }
}
