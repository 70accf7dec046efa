package dev.tracedesk.review.rules;

import static dev.tracedesk.review.rules.BudgetCalls.COST;
import static dev.tracedesk.review.rules.BudgetCalls.DAY;
import static dev.tracedesk.review.rules.BudgetCalls.DURATION_NS;
import static dev.tracedesk.review.rules.BudgetCalls.GROUP_KEY;
import static dev.tracedesk.review.rules.BudgetCalls.NANOS_PER_MILLI;
import static dev.tracedesk.review.rules.BudgetCalls.SPAN_ID;
import static dev.tracedesk.review.rules.BudgetCalls.START_NS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import dev.tracedesk.review.rules.RuleConfig.CallScope;
import dev.tracedesk.review.rules.RuleConfig.DailyCostAbove;
import dev.tracedesk.review.rules.RuleConfig.P95LatencyAbove;
import dev.tracedesk.review.rules.RuleScope.IdRange;

/**
 * The daily budgets (decision 0022) on {@code llm_call}: which (group, UTC day)s new calls fell
 * into, and for one day, its breaches, aggregated in SQL over all of that day's calls of those
 * groups — not only the new ones, since a late call changes the whole day's p95 or total.
 */
final class DailyBudgetQueries {

    static final Field<BigDecimal> P95_NS = DSL.field(DSL.name("p95_ns"), BigDecimal.class);
    static final Field<BigDecimal> RUNNING = DSL.field(DSL.name("running_usd"), BigDecimal.class);
    static final Field<BigDecimal> DAY_TOTAL = DSL.field(DSL.name("day_total_usd"), BigDecimal.class);
    private static final Field<Integer> ORDINAL = DSL.field(DSL.name("ordinal"), Integer.class);

    private final DSLContext dsl;

    DailyBudgetQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** UTC day number → the group keys of the budget's calls with span ids in the window. */
    Map<Long, Set<String>> daysTouched(CallScope scope, IdRange spans) {
        Table<?> calls = BudgetCalls.table(scope, BudgetCalls.spanIdIn(spans), "c");
        Map<Long, Set<String>> days = new TreeMap<>();
        dsl.selectDistinct(calls.field(DAY), calls.field(GROUP_KEY)).from(calls)
                .forEach(row -> days.computeIfAbsent(row.value1(), day -> new TreeSet<>()).add(row.value2()));
        return days;
    }

    /**
     * The day's calls, of these groups, slower than the budget in a group whose p95 that day is
     * over it. Two queries — the day's breached groups, then their slow calls — because H2 does
     * not materialize a joined aggregate and would compute it again for every call.
     */
    List<RuleMatch> overP95(P95LatencyAbove budget, long day, Set<String> keys) {
        Condition ofTheDay = BudgetCalls.startedOn(day).and(BudgetCalls.groupIn(budget, keys));
        long budgetNs = budget.budgetMs() * NANOS_PER_MILLI;
        Table<?> p95 = p95ByGroupAndDay(budget, ofTheDay, "s");
        Map<String, BigDecimal> breached = new TreeMap<>();
        dsl.select(p95.field(GROUP_KEY), p95.field(P95_NS)).from(p95).where(p95.field(P95_NS).gt(BigDecimal.valueOf(budgetNs)))
                .forEach(row -> breached.put(row.value1(), row.value2()));
        if (breached.isEmpty()) {
            return List.of();
        }
        Table<?> calls = BudgetCalls.table(budget, BudgetCalls.startedOn(day).and(BudgetCalls.groupIn(budget, breached.keySet())), "c");
        List<RuleMatch> matches = new ArrayList<>();
        for (Record row : dsl.select(calls.field(SPAN_ID), calls.field(DURATION_NS), calls.field(GROUP_KEY)).from(calls)
                .where(calls.field(DURATION_NS).gt(budgetNs)).fetch()) {
            String key = row.get(2, String.class);
            matches.add(new RuleMatch(TargetKind.SPAN, row.get(0, Long.class), "p95 of " + key + " on "
                    + BudgetCalls.date(day) + " was " + millis(breached.get(key)) + ", over the "
                    + RuleNumbers.duration(budget.budgetMs()) + " budget; this call " + millis(row.get(1, Long.class))));
        }
        return matches;
    }

    /** The one call per group at which the day's running cost first went over the budget. */
    List<RuleMatch> overDailyCost(DailyCostAbove budget, long day, Set<String> keys) {
        Condition ofTheDay = BudgetCalls.startedOn(day).and(BudgetCalls.groupIn(budget, keys));
        Table<?> over = callsOverDailyCost(budget, ofTheDay);
        Table<?> first = DSL.select(over.asterisk(), DSL.rowNumber().over(DSL.partitionBy(over.field(GROUP_KEY))
                        .orderBy(over.field(START_NS), over.field(SPAN_ID))).as(ORDINAL.getName()))
                .from(over).asTable("f");
        List<RuleMatch> matches = new ArrayList<>();
        for (Record row : dsl.select(first.field(SPAN_ID), first.field(GROUP_KEY), first.field(RUNNING), first.field(DAY_TOTAL))
                .from(first).where(first.field(ORDINAL).eq(1)).fetch()) {
            matches.add(new RuleMatch(TargetKind.SPAN, row.get(0, Long.class), "cost of " + row.get(1, String.class) + " on "
                    + BudgetCalls.date(day) + " reached " + RuleNumbers.dollars(row.get(2, BigDecimal.class))
                    + " at this call, over the " + RuleNumbers.dollars(budget.budgetUsd()) + " budget (day total "
                    + RuleNumbers.dollars(row.get(3, BigDecimal.class)) + ")"));
        }
        return matches;
    }

    /**
     * Per group and UTC day of the calls matching {@code where}: the nearest-rank p95 of their
     * latency and how many were slower than the budget. Calls without a duration are not counted.
     * Ranked with ROW_NUMBER, not PERCENTILE_DISC, which H2 computes a rank low for some counts
     * (decision 0021, {@code store.NearestRank}).
     */
    static Table<?> p95ByGroupAndDay(P95LatencyAbove budget, Condition where, String alias) {
        Table<?> calls = BudgetCalls.table(budget, where, "p");
        long budgetNs = budget.budgetMs() * NANOS_PER_MILLI;
        Field<Long> duration = calls.field(DURATION_NS);
        Table<?> ranked = DSL.select(calls.field(GROUP_KEY), calls.field(DAY), duration,
                        DSL.rowNumber().over(DSL.partitionBy(calls.field(GROUP_KEY), calls.field(DAY)).orderBy(duration))
                                .as("latency_rank"),
                        DSL.count().over(DSL.partitionBy(calls.field(GROUP_KEY), calls.field(DAY))).as("day_calls"))
                .from(calls)
                .where(duration.isNotNull())
                .asTable("ranked_" + alias);
        Field<Long> rank = ranked.field("latency_rank", Long.class);
        Field<Long> count = ranked.field("day_calls").cast(Long.class);
        Field<Long> rankedDuration = ranked.field(DURATION_NS);
        // ⌈0.95·n⌉ in integers.
        Field<Long> p95Rank = count.mul(DSL.inline(95L)).plus(DSL.inline(99L)).div(DSL.inline(100L));
        return DSL.select(ranked.field(GROUP_KEY), ranked.field(DAY),
                        DSL.max(DSL.when(rank.eq(p95Rank), rankedDuration)).cast(BigDecimal.class).as(P95_NS.getName()),
                        DSL.count(DSL.when(rankedDuration.gt(budgetNs), DSL.inline(1))).as("over_budget"))
                .from(ranked)
                .groupBy(ranked.field(GROUP_KEY), ranked.field(DAY))
                .asTable(alias);
    }

    /**
     * The calls matching {@code where} made once their group's running cost that UTC day (in start
     * order, span id breaking ties) was over the budget, with the running and the day's total.
     */
    static Table<?> callsOverDailyCost(DailyCostAbove budget, Condition where) {
        Table<?> calls = BudgetCalls.table(budget, where, "c");
        Field<String> key = calls.field(GROUP_KEY);
        Field<Long> day = calls.field(DAY);
        Table<?> running = DSL.select(calls.field(SPAN_ID), calls.field(START_NS), key, day, calls.field(COST),
                        DSL.sum(calls.field(COST)).over(DSL.partitionBy(key, day).orderBy(calls.field(START_NS), calls.field(SPAN_ID))
                                .rowsUnboundedPreceding()).as(RUNNING.getName()),
                        DSL.sum(calls.field(COST)).over(DSL.partitionBy(key, day)).as(DAY_TOTAL.getName()))
                .from(calls)
                .asTable("r");
        return DSL.select(running.asterisk()).from(running)
                .where(running.field(RUNNING).gt(budget.budgetUsd()))
                .asTable("o");
    }

    private static String millis(Number nanos) {
        return RuleNumbers.duration(nanos.doubleValue() / NANOS_PER_MILLI);
    }
}
