package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.SPAN;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.IntegrityConstraintViolationException;

import dev.tracedesk.core.model.CostSource;
import dev.tracedesk.ingest.model.CanonicalSpan;

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
        TraceRows.Resolved traces = new TraceRows(importId).resolve(tx, TraceFacts.of(batch));
        Map<SpanKey, CanonicalSpan> fresh = new LinkedHashMap<>();
        for (CanonicalSpan span : batch) {
            fresh.putIfAbsent(new SpanKey(traces.ids().get(span.traceId), span.spanId), span);
        }
        // only a trace that was in the workspace before this batch can hold one of its spans already
        fresh.keySet().removeAll(existingSpans(tx, fresh.keySet(), traces.known().values()));

        Map<SpanKey, Long> spanIds = fresh.isEmpty() ? Map.of() : insertSpans(tx, fresh);
        new SpanChildRows().insert(tx, fresh, spanIds);
        return new Result(fresh.size(), batch.size() - fresh.size());
    }

    record SpanKey(long traceId, String spanId) {
    }

    /**
     * Which of these spans are in the workspace already. Asked by trace id — the unique key's
     * leading column, so an index range per trace — rather than by (trace, span) row values,
     * which H2 does not look up through the index.
     */
    private static Set<SpanKey> existingSpans(DSLContext tx, Set<SpanKey> keys, Collection<Long> knownTraceIds) {
        Set<SpanKey> existing = new HashSet<>();
        if (knownTraceIds.isEmpty()) {
            return existing;
        }
        tx.select(SPAN.TRACE_ID, SPAN.EXTERNAL_SPAN_ID)
                .from(SPAN)
                .where(SPAN.TRACE_ID.in(knownTraceIds))
                .forEach(row -> {
                    SpanKey key = new SpanKey(row.value1(), row.value2());
                    if (keys.contains(key)) {
                        existing.add(key);
                    }
                });
        return existing;
    }

    private static final List<Field<?>> SPAN_COLUMNS = List.of(SPAN.TRACE_ID, SPAN.EXTERNAL_SPAN_ID,
            SPAN.PARENT_EXTERNAL_SPAN_ID, SPAN.KIND, SPAN.NAME, SPAN.START_NS, SPAN.DURATION_NS, SPAN.STATUS,
            SPAN.ERROR_MESSAGE, SPAN.OPERATION_NAME, SPAN.PROVIDER, SPAN.REQUESTED_MODEL, SPAN.SERVED_MODEL,
            SPAN.PROMPT_TEMPLATE_NAME, SPAN.PROMPT_TEMPLATE_VERSION, SPAN.INPUT_TOKENS, SPAN.OUTPUT_TOKENS,
            SPAN.TOTAL_TOKENS, SPAN.COST_USD, SPAN.COST_SOURCE, SPAN.TIME_TO_FIRST_TOKEN_NS, SPAN.IMPORT_ID);

    private Map<SpanKey, Long> insertSpans(DSLContext tx, Map<SpanKey, CanonicalSpan> fresh) {
        List<SpanKey> keys = new ArrayList<>(fresh.keySet());
        List<Object[]> rows = new ArrayList<>(fresh.size());
        fresh.forEach((key, span) -> rows.add(spanRow(key.traceId(), span)));
        long[] ids;
        try {
            ids = JdbcBatch.insertReturningIds(tx, SPAN, SPAN_COLUMNS, rows);
        } catch (IntegrityConstraintViolationException raceWithAnotherImport) {
            throw new ConcurrentImportConflict(raceWithAnotherImport);
        }
        Map<SpanKey, Long> idsByKey = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            idsByKey.put(keys.get(i), ids[i]);
        }
        return idsByKey;
    }

    /** The values of {@link #SPAN_COLUMNS}; a cost the source did not report is estimated from the price table. */
    private Object[] spanRow(long traceId, CanonicalSpan span) {
        BigDecimal cost = span.costUsd;
        CostSource costSource = cost == null ? null : CostSource.REPORTED;
        if (cost == null) {
            Optional<BigDecimal> estimate = prices.estimate(span.provider,
                    CanonicalSpan.firstNonNull(span.servedModel, span.requestedModel), span.inputTokens, span.outputTokens);
            if (estimate.isPresent()) {
                cost = estimate.get();
                costSource = CostSource.ESTIMATED;
            }
        }
        return new Object[] {traceId, span.spanId, span.parentSpanId, span.kind.name(),
                span.name == null ? "(unnamed)" : truncate(span.name, 1000), span.startNs, span.durationNs,
                span.status.name(), truncate(span.errorMessage, 4000), truncate(span.operationName, 100),
                truncate(span.provider, 100), truncate(span.requestedModel, 200), truncate(span.servedModel, 200),
                truncate(span.promptTemplateName, 500), truncate(span.promptTemplateVersion, 100),
                span.inputTokens, span.outputTokens,
                span.totalTokens != null ? span.totalTokens : sumOrNull(span.inputTokens, span.outputTokens),
                cost, costSource == null ? null : costSource.name(), span.timeToFirstTokenNs, importId};
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
