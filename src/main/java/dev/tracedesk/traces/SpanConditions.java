package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.impl.DSL;

/** The filter's span-level fields as conditions on {@code span}, shared by the list and the facets. */
final class SpanConditions {

    static final String LLM = "LLM";
    static final String ERROR = "ERROR";

    private SpanConditions() {
    }

    /**
     * Every span-level field; the time range and the trace name only when {@code withTime} (the trace
     * list puts them on the trace). Labeled / unlabeled is not among them: see {@link #labeled}.
     */
    static Condition of(TraceFilter filter, boolean withTime) {
        List<Condition> conditions = new ArrayList<>();
        if (withTime) {
            addIfSet(conditions, filter.fromNs() == null ? null : SPAN.START_NS.ge(filter.fromNs()));
            addIfSet(conditions, filter.toNs() == null ? null : SPAN.START_NS.lt(filter.toNs()));
            addIfSet(conditions, filter.traceName() == null ? null
                    : SPAN.TRACE_ID.in(DSL.select(TRACE.ID).from(TRACE).where(TRACE.NAME.eq(filter.traceName()))));
        }
        addIfSet(conditions, filter.provider() == null ? null : SPAN.PROVIDER.eq(filter.provider()));
        addIfSet(conditions, filter.servedModel() == null ? null : SPAN.SERVED_MODEL.eq(filter.servedModel()));
        addIfSet(conditions, filter.requestedModel() == null ? null : SPAN.REQUESTED_MODEL.eq(filter.requestedModel()));
        addIfSet(conditions, filter.promptName() == null ? null : SPAN.PROMPT_TEMPLATE_NAME.eq(filter.promptName()));
        addIfSet(conditions, filter.promptVersion() == null ? null : SPAN.PROMPT_TEMPLATE_VERSION.eq(filter.promptVersion()));
        addIfSet(conditions, filter.kind() == null ? null : SPAN.KIND.eq(filter.kind()));
        addIfSet(conditions, filter.status() == null ? null : SPAN.STATUS.eq(filter.status()));
        addIfSet(conditions, filter.hasError() == null ? null : filter.hasError() ? failed() : failed().not());
        addIfSet(conditions, filter.minLatencyNs() == null ? null : SPAN.DURATION_NS.ge(filter.minLatencyNs()));
        addIfSet(conditions, filter.maxLatencyNs() == null ? null : SPAN.DURATION_NS.le(filter.maxLatencyNs()));
        addIfSet(conditions, filter.minCostUsd() == null ? null : SPAN.COST_USD.ge(filter.minCostUsd()));
        addIfSet(conditions, filter.maxCostUsd() == null ? null : SPAN.COST_USD.le(filter.maxCostUsd()));
        addIfSet(conditions, filter.importId() == null ? null : SPAN.IMPORT_ID.eq(filter.importId()));
        // An empty search result matches nothing; IN () is not valid SQL, so say false instead.
        addIfSet(conditions, filter.spanRowIds() == null ? null
                : filter.spanRowIds().isEmpty() ? DSL.falseCondition() : SPAN.ID.in(filter.spanRowIds()));
        return DSL.and(conditions);
    }

    /**
     * The filter's labeled / unlabeled part as a condition on {@code span}: on the span itself when
     * LLM calls are listed, on its trace when traces are (a trace is labeled when any of its spans or
     * eval cases is, so "unlabeled" means none is). Index probes per row ({@link ReviewMarks}).
     */
    static Condition labeled(TraceFilter filter, boolean llmCalls) {
        if (filter.labeled() == null) {
            return DSL.noCondition();
        }
        Condition labeled = llmCalls ? ReviewMarks.callLabeled(SPAN.ID, SPAN.TRACE_ID) : ReviewMarks.traceLabeled(SPAN.TRACE_ID);
        return filter.labeled() ? labeled : DSL.not(labeled);
    }

    private static Condition failed() {
        return SPAN.STATUS.eq(ERROR).or(SPAN.ERROR_MESSAGE.isNotNull());
    }

    private static void addIfSet(List<Condition> conditions, Condition condition) {
        if (condition != null) {
            conditions.add(condition);
        }
    }
}
