package dev.tracedesk.review.rules;

import static dev.tracedesk.review.rules.BudgetCalls.COST;
import static dev.tracedesk.review.rules.BudgetCalls.DAY;
import static dev.tracedesk.review.rules.BudgetCalls.DAY_NS;
import static dev.tracedesk.review.rules.BudgetCalls.DURATION_NS;
import static dev.tracedesk.review.rules.BudgetCalls.GROUP_KEY;
import static dev.tracedesk.review.rules.BudgetCalls.NANOS_PER_MILLI;
import static dev.tracedesk.review.rules.DailyBudgetQueries.DAY_TOTAL;
import static dev.tracedesk.review.rules.DailyBudgetQueries.P95_NS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.review.rules.RuleConfig.CallScope;
import dev.tracedesk.review.rules.RuleConfig.CostAbove;
import dev.tracedesk.review.rules.RuleConfig.DailyCostAbove;
import dev.tracedesk.review.rules.RuleConfig.LatencyAbove;
import dev.tracedesk.review.rules.RuleConfig.P95LatencyAbove;

/**
 * Where the budget rules (decision 0022) are broken, for the Insights dashboard: every
 * LATENCY_ABOVE, COST_ABOVE, P95_LATENCY_ABOVE and DAILY_COST_ABOVE rule, on or off, measured
 * against the LLM calls in {@code llm_call} — the same numbers the rules flag with, whether or not
 * they have been applied. One aggregate query per rule; a rule whose config cannot be read is left out.
 */
public final class BudgetBreaches {

    /**
     * One broken budget. Per-call budgets: one per group ({@code day} null), {@code measured} the
     * worst call. Daily budgets: one per (group, UTC day), {@code measured} the day's p95 or total.
     * Latency in milliseconds, cost in US dollars; {@code callsOverBudget} is the calls slower or
     * costlier than the budget (daily cost: the calls made once the day's total was over it).
     */
    public record Breach(long ruleId, String ruleName, RuleType type, boolean ruleEnabled, CallGrouping groupBy,
                         String groupKey, LocalDate day, BigDecimal measured, BigDecimal budget, long callsOverBudget) {

        /** "ms" or "USD", the unit of {@code measured} and {@code budget}. */
        public String unit() {
            return type == RuleType.LATENCY_ABOVE || type == RuleType.P95_LATENCY_ABOVE ? "ms" : "USD";
        }
    }

    private static final Field<Long> OVER = DSL.field(DSL.name("over_budget"), Long.class);
    private static final Field<BigDecimal> WORST = DSL.field(DSL.name("worst"), BigDecimal.class);

    private final DSLContext dsl;

    public BudgetBreaches(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The breaches among calls that started in [fromNs, toNs) (null: open). Daily budgets look at
     * the whole UTC days the range touches, so a day's p95 and total are the ones the rule uses.
     * Sorted by rule id, day, group.
     */
    public List<Breach> breaches(Long fromNs, Long toNs) {
        List<Breach> breaches = new ArrayList<>();
        for (FlagRule rule : new FlagRules(dsl).list()) {
            RuleConfig config;
            try {
                config = rule.config();
            } catch (RuleConfigException unreadable) {
                continue;
            }
            if (config instanceof LatencyAbove c) {
                perCall(rule, c, DSL.field(DURATION_NS.getName(), BigDecimal.class), BigDecimal.valueOf(c.budgetMs() * NANOS_PER_MILLI),
                        BigDecimal.valueOf(c.budgetMs()), true, fromNs, toNs, breaches);
            } else if (config instanceof CostAbove c) {
                perCall(rule, c, COST, c.budgetUsd(), c.budgetUsd(), false, fromNs, toNs, breaches);
            } else if (config instanceof P95LatencyAbove c) {
                p95(rule, c, wholeDays(fromNs, toNs), breaches);
            } else if (config instanceof DailyCostAbove c) {
                dailyCost(rule, c, wholeDays(fromNs, toNs), breaches);
            }
        }
        breaches.sort(Comparator.comparingLong(Breach::ruleId)
                .thenComparing(Breach::day, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Breach::groupKey));
        return breaches;
    }

    private void perCall(FlagRule rule, CallScope scope, Field<BigDecimal> valueColumn, BigDecimal threshold, BigDecimal budget,
                         boolean latency, Long fromNs, Long toNs, List<Breach> breaches) {
        Table<?> calls = BudgetCalls.table(scope, BudgetCalls.startedBetween(fromNs, toNs), "c");
        Field<BigDecimal> value = calls.field(valueColumn.getName(), BigDecimal.class);
        for (Record row : dsl.select(calls.field(GROUP_KEY), DSL.max(value).as(WORST.getName()), DSL.count().as(OVER.getName()))
                .from(calls).where(value.gt(threshold)).groupBy(calls.field(GROUP_KEY)).fetch()) {
            BigDecimal worst = row.get(WORST.getName(), BigDecimal.class);
            breaches.add(breach(rule, scope, row.get(GROUP_KEY.getName(), String.class), null, latency ? millis(worst) : worst, budget, count(row)));
        }
    }

    private void p95(FlagRule rule, P95LatencyAbove budget, Condition days, List<Breach> breaches) {
        Table<?> p95 = DailyBudgetQueries.p95ByGroupAndDay(budget, days, "s");
        for (Record row : dsl.selectFrom(p95)
                .where(p95.field(P95_NS).gt(BigDecimal.valueOf(budget.budgetMs() * NANOS_PER_MILLI))).fetch()) {
            breaches.add(breach(rule, budget, row.get(GROUP_KEY.getName(), String.class), BudgetCalls.date(row.get(DAY.getName(), Long.class)), millis(row.get(P95_NS.getName(), BigDecimal.class)),
                    BigDecimal.valueOf(budget.budgetMs()), count(row)));
        }
    }

    private void dailyCost(FlagRule rule, DailyCostAbove budget, Condition days, List<Breach> breaches) {
        Table<?> over = DailyBudgetQueries.callsOverDailyCost(budget, days);
        for (Record row : dsl.select(over.field(GROUP_KEY), over.field(DAY), DSL.max(over.field(DAY_TOTAL)).as(DAY_TOTAL.getName()),
                        DSL.count().as(OVER.getName()))
                .from(over).groupBy(over.field(GROUP_KEY), over.field(DAY)).fetch()) {
            breaches.add(breach(rule, budget, row.get(GROUP_KEY.getName(), String.class), BudgetCalls.date(row.get(DAY.getName(), Long.class)), row.get(DAY_TOTAL.getName(), BigDecimal.class),
                    budget.budgetUsd(), count(row)));
        }
    }

    private static Breach breach(FlagRule rule, CallScope scope, String groupKey, LocalDate day, BigDecimal measured,
                                 BigDecimal budget, long over) {
        return new Breach(rule.id(), rule.name(), scope.type(), rule.enabled(), scope.groupBy(), groupKey, day,
                plain(measured), plain(budget), over);
    }

    /** 2500, not 2.5E+3; 1.2, not 1.2000000000. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static long count(Record row) {
        return row.get(OVER.getName(), Long.class);
    }

    /** The range widened to whole UTC days. */
    private static Condition wholeDays(Long fromNs, Long toNs) {
        Long from = fromNs == null ? null : Math.floorDiv(fromNs, DAY_NS) * DAY_NS;
        Long to = toNs == null ? null : Math.floorDiv(toNs + DAY_NS - 1, DAY_NS) * DAY_NS;
        return BudgetCalls.startedBetween(from, to);
    }

    private static BigDecimal millis(BigDecimal nanos) {
        return nanos.movePointLeft(6);
    }
}
