package dev.tracedesk.evals;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.SPAN;

import java.util.HashMap;
import java.util.Map;

import org.jooq.DSLContext;

/**
 * The span each case of a run was linked to, by the span's external id: "open trace" goes straight
 * to the call the case graded instead of the trace's first call.
 */
final class EvalCaseSpans {

    private EvalCaseSpans() {
    }

    /** Case id → external span id, for the cases of the run that have a linked span. */
    static Map<Long, String> ofRun(DSLContext dsl, long runId) {
        Map<Long, String> spans = new HashMap<>();
        dsl.select(EVAL_CASE.ID, SPAN.EXTERNAL_SPAN_ID)
                .from(EVAL_CASE)
                .join(SPAN).on(SPAN.ID.eq(EVAL_CASE.SPAN_ID))
                .where(EVAL_CASE.EVAL_RUN_ID.eq(runId))
                .forEach(row -> spans.put(row.value1(), row.value2()));
        return spans;
    }
}
