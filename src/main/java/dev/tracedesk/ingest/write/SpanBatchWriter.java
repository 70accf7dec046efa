package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.SPAN;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.CostSource;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.store.generated.tables.records.SpanRecord;

/**
 * Writes a batch of spans in one transaction: their traces, the spans that are new (a span
 * already in the workspace counts as a duplicate and its content is left as it was), and their
 * content, messages, documents and checks. Multi-row statements keep it to a handful of round
 * trips per batch.
 */
final class SpanBatchWriter {

    record Result(int imported, int duplicates) {
    }

    private final long importId;
    private final PriceTable prices;

    SpanBatchWriter(long importId, PriceTable prices) {
        this.importId = importId;
        this.prices = prices;
    }

    Result write(DSLContext tx, List<CanonicalSpan> batch) {
        Map<String, Long> traceIds = new TraceRows(importId).resolve(tx, batch);
        Map<SpanKey, CanonicalSpan> candidates = new LinkedHashMap<>();
        for (CanonicalSpan span : batch) {
            candidates.putIfAbsent(new SpanKey(traceIds.get(span.traceId), span.spanId), span);
        }
        Set<SpanKey> existing = existingSpans(tx, candidates.keySet());
        Map<SpanKey, CanonicalSpan> fresh = new LinkedHashMap<>(candidates);
        fresh.keySet().removeAll(existing);

        Map<SpanKey, Long> spanIds = fresh.isEmpty() ? Map.of() : insertSpans(tx, fresh);
        new SpanChildRows().insert(tx, fresh, spanIds);
        TraceRows.refreshAggregates(tx, new HashSet<>(traceIds.values()));
        return new Result(fresh.size(), batch.size() - fresh.size());
    }

    record SpanKey(long traceId, String spanId) {
    }

    /**
     * Which of these spans are in the workspace already. Asked by trace id — the unique key's
     * leading column, so an index range per trace — rather than by (trace, span) row values,
     * which H2 does not look up through the index.
     */
    private static Set<SpanKey> existingSpans(DSLContext tx, Set<SpanKey> keys) {
        Set<Long> traceIds = new HashSet<>();
        keys.forEach(key -> traceIds.add(key.traceId()));
        Set<SpanKey> existing = new HashSet<>();
        tx.select(SPAN.TRACE_ID, SPAN.EXTERNAL_SPAN_ID)
                .from(SPAN)
                .where(SPAN.TRACE_ID.in(traceIds))
                .forEach(row -> {
                    SpanKey key = new SpanKey(row.value1(), row.value2());
                    if (keys.contains(key)) {
                        existing.add(key);
                    }
                });
        return existing;
    }

    private Map<SpanKey, Long> insertSpans(DSLContext tx, Map<SpanKey, CanonicalSpan> fresh) {
        List<SpanRecord> records = new ArrayList<>(fresh.size());
        fresh.forEach((key, span) -> records.add(spanRecord(key.traceId(), span)));
        Map<SpanKey, Long> ids = new HashMap<>();
        try {
            var insert = tx.insertInto(SPAN).set(records.get(0));
            for (int i = 1; i < records.size(); i++) {
                insert = insert.newRecord().set(records.get(i));
            }
            for (Record3<Long, Long, String> row : insert.returningResult(SPAN.ID, SPAN.TRACE_ID, SPAN.EXTERNAL_SPAN_ID).fetch()) {
                ids.put(new SpanKey(row.value2(), row.value3()), row.value1());
            }
        } catch (IntegrityConstraintViolationException raceWithAnotherImport) {
            throw new ConcurrentImportConflict(raceWithAnotherImport);
        }
        return ids;
    }

    private SpanRecord spanRecord(long traceId, CanonicalSpan span) {
        SpanRecord record = new SpanRecord();
        record.setTraceId(traceId);
        record.setExternalSpanId(span.spanId);
        record.setParentExternalSpanId(span.parentSpanId);
        record.setKind(span.kind.name());
        record.setName(span.name == null ? "(unnamed)" : truncate(span.name, 1000));
        record.setStartNs(span.startNs);
        record.setDurationNs(span.durationNs);
        record.setStatus(span.status.name());
        record.setErrorMessage(truncate(span.errorMessage, 4000));
        record.setOperationName(truncate(span.operationName, 100));
        record.setProvider(truncate(span.provider, 100));
        record.setRequestedModel(truncate(span.requestedModel, 200));
        record.setServedModel(truncate(span.servedModel, 200));
        record.setPromptTemplateName(truncate(span.promptTemplateName, 500));
        record.setPromptTemplateVersion(truncate(span.promptTemplateVersion, 100));
        record.setInputTokens(span.inputTokens);
        record.setOutputTokens(span.outputTokens);
        record.setTotalTokens(span.totalTokens != null ? span.totalTokens : sumOrNull(span.inputTokens, span.outputTokens));
        record.setTimeToFirstTokenNs(span.timeToFirstTokenNs);
        record.setImportId(importId);
        record.setCostUsd(null);
        record.setCostSource(null);
        if (span.costUsd != null) {
            record.setCostUsd(span.costUsd);
            record.setCostSource(CostSource.REPORTED.name());
        } else {
            Optional<BigDecimal> estimate = prices.estimate(span.provider,
                    CanonicalSpan.firstNonNull(span.servedModel, span.requestedModel), span.inputTokens, span.outputTokens);
            estimate.ifPresent(cost -> {
                record.setCostUsd(cost);
                record.setCostSource(CostSource.ESTIMATED.name());
            });
        }
        record.changed(SPAN.ID, false);
        return record;
    }

    private static Long sumOrNull(Long a, Long b) {
        return a == null && b == null ? null : (a == null ? 0 : a) + (b == null ? 0 : b);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Another import wrote one of these spans between our check and our insert. */
    static final class ConcurrentImportConflict extends RuntimeException {
        ConcurrentImportConflict(Throwable cause) {
            super(cause);
        }
    }
}
