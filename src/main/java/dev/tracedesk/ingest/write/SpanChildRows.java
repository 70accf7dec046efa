package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.CHECK_RESULT;
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
import dev.tracedesk.store.content.ContentJson;
import dev.tracedesk.store.content.StoredDocument;
import dev.tracedesk.store.content.StoredMessage;
import dev.tracedesk.store.generated.tables.records.CheckResultRecord;
import dev.tracedesk.store.generated.tables.records.SpanContentRecord;

/**
 * The rows that hang off newly written spans: one content row each (texts, parameters,
 * attributes, and the messages and retrieved documents as JSON arrays), and their checks.
 */
final class SpanChildRows {

    private final List<SpanContentRecord> contents = new ArrayList<>();
    private final List<CheckResultRecord> checks = new ArrayList<>();

    void insert(DSLContext tx, Map<SpanKey, CanonicalSpan> spans, Map<SpanKey, Long> spanIds) {
        spans.forEach((key, span) -> collect(spanIds.get(key), span));
        batchInsert(tx, contents);
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
        SpanContentRecord content = new SpanContentRecord();
        content.setSpanId(spanId);
        content.setInputText(span.inputText);
        content.setOutputText(span.outputText);
        content.setParametersJson(span.parametersJson);
        content.setPromptTemplateText(span.promptTemplateText);
        content.setPromptVariablesJson(span.promptVariablesJson);
        content.setAttributesJson(span.attributesJson);
        content.setResourceJson(span.resourceJson);
        content.setEventsJson(span.eventsJson);
        content.setMessagesJson(ContentJson.messages(storedMessages(span.messages)));
        content.setDocumentsJson(ContentJson.documents(storedDocuments(span.documents)));
        contents.add(content);
        for (CanonicalCheck check : span.checks) {
            checks.add(checkRecord(spanId, null, check));
        }
    }

    /** Positions count within each direction, in the order the reader gave. */
    static List<StoredMessage> storedMessages(List<CanonicalMessage> messages) {
        List<StoredMessage> stored = new ArrayList<>(messages.size());
        Map<MessageDirection, Integer> nextPosition = new EnumMap<>(MessageDirection.class);
        for (CanonicalMessage message : messages) {
            int position = nextPosition.merge(message.direction(), 1, Integer::sum) - 1;
            stored.add(new StoredMessage(message.direction().name(), position,
                    message.role() == null ? "unknown" : message.role(), message.name(), message.content(),
                    message.toolCallsJson(), message.toolCallId(), message.finishReason()));
        }
        return stored;
    }

    private static List<StoredDocument> storedDocuments(List<CanonicalDocument> documents) {
        List<StoredDocument> stored = new ArrayList<>(documents.size());
        for (CanonicalDocument document : documents) {
            stored.add(new StoredDocument(document.rank(), document.documentId(), document.score(), document.content(),
                    document.source(), document.metadataJson()));
        }
        return stored;
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

    /** The records as one JDBC batch ({@link JdbcBatch}); the id column is left to the database. */
    static <R extends TableRecord<R>> void batchInsert(DSLContext tx, List<R> records) {
        if (records.isEmpty()) {
            return;
        }
        org.jooq.Table<R> table = records.get(0).getTable();
        var identity = table.getIdentity();
        List<org.jooq.Field<?>> fields = java.util.Arrays.stream(table.fields())
                .filter(field -> identity == null || !field.equals(identity.getField()))
                .toList();
        List<Object[]> rows = new ArrayList<>(records.size());
        for (R record : records) {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = record.get(fields.get(i));
            }
            rows.add(values);
        }
        JdbcBatch.insert(tx, table, fields, rows);
    }
}
