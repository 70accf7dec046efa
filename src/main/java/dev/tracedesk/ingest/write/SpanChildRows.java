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
        batchInsert(tx, withoutKnownExternalIds(tx, checks));
    }

    /** Checks whose source id is already in the workspace (from another file) are not written twice. */
    static List<CheckResultRecord> withoutKnownExternalIds(DSLContext tx, List<CheckResultRecord> checks) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        checks.forEach(check -> {
            if (check.getExternalCheckId() != null) {
                ids.add(check.getExternalCheckId());
            }
        });
        if (ids.isEmpty()) {
            return checks;
        }
        java.util.Set<String> known = new java.util.HashSet<>(tx.select(CHECK_RESULT.EXTERNAL_CHECK_ID).from(CHECK_RESULT)
                .where(CHECK_RESULT.EXTERNAL_CHECK_ID.in(ids)).fetch(CHECK_RESULT.EXTERNAL_CHECK_ID));
        java.util.Set<String> seen = new java.util.HashSet<>();
        return checks.stream()
                .filter(check -> check.getExternalCheckId() == null
                        || (!known.contains(check.getExternalCheckId()) && seen.add(check.getExternalCheckId())))
                .toList();
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

    /**
     * One JDBC batch of one prepared statement, rendered once; the id column is left to the
     * database. (jOOQ's batchInsert renders every record's SQL to group them, which costs more
     * than the insert itself at thousands of rows per second.)
     */
    static <R extends TableRecord<R>> void batchInsert(DSLContext tx, List<R> records) {
        if (records.isEmpty()) {
            return;
        }
        org.jooq.Table<R> table = records.get(0).getTable();
        var identity = table.getIdentity();
        List<org.jooq.Field<?>> fields = java.util.Arrays.stream(table.fields())
                .filter(field -> identity == null || !field.equals(identity.getField()))
                .toList();
        Object[] placeholders = new Object[fields.size()];
        var insert = tx.insertInto(table).columns(fields).values(placeholders);
        org.jooq.BatchBindStep batch = tx.batch(insert);
        for (R record : records) {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = record.get(fields.get(i));
            }
            batch = batch.bind(values);
        }
        batch.execute();
    }
}
