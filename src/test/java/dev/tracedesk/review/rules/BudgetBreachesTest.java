package dev.tracedesk.review.rules;

import static dev.tracedesk.review.rules.BudgetRulesTest.DAY_ONE;
import static dev.tracedesk.review.rules.BudgetRulesTest.DAY_TWO;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.review.rules.BudgetBreaches.Breach;
import dev.tracedesk.review.rules.LlmCallRows.Call;
import dev.tracedesk.review.rules.RuleConfig.CostAbove;
import dev.tracedesk.review.rules.RuleConfig.DailyCostAbove;
import dev.tracedesk.review.rules.RuleConfig.LatencyAbove;
import dev.tracedesk.review.rules.RuleConfig.P95LatencyAbove;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/** The dashboard's view of the budgets, checked against numbers worked out in Java from the generated calls. */
class BudgetBreachesTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyBudgetRuleOnOrOffListsItsBreachesPerGroupAndDayWithTheMeasuredValueAndTheCallsOver(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            RuleRows rows = new RuleRows(workspace.dsl());
            rows.disableAllRules();
            LlmCallRows calls = new LlmCallRows(workspace.dsl());
            Random random = new Random(22);
            for (LocalDate day : List.of(DAY_ONE, DAY_TWO)) {
                for (String model : List.of("gpt-4o", "claude")) {
                    for (int i = 0; i < 30; i++) {
                        long millis = 100 + random.nextInt(3_000);
                        String cost = BigDecimal.valueOf(random.nextInt(900) + 1, 4).toPlainString();
                        calls.call(model, day, (i + 1) * 1_000_000_000_000L, millis, cost);
                    }
                }
            }
            calls.refresh();
            FlagRules rules = new FlagRules(workspace.dsl());
            FlagRule p95 = rules.create("p95", new P95LatencyAbove(2_500, CallGrouping.MODEL, null), false);
            FlagRule daily = rules.create("daily", new DailyCostAbove(new BigDecimal("1.20"), CallGrouping.MODEL, "gpt-4o"), true);
            FlagRule slow = rules.create("slow claude", new LatencyAbove(2_900, CallGrouping.MODEL, "claude"), true);
            FlagRule costly = rules.create("costly", new CostAbove(new BigDecimal("0.0850")), false);

            List<Breach> breaches = new BudgetBreaches(workspace.dsl()).breaches(null, null);
            // the seeded budgets are off, and still listed: the dashboard shows what they would flag
            assertThat(breaches).filteredOn(breach -> breach.ruleName().equals("Costly call")).singleElement()
                    .satisfies(breach -> assertThat(breach.ruleEnabled()).isFalse());
            breaches = breaches.stream().filter(breach -> breach.ruleId() >= p95.id()).toList();

            List<Breach> expected = new ArrayList<>();
            List<Call> all = calls.calls();
            for (LocalDate day : List.of(DAY_ONE, DAY_TWO)) {
                for (String model : List.of("claude", "gpt-4o")) {
                    List<Call> group = all.stream().filter(call -> call.day().equals(day) && call.model().equals(model)).toList();
                    long value = BudgetRulesTest.p95(group.stream().map(Call::durationMs).toList());
                    if (value > 2_500) {
                        expected.add(new Breach(p95.id(), "p95", RuleType.P95_LATENCY_ABOVE, false, CallGrouping.MODEL, model, day,
                                BigDecimal.valueOf(value), BigDecimal.valueOf(2_500),
                                group.stream().filter(call -> call.durationMs() > 2_500).count()));
                    }
                    BigDecimal total = group.stream().map(Call::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (model.equals("gpt-4o") && total.compareTo(new BigDecimal("1.20")) > 0) {
                        BigDecimal running = BigDecimal.ZERO;
                        long over = 0;
                        for (Call call : group.stream().sorted(Comparator.comparingLong(Call::startNs)).toList()) {
                            running = running.add(call.costUsd());
                            over += running.compareTo(new BigDecimal("1.20")) > 0 ? 1 : 0;
                        }
                        expected.add(new Breach(daily.id(), "daily", RuleType.DAILY_COST_ABOVE, true, CallGrouping.MODEL, model, day,
                                total.stripTrailingZeros(), new BigDecimal("1.2"), over));
                    }
                }
            }
            List<Call> slowClaude = all.stream().filter(call -> call.model().equals("claude") && call.durationMs() > 2_900).toList();
            expected.add(new Breach(slow.id(), "slow claude", RuleType.LATENCY_ABOVE, true, CallGrouping.MODEL, "claude", null,
                    BigDecimal.valueOf(slowClaude.stream().mapToLong(Call::durationMs).max().orElseThrow()),
                    BigDecimal.valueOf(2_900), slowClaude.size()));
            List<Call> costlyCalls = all.stream().filter(call -> call.costUsd().compareTo(new BigDecimal("0.085")) > 0).toList();
            expected.add(new Breach(costly.id(), "costly", RuleType.COST_ABOVE, false, CallGrouping.NONE, CallGrouping.ALL, null,
                    costlyCalls.stream().map(Call::costUsd).max(Comparator.naturalOrder()).orElseThrow().stripTrailingZeros(),
                    new BigDecimal("0.085"), costlyCalls.size()));
            expected.sort(Comparator.comparingLong(Breach::ruleId)
                    .thenComparing(Breach::day, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Breach::groupKey));

            assertThat(expected).extracting(Breach::type).contains(RuleType.P95_LATENCY_ABOVE, RuleType.DAILY_COST_ABOVE);
            assertThat(breaches).usingRecursiveFieldByFieldElementComparator(
                    org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                    .containsExactlyElementsOf(expected);

            // a range inside day two: per-call budgets count its calls only, daily ones the whole of day two
            long dayTwoStart = DAY_TWO.toEpochDay() * LlmCallRows.DAY_NS;
            List<Breach> dayTwo = new BudgetBreaches(workspace.dsl()).breaches(dayTwoStart + 1, dayTwoStart + 20_000_000_000_000L);
            assertThat(dayTwo).filteredOn(breach -> breach.day() != null).allSatisfy(breach -> assertThat(breach.day()).isEqualTo(DAY_TWO))
                    .containsAll(expected.stream().filter(breach -> DAY_TWO.equals(breach.day())).toList());
            long slowClaudeInRange = slowClaude.stream().filter(call -> call.day().equals(DAY_TWO)
                    && call.startNs() >= dayTwoStart + 1 && call.startNs() < dayTwoStart + 20_000_000_000_000L).count();
            assertThat(dayTwo).filteredOn(breach -> breach.ruleId() == slow.id()).extracting(Breach::callsOverBudget)
                    .isEqualTo(slowClaudeInRange == 0 ? List.of() : List.of(slowClaudeInRange));
        }
    }
}
