package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

import dev.tracedesk.review.rules.RuleConfig.CallScope;
import dev.tracedesk.store.CallGroupKeys;

/**
 * The {@code llm_call} rows a budget looks at, as a derived table with its group key and UTC day
 * worked out, so the budget queries group and join on plain columns. Each use builds its own
 * {@code SELECT … FROM llm_call}: {@link CallGroupKeys#keyOf} names the unaliased table, and a
 * subquery of its own keeps each reference inside its own scope.
 */
final class BudgetCalls {

    static final long DAY_NS = 86_400_000_000_000L;
    static final long NANOS_PER_MILLI = 1_000_000L;

    static final Field<Long> SPAN_ID = DSL.field(DSL.name("span_id"), Long.class);
    static final Field<Long> START_NS = DSL.field(DSL.name("start_ns"), Long.class);
    static final Field<Long> DURATION_NS = DSL.field(DSL.name("duration_ns"), Long.class);
    /** Reported and estimated together: a call has one or the other (migration V9). */
    static final Field<BigDecimal> COST = DSL.field(DSL.name("cost_usd"), BigDecimal.class);
    static final Field<String> GROUP_KEY = DSL.field(DSL.name("group_key"), String.class);
    static final Field<Long> DAY = DSL.field(DSL.name("day_no"), Long.class);

    private BudgetCalls() {
    }

    /** The calls matching {@code where}, in the budget's grouping, only its group when it names one. */
    static Select<?> select(CallScope scope, Condition where) {
        Field<String> key = CallGroupKeys.keyOf(scope.groupBy());
        return DSL.select(LLM_CALL.SPAN_ID.as(SPAN_ID.getName()), LLM_CALL.START_NS.as(START_NS.getName()),
                        LLM_CALL.DURATION_NS.as(DURATION_NS.getName()), cost().as(COST.getName()), key.as(GROUP_KEY.getName()),
                        LLM_CALL.START_NS.div(DSL.inline(DAY_NS)).as(DAY.getName()))
                .from(LLM_CALL)
                .where(where)
                .and(scope.groupKey() == null ? DSL.noCondition() : key.eq(scope.groupKey()));
    }

    /** {@link #select} as a derived table named {@code alias}. */
    static Table<?> table(CallScope scope, Condition where, String alias) {
        return select(scope, where).asTable(alias);
    }

    /** Calls whose span id is in the window (a primary-key range). */
    static Condition spanIdIn(RuleScope.IdRange window) {
        return LLM_CALL.SPAN_ID.gt(window.after()).and(LLM_CALL.SPAN_ID.le(window.upTo()));
    }

    /** Calls that started on the UTC day (through the start index). */
    static Condition startedOn(long day) {
        return LLM_CALL.START_NS.ge(day * DAY_NS).and(LLM_CALL.START_NS.lt((day + 1) * DAY_NS));
    }

    /** Calls of these groups only. */
    static Condition groupIn(CallScope scope, Collection<String> keys) {
        return CallGroupKeys.keyOf(scope.groupBy()).in(keys);
    }

    /** Calls that started in [fromNs, toNs); either end may be open. */
    static Condition startedBetween(Long fromNs, Long toNs) {
        return (fromNs == null ? DSL.noCondition() : LLM_CALL.START_NS.ge(fromNs))
                .and(toNs == null ? DSL.noCondition() : LLM_CALL.START_NS.lt(toNs));
    }

    static Field<BigDecimal> cost() {
        return DSL.coalesce(LLM_CALL.COST_REPORTED_USD, DSL.inline(BigDecimal.ZERO))
                .plus(DSL.coalesce(LLM_CALL.COST_ESTIMATED_USD, DSL.inline(BigDecimal.ZERO)));
    }

    static LocalDate date(long day) {
        return LocalDate.ofEpochDay(day);
    }
}
