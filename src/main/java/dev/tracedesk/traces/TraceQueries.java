package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.CHECK_RESULT;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

import dev.tracedesk.store.content.ContentJson;
import dev.tracedesk.store.content.StoredDocument;
import dev.tracedesk.store.content.StoredMessage;
import dev.tracedesk.store.generated.tables.records.TraceRecord;

/** Reads traces for the trace list and the whole of one trace, for the Traces section and the CLI. */
public final class TraceQueries {

    private final DSLContext dsl;

    public TraceQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Newest first (traces without a start time last). With a {@code model}, only traces where some
     * span's served or requested model is that model or starts with it.
     */
    public List<TraceSummary> traces(String model, int limit) {
        return traces(new TraceListing(model, null, null, null, null, limit));
    }

    /** Newest first; each part of the listing narrows it (a span of the trace must match all span parts). */
    public List<TraceSummary> traces(TraceListing listing) {
        Field<Integer> spanCount = DSL.field(DSL.selectCount().from(SPAN).where(SPAN.TRACE_ID.eq(TRACE.ID)));
        Condition spanMatches = DSL.noCondition();
        boolean narrowsSpans = false;
        String model = listing.model();
        if (model != null && !model.isEmpty()) {
            spanMatches = spanMatches.and(SPAN.SERVED_MODEL.startsWith(model).or(SPAN.REQUESTED_MODEL.startsWith(model)));
            narrowsSpans = true;
        }
        if (listing.promptName() != null && !listing.promptName().isEmpty()) {
            spanMatches = spanMatches.and(SPAN.PROMPT_TEMPLATE_NAME.eq(listing.promptName()));
            narrowsSpans = true;
        }
        if (listing.promptVersion() != null && !listing.promptVersion().isEmpty()) {
            // a version alone is enough: OpenInference templates carry a version and no name
            spanMatches = spanMatches.and(SPAN.PROMPT_TEMPLATE_VERSION.eq(listing.promptVersion()));
            narrowsSpans = true;
        }
        if (listing.spanRowIds() != null) {
            spanMatches = spanMatches.and(listing.spanRowIds().isEmpty() ? DSL.falseCondition() : SPAN.ID.in(listing.spanRowIds()));
            narrowsSpans = true;
        }
        Condition matches = narrowsSpans
                ? DSL.exists(DSL.selectOne().from(SPAN).where(SPAN.TRACE_ID.eq(TRACE.ID)).and(spanMatches))
                : DSL.noCondition();
        if (listing.sinceNs() != null) {
            matches = matches.and(TRACE.START_NS.ge(listing.sinceNs()));
        }
        Condition matchesModel = matches;
        int limit = listing.limit();
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            var rows = tx.select(TRACE.ID, TRACE.EXTERNAL_TRACE_ID, TRACE.NAME, TRACE.START_NS, TRACE.END_NS,
                            TRACE.STATUS, spanCount)
                    .from(TRACE)
                    .where(matchesModel)
                    .orderBy(TRACE.START_NS.desc().nullsLast(), TRACE.ID.desc())
                    .limit(limit)
                    .fetch();
            List<Long> ids = rows.map(row -> row.value1());
            Map<Long, List<String>> models = servedModels(tx, ids);
            return rows.map(row -> new TraceSummary(row.value1(), row.value2(), row.value3(), row.value4(),
                    row.value5(), row.value6(), row.value7(), models.getOrDefault(row.value1(), List.of())));
        });
    }

    private static Map<Long, List<String>> servedModels(DSLContext tx, List<Long> traceIds) {
        Map<Long, List<String>> byTrace = new HashMap<>();
        if (traceIds.isEmpty()) {
            return byTrace;
        }
        tx.selectDistinct(SPAN.TRACE_ID, SPAN.SERVED_MODEL)
                .from(SPAN)
                .where(SPAN.TRACE_ID.in(traceIds)).and(SPAN.SERVED_MODEL.isNotNull())
                .orderBy(SPAN.TRACE_ID, SPAN.SERVED_MODEL)
                .forEach(row -> byTrace.computeIfAbsent(row.value1(), id -> new ArrayList<>()).add(row.value2()));
        return byTrace;
    }

    /**
     * The trace with this external id and all of its spans. Three queries whatever the number of
     * spans: the trace, the spans with their content (messages and documents included), and the
     * checks of all the spans at once.
     */
    public Optional<TraceDetail> trace(String externalTraceId) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            TraceRecord trace = tx.selectFrom(TRACE).where(TRACE.EXTERNAL_TRACE_ID.eq(externalTraceId)).fetchOne();
            if (trace == null) {
                return Optional.empty();
            }
            return Optional.of(new TraceDetail(trace.getId(), trace.getExternalTraceId(), trace.getName(),
                    trace.getSourceSystem(), trace.getSessionId(), trace.getUserId(), trace.getStartNs(),
                    trace.getEndNs(), trace.getStatus(), trace.getAttributesJson(), spans(tx, trace.getId())));
        });
    }

    private static List<SpanDetail> spans(DSLContext tx, long traceId) {
        Select<Record1<Long>> spanIdsOfTrace = DSL.select(SPAN.ID).from(SPAN).where(SPAN.TRACE_ID.eq(traceId));
        Map<Long, List<SpanCheck>> checks = checksBySpan(tx, spanIdsOfTrace);
        return tx.select(SPAN.asterisk(), SPAN_CONTENT.PARAMETERS_JSON, SPAN_CONTENT.PROMPT_TEMPLATE_TEXT,
                        SPAN_CONTENT.PROMPT_VARIABLES_JSON, SPAN_CONTENT.INPUT_TEXT, SPAN_CONTENT.OUTPUT_TEXT,
                        SPAN_CONTENT.ATTRIBUTES_JSON, SPAN_CONTENT.MESSAGES_JSON, SPAN_CONTENT.DOCUMENTS_JSON)
                .from(SPAN).leftJoin(SPAN_CONTENT).on(SPAN_CONTENT.SPAN_ID.eq(SPAN.ID))
                .where(SPAN.TRACE_ID.eq(traceId))
                .orderBy(SPAN.START_NS.asc().nullsLast(), SPAN.ID)
                .fetch(row -> {
                    long id = row.get(SPAN.ID);
                    return new SpanDetail(id, row.get(SPAN.EXTERNAL_SPAN_ID), row.get(SPAN.PARENT_EXTERNAL_SPAN_ID),
                            row.get(SPAN.KIND), row.get(SPAN.NAME), row.get(SPAN.START_NS), row.get(SPAN.DURATION_NS),
                            row.get(SPAN.STATUS), row.get(SPAN.ERROR_MESSAGE), row.get(SPAN.PROVIDER),
                            row.get(SPAN.REQUESTED_MODEL), row.get(SPAN.SERVED_MODEL),
                            row.get(SPAN_CONTENT.PARAMETERS_JSON),
                            SpanDetail.PromptTemplate.of(row.get(SPAN.PROMPT_TEMPLATE_NAME),
                                    row.get(SPAN.PROMPT_TEMPLATE_VERSION), row.get(SPAN_CONTENT.PROMPT_TEMPLATE_TEXT),
                                    row.get(SPAN_CONTENT.PROMPT_VARIABLES_JSON)),
                            SpanDetail.TokenUsage.of(row.get(SPAN.INPUT_TOKENS), row.get(SPAN.OUTPUT_TOKENS),
                                    row.get(SPAN.TOTAL_TOKENS)),
                            SpanDetail.Cost.of(row.get(SPAN.COST_USD), row.get(SPAN.COST_SOURCE)),
                            row.get(SPAN_CONTENT.INPUT_TEXT), row.get(SPAN_CONTENT.OUTPUT_TEXT),
                            row.get(SPAN_CONTENT.ATTRIBUTES_JSON),
                            messages(row.get(SPAN_CONTENT.MESSAGES_JSON)), documents(row.get(SPAN_CONTENT.DOCUMENTS_JSON)),
                            checks.getOrDefault(id, List.of()));
                });
    }

    private static List<SpanMessage> messages(String json) {
        return ContentJson.parseMessages(json).stream()
                .sorted(Comparator.comparing(StoredMessage::direction).thenComparingInt(StoredMessage::position))
                .map(m -> new SpanMessage(m.direction(), m.position(), m.role(), m.name(), m.content(),
                        m.toolCallsJson(), m.toolCallId(), m.finishReason()))
                .toList();
    }

    private static List<SpanDocument> documents(String json) {
        return ContentJson.parseDocuments(json).stream()
                .sorted(Comparator.comparingInt(StoredDocument::rank))
                .map(d -> new SpanDocument(d.rank(), d.documentId(), d.score(), d.content(), d.source(), d.metadataJson()))
                .toList();
    }

    private static Map<Long, List<SpanCheck>> checksBySpan(DSLContext tx, Select<Record1<Long>> spanIds) {
        Map<Long, List<SpanCheck>> bySpan = new HashMap<>();
        tx.selectFrom(CHECK_RESULT).where(CHECK_RESULT.SPAN_ID.in(spanIds))
                .orderBy(CHECK_RESULT.SPAN_ID, CHECK_RESULT.ID)
                .forEach(row -> bySpan.computeIfAbsent(row.getSpanId(), id -> new ArrayList<>())
                        .add(new SpanCheck(row.getName(), row.getCheckSource(), row.getLabel(), row.getScoreValue(),
                                row.getPassed(), row.getExplanation())));
        return bySpan;
    }
}
