package dev.tracedesk.review.rules;

import static dev.tracedesk.review.rules.BudgetCalls.COST;
import static dev.tracedesk.review.rules.BudgetCalls.DURATION_NS;
import static dev.tracedesk.review.rules.BudgetCalls.GROUP_KEY;
import static dev.tracedesk.review.rules.BudgetCalls.NANOS_PER_MILLI;
import static dev.tracedesk.review.rules.BudgetCalls.SPAN_ID;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

import dev.tracedesk.review.rules.RuleConfig.CostAbove;
import dev.tracedesk.review.rules.RuleConfig.LatencyAbove;
import dev.tracedesk.review.rules.RuleScope.IdRange;

/**
 * The per-call budgets with a group (decision 0022): LLM calls of that group only, read from
 * {@code llm_call} by span id window, so the group is named the way the dashboard names it.
 * Eval cases have no group, so a scoped budget never flags one.
 */
final class ScopedCallQueries {

    private final DSLContext dsl;

    ScopedCallQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<RuleMatch> slowerThan(LatencyAbove budget, IdRange window) {
        Table<?> calls = BudgetCalls.table(budget, BudgetCalls.spanIdIn(window), "c");
        List<RuleMatch> matches = new ArrayList<>();
        for (Record row : dsl.select(calls.field(SPAN_ID), calls.field(DURATION_NS), calls.field(GROUP_KEY)).from(calls)
                .where(calls.field(DURATION_NS).gt(budget.budgetMs() * NANOS_PER_MILLI)).fetch()) {
            matches.add(new RuleMatch(TargetKind.SPAN, row.get(0, Long.class), "latency "
                    + RuleNumbers.duration(row.get(1, Long.class) / 1e6) + " over the " + RuleNumbers.duration(budget.budgetMs())
                    + " budget of " + row.get(2, String.class)));
        }
        return matches;
    }

    List<RuleMatch> costlierThan(CostAbove budget, IdRange window) {
        Table<?> calls = BudgetCalls.table(budget, BudgetCalls.spanIdIn(window), "c");
        List<RuleMatch> matches = new ArrayList<>();
        for (Record row : dsl.select(calls.field(SPAN_ID), calls.field(COST), calls.field(GROUP_KEY)).from(calls)
                .where(calls.field(COST).gt(budget.budgetUsd())).fetch()) {
            matches.add(new RuleMatch(TargetKind.SPAN, row.get(0, Long.class), "cost " + RuleNumbers.usd(row.get(1, BigDecimal.class))
                    + " over the " + RuleNumbers.usd(budget.budgetUsd()) + " budget of " + row.get(2, String.class)));
        }
        return matches;
    }
}
