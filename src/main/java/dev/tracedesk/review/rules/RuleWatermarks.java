package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.CHECK_RESULT;
import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.SPAN;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import dev.tracedesk.review.rules.RuleScope.IdRange;
import dev.tracedesk.store.SettingMark;

/**
 * How far the rules have looked: the highest span, eval case and check id evaluated, kept as
 * workspace settings. Ids only grow (identity columns), so "new since the last time" is "above the mark".
 */
final class RuleWatermarks {

    static final String SPAN_KEY = "review.rules.span-id-high-water";
    static final String CASE_KEY = "review.rules.case-id-high-water";
    static final String CHECK_KEY = "review.rules.check-id-high-water";

    private final DSLContext dsl;

    RuleWatermarks(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Everything there is now. */
    RuleScope everything() {
        return new RuleScope(new IdRange(0, maxSpanId()), new IdRange(0, maxCaseId()), new IdRange(0, maxCheckId()));
    }

    /** What was added since the marks (all of it when there are none yet). */
    RuleScope sinceMarks() {
        return new RuleScope(new IdRange(read(SPAN_KEY), maxSpanId()), new IdRange(read(CASE_KEY), maxCaseId()),
                new IdRange(read(CHECK_KEY), maxCheckId()));
    }

    /** Moves each mark up to the end of the scope's range; a mark never moves down. */
    void advanceTo(RuleScope scope) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            advance(tx, SPAN_KEY, scope.spans().upTo());
            advance(tx, CASE_KEY, scope.cases().upTo());
            advance(tx, CHECK_KEY, scope.checks().upTo());
        });
    }

    long read(String key) {
        return new SettingMark(dsl, key).read();
    }

    private static void advance(DSLContext tx, String key, long mark) {
        new SettingMark(tx, key).advanceTo(tx, mark);
    }

    private long maxSpanId() {
        return max(dsl.select(DSL.max(SPAN.ID)).from(SPAN).fetchOne(0, Long.class));
    }

    private long maxCaseId() {
        return max(dsl.select(DSL.max(EVAL_CASE.ID)).from(EVAL_CASE).fetchOne(0, Long.class));
    }

    private long maxCheckId() {
        return max(dsl.select(DSL.max(CHECK_RESULT.ID)).from(CHECK_RESULT).fetchOne(0, Long.class));
    }

    private static long max(Long value) {
        return value == null ? 0 : value;
    }
}
