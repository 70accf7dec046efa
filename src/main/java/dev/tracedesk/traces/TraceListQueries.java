package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * The Traces table: a page of traces (or of LLM calls) under a filter, in a chosen order. Offset
 * paging, so any column can sort (decision 0010). A trace page is two steps: the page's trace rows
 * (walking the trace start index for the default order), then the sums and models of just those
 * traces' spans; a page of calls likewise reads the calls, then their traces' ids. Either way the
 * rows' review flags and verdicts are read last, for the page's ids only ({@link ReviewMarks}).
 */
public final class TraceListQueries {

    public static final int PAGE_SIZE = 200;

    private final DSLContext dsl;

    public TraceListQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Traces with a span matching the filter, {@code PAGE_SIZE} from {@code offset}. */
    public TracePage traces(TraceFilter filter, TraceSort sort, int offset) {
        Condition where = DSL.and(
                filter.fromNs() == null ? DSL.noCondition() : TRACE.START_NS.ge(filter.fromNs()),
                filter.toNs() == null ? DSL.noCondition() : TRACE.START_NS.lt(filter.toNs()),
                filter.traceName() == null ? DSL.noCondition() : TRACE.NAME.eq(filter.traceName()),
                filter.labeled() == null ? DSL.noCondition() : filter.labeled()
                        ? ReviewMarks.traceLabeled(TRACE.ID) : DSL.not(ReviewMarks.traceLabeled(TRACE.ID)),
                filter.restrictsSpans() ? DSL.exists(DSL.selectOne().from(SPAN)
                        .where(SPAN.TRACE_ID.eq(TRACE.ID)).and(SpanConditions.of(filter, false))) : DSL.noCondition());
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            var fetched = tx.select(TRACE.ID, TRACE.EXTERNAL_TRACE_ID, TRACE.START_NS, TRACE.END_NS, TRACE.NAME, TRACE.STATUS)
                    .from(TRACE).where(where)
                    .orderBy(traceOrder(sort))
                    .limit(PAGE_SIZE + 1).offset(offset)
                    .fetch();
            boolean more = fetched.size() > PAGE_SIZE;
            var page = more ? fetched.subList(0, PAGE_SIZE) : fetched;
            List<Long> ids = page.stream().map(row -> row.value1()).toList();
            Map<Long, SpanTotals> totals = totals(tx, ids);
            Map<Long, ReviewMark> marks = ReviewMarks.ofTraces(tx, ids);
            List<TraceRow> rows = page.stream().map(row -> {
                SpanTotals t = totals.getOrDefault(row.value1(), SpanTotals.NONE);
                Long latency = row.value3() == null || row.value4() == null ? null : row.value4() - row.value3();
                return new TraceRow(row.value1(), row.value2(), null, null, row.value3(), row.value5(),
                        List.copyOf(t.models), List.copyOf(t.prompts), latency, t.tokens, t.cost, t.estimated,
                        row.value6(), t.spans, marks.getOrDefault(row.value1(), ReviewMark.NONE));
            }).toList();
            return new TracePage(rows, offset, more);
        });
    }

    /**
     * LLM spans matching the filter, {@code PAGE_SIZE} from {@code offset}. Two steps, like a trace
     * page: the calls alone, then the external ids of just their traces, so the calls an offset skips
     * are never joined to their traces.
     */
    public TracePage llmCalls(TraceFilter filter, TraceSort sort, int offset) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            var fetched = tx.select(SPAN.ID, SPAN.TRACE_ID, SPAN.EXTERNAL_SPAN_ID, SPAN.START_NS, SPAN.NAME, SPAN.SERVED_MODEL,
                            SPAN.PROMPT_TEMPLATE_NAME, SPAN.PROMPT_TEMPLATE_VERSION, SPAN.DURATION_NS, SPAN.TOTAL_TOKENS,
                            SPAN.COST_USD, SPAN.COST_SOURCE, SPAN.STATUS)
                    .from(SPAN)
                    .where(SPAN.KIND.eq(SpanConditions.LLM)).and(SpanConditions.of(filter, true))
                    .and(SpanConditions.labeled(filter, true))
                    .orderBy(callOrder(filter, sort))
                    .limit(PAGE_SIZE + 1).offset(offset)
                    .fetch();
            boolean more = fetched.size() > PAGE_SIZE;
            var page = more ? fetched.subList(0, PAGE_SIZE) : fetched;
            Map<Long, String> traceIds = page.isEmpty() ? Map.of() : tx.select(TRACE.ID, TRACE.EXTERNAL_TRACE_ID).from(TRACE)
                    .where(TRACE.ID.in(page.stream().map(row -> row.get(SPAN.TRACE_ID)).distinct().toList()))
                    .fetchMap(TRACE.ID, TRACE.EXTERNAL_TRACE_ID);
            Map<Long, ReviewMark> marks = ReviewMarks.ofCalls(tx, page.stream().map(row -> row.get(SPAN.ID)).toList(),
                    traceIds.keySet());
            List<TraceRow> rows = page.stream().map(row -> {
                String prompt = promptLabel(row.get(SPAN.PROMPT_TEMPLATE_NAME), row.get(SPAN.PROMPT_TEMPLATE_VERSION));
                return new TraceRow(row.get(SPAN.TRACE_ID), traceIds.get(row.get(SPAN.TRACE_ID)), row.get(SPAN.ID),
                        row.get(SPAN.EXTERNAL_SPAN_ID), row.get(SPAN.START_NS), row.get(SPAN.NAME),
                        row.get(SPAN.SERVED_MODEL) == null ? List.of() : List.of(row.get(SPAN.SERVED_MODEL)),
                        prompt == null ? List.of() : List.of(prompt), row.get(SPAN.DURATION_NS), row.get(SPAN.TOTAL_TOKENS),
                        row.get(SPAN.COST_USD), "ESTIMATED".equals(row.get(SPAN.COST_SOURCE)), row.get(SPAN.STATUS), 1,
                        marks.getOrDefault(row.get(SPAN.ID), ReviewMark.NONE));
            }).toList();
            return new TracePage(rows, offset, more);
        });
    }

    private static List<SortField<?>> traceOrder(TraceSort sort) {
        Field<?> key = switch (sort.column()) {
            case TIME -> TRACE.START_NS;
            case NAME -> TRACE.NAME;
            case LATENCY -> TRACE.END_NS.minus(TRACE.START_NS);
            case TOKENS -> DSL.field(DSL.select(DSL.sum(SPAN.TOTAL_TOKENS)).from(SPAN).where(SPAN.TRACE_ID.eq(TRACE.ID)));
            case COST -> DSL.field(DSL.select(DSL.sum(SPAN.COST_USD)).from(SPAN).where(SPAN.TRACE_ID.eq(TRACE.ID)));
            case STATUS -> TRACE.STATUS;
            case SPANS -> DSL.field(DSL.selectCount().from(SPAN).where(SPAN.TRACE_ID.eq(TRACE.ID)));
        };
        return List.of(direction(key, sort.ascending()), sort.ascending() ? TRACE.ID.asc() : TRACE.ID.desc());
    }

    /**
     * With a served model chosen, the order leads with that (then constant) column. It changes no
     * row's place, but it lets H2 see that {@code span_served_model_idx} (served_model, start_ns)
     * already delivers the newest-first order: it walks that index backwards and stops after the
     * page, instead of reading every call of the model (~66k at 1M spans, 2 s) to sort them.
     * PostgreSQL drops a sort key fixed by an equality, so its plan and rows are unchanged.
     */
    private static List<SortField<?>> callOrder(TraceFilter filter, TraceSort sort) {
        List<SortField<?>> order = new ArrayList<>();
        if (filter.servedModel() != null) {
            order.add(direction(SPAN.SERVED_MODEL, sort.ascending()));
        }
        order.addAll(callOrder(sort));
        return order;
    }

    private static List<SortField<?>> callOrder(TraceSort sort) {
        Field<?> key = switch (sort.column()) {
            case TIME -> SPAN.START_NS;
            case NAME -> SPAN.NAME;
            case LATENCY -> SPAN.DURATION_NS;
            case TOKENS -> SPAN.TOTAL_TOKENS;
            case COST -> SPAN.COST_USD;
            case STATUS -> SPAN.STATUS;
            case SPANS -> SPAN.ID;
        };
        return List.of(direction(key, sort.ascending()), sort.ascending() ? SPAN.ID.asc() : SPAN.ID.desc());
    }

    /** Rows without a value go last either way, as people expect of a sorted table. */
    private static SortField<?> direction(Field<?> key, boolean ascending) {
        return ascending ? key.asc().nullsLast() : key.desc().nullsLast();
    }

    static String promptLabel(String name, String version) {
        return name == null ? null : version == null ? name : name + " v" + version;
    }

    private static Map<Long, SpanTotals> totals(DSLContext tx, List<Long> traceIds) {
        Map<Long, SpanTotals> byTrace = new HashMap<>();
        if (traceIds.isEmpty()) {
            return byTrace;
        }
        Field<Integer> estimated = DSL.sum(DSL.when(SPAN.COST_SOURCE.eq("ESTIMATED"), 1).otherwise(0)).cast(Integer.class);
        tx.select(SPAN.TRACE_ID, DSL.count(), DSL.sum(SPAN.TOTAL_TOKENS), DSL.sum(SPAN.COST_USD), estimated)
                .from(SPAN).where(SPAN.TRACE_ID.in(traceIds))
                .groupBy(SPAN.TRACE_ID)
                .forEach(row -> byTrace.put(row.value1(), new SpanTotals(row.value2(),
                        row.value3() == null ? null : row.value3().longValue(), row.value4(),
                        row.value5() != null && row.value5() > 0)));
        tx.selectDistinct(SPAN.TRACE_ID, SPAN.SERVED_MODEL, SPAN.PROMPT_TEMPLATE_NAME, SPAN.PROMPT_TEMPLATE_VERSION)
                .from(SPAN).where(SPAN.TRACE_ID.in(traceIds))
                .and(SPAN.SERVED_MODEL.isNotNull().or(SPAN.PROMPT_TEMPLATE_NAME.isNotNull()))
                .forEach(row -> {
                    SpanTotals t = byTrace.get(row.value1());
                    if (row.value2() != null) {
                        t.models.add(row.value2());
                    }
                    String prompt = promptLabel(row.value3(), row.value4());
                    if (prompt != null) {
                        t.prompts.add(prompt);
                    }
                });
        return byTrace;
    }

    /** What a page shows of a trace's spans, gathered while reading. */
    private static final class SpanTotals {

        static final SpanTotals NONE = new SpanTotals(0, null, null, false);

        final long spans;
        final Long tokens;
        final BigDecimal cost;
        final boolean estimated;
        final TreeSet<String> models = new TreeSet<>();
        final TreeSet<String> prompts = new TreeSet<>();

        SpanTotals(long spans, Long tokens, BigDecimal cost, boolean estimated) {
            this.spans = spans;
            this.tokens = tokens;
            this.cost = cost;
            this.estimated = estimated;
        }
    }
}
