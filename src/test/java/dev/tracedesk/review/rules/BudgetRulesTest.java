package dev.tracedesk.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.review.rules.LlmCallRows.Call;
import dev.tracedesk.review.rules.RuleConfig.CostAbove;
import dev.tracedesk.review.rules.RuleConfig.DailyCostAbove;
import dev.tracedesk.review.rules.RuleConfig.LatencyAbove;
import dev.tracedesk.review.rules.RuleConfig.P95LatencyAbove;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/**
 * The budget rules (decision 0022) on generated LLM calls: what they should flag is worked out
 * here in plain Java from the generated values, never by the rules' own SQL.
 */
class BudgetRulesTest {

    static final LocalDate DAY_ONE = LocalDate.of(2026, 11, 20);
    static final LocalDate DAY_TWO = LocalDate.of(2026, 11, 21);

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private interface Body {
        void run(RuleRows rows, LlmCallRows calls, FlagRules rules, RuleApplier applier);
    }

    private void inWorkspace(String engine, Body body) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            RuleRows rows = new RuleRows(workspace.dsl());
            rows.disableAllRules();
            body.run(rows, new LlmCallRows(workspace.dsl()), new FlagRules(workspace.dsl()), new RuleApplier(workspace.dsl()));
        }
    }

    /** Nearest rank: the ⌈0.95 n⌉-th smallest. */
    static long p95(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aDayWhoseP95IsOverBudgetFlagsItsSlowCallsPerModelAndADayUnderBudgetFlagsNone(String engine) {
        inWorkspace(engine, (rows, calls, rules, applier) -> {
            Random random = new Random(8);
            for (LocalDate day : List.of(DAY_ONE, DAY_TWO)) {
                for (String model : List.of("gpt-4o", "claude")) {
                    // gpt-4o is slow on day one only: its tail there is far above the budget
                    boolean slowDay = model.equals("gpt-4o") && day.equals(DAY_ONE);
                    for (int i = 0; i < 40; i++) {
                        long millis = 200 + random.nextInt(1_500) + (slowDay && i % 8 == 0 ? 2_000 + random.nextInt(2_000) : 0);
                        calls.call(model, day, (i + 1) * 60_000_000_000L + random.nextInt(1_000), millis, null);
                    }
                }
            }
            // one very slow call on day two does not move its day's p95
            Call lonelySlow = calls.call("gpt-4o", DAY_TWO, 23 * LlmCallRows.HOUR_NS, 9_000, null);
            calls.refresh();
            FlagRule rule = rules.create("p95 by model", new P95LatencyAbove(2_000, CallGrouping.MODEL, null), true);

            applier.applyNew();

            Map<Long, String> expected = new TreeMap<>();
            Map<String, List<Call>> byGroupAndDay = calls.calls().stream()
                    .collect(Collectors.groupingBy(call -> call.model() + "|" + call.day(), LinkedHashMap::new, Collectors.toList()));
            int breachedDays = 0;
            for (List<Call> group : byGroupAndDay.values()) {
                long p95 = p95(group.stream().map(Call::durationMs).toList());
                if (p95 > 2_000) {
                    breachedDays++;
                    group.stream().filter(call -> call.durationMs() > 2_000).forEach(call -> expected.put(call.spanId(),
                            "p95 of " + call.model() + " on " + call.day() + " was " + RuleNumbers.duration(p95)
                                    + ", over the 2 s budget; this call " + RuleNumbers.duration(call.durationMs())));
                }
            }
            assertThat(breachedDays).isEqualTo(1);
            assertThat(expected).hasSizeGreaterThanOrEqualTo(2).doesNotContainKey(lonelySlow.spanId());
            assertThat(details(rows, rule)).isEqualTo(expected);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theDailyCostBudgetFlagsTheCallAtWhichTheRunningTotalFirstWentOver(String engine) {
        inWorkspace(engine, (rows, calls, rules, applier) -> {
            calls.call("gpt-4o", "openai", DAY_ONE, 9 * LlmCallRows.HOUR_NS, 100, "0.40", "REPORTED");
            calls.call("gpt-4o", "openai", DAY_ONE, 10 * LlmCallRows.HOUR_NS, 100, "0.30", "ESTIMATED");
            // two calls at the same instant: the lower span id counts first, so the first of them crosses
            Call crossing = calls.call("gpt-4o", "openai", DAY_ONE, 11 * LlmCallRows.HOUR_NS, 100, "0.35", "REPORTED");
            calls.call("gpt-4o", "openai", DAY_ONE, 11 * LlmCallRows.HOUR_NS, 100, "0.20", "ESTIMATED");
            calls.call("gpt-4o", "openai", DAY_ONE, 12 * LlmCallRows.HOUR_NS, 100, null, null);
            calls.call("gpt-4o", "openai", DAY_ONE, 13 * LlmCallRows.HOUR_NS, 100, "0.55", "REPORTED");
            // started before the others but inserted last: start order, not id order, makes the running total
            calls.call("gpt-4o", "openai", DAY_ONE, 1 * LlmCallRows.HOUR_NS, 100, "0.10", "REPORTED");
            calls.call("claude", "anthropic", DAY_ONE, 9 * LlmCallRows.HOUR_NS, 100, "0.90", "REPORTED");
            calls.call("gpt-4o", "openai", DAY_TWO, 9 * LlmCallRows.HOUR_NS, 100, "0.99", "REPORTED");
            calls.refresh();
            FlagRule rule = rules.create("daily cost", new DailyCostAbove(new BigDecimal("1.00"), CallGrouping.MODEL, null), true);

            applier.applyAll();

            Map<Long, String> expected = expectedCrossings(calls.calls(), Call::model, new BigDecimal("1.00"));
            assertThat(expected.keySet()).containsExactly(crossing.spanId());
            assertThat(details(rows, rule)).isEqualTo(expected).containsEntry(crossing.spanId(),
                    "cost of gpt-4o on 2026-11-20 reached $1.15 at this call, over the $1.00 budget (day total $1.90)");

            // all calls together, one group: claude's call now pushes day one over first
            FlagRule together = rules.create("daily cost, all calls", new DailyCostAbove(new BigDecimal("1.00"), CallGrouping.NONE, null), true);
            applier.applyAll();
            Map<Long, String> all = expectedCrossings(calls.calls(), call -> CallGrouping.ALL, new BigDecimal("1.00"));
            assertThat(all).hasSize(1).doesNotContainKey(crossing.spanId());
            assertThat(details(rows, together)).isEqualTo(all);
        });
    }

    /** Per group and day, in start order then span id, the call at which the running total first exceeds the budget. */
    static Map<Long, String> expectedCrossings(List<Call> calls, Function<Call, String> group, BigDecimal budget) {
        Map<Long, String> expected = new TreeMap<>();
        Map<String, List<Call>> byGroupAndDay = calls.stream().sorted(Comparator.comparingLong(Call::startNs).thenComparingLong(Call::spanId))
                .collect(Collectors.groupingBy(call -> group.apply(call) + "|" + call.day(), LinkedHashMap::new, Collectors.toList()));
        for (List<Call> day : byGroupAndDay.values()) {
            BigDecimal total = day.stream().map(Call::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal running = BigDecimal.ZERO;
            for (Call call : day) {
                running = running.add(call.costUsd());
                if (running.compareTo(budget) > 0) {
                    expected.put(call.spanId(), "cost of " + group.apply(call) + " on " + call.day() + " reached "
                            + RuleNumbers.dollars(running) + " at this call, over the " + RuleNumbers.dollars(budget)
                            + " budget (day total " + RuleNumbers.dollars(total) + ")");
                    break;
                }
            }
        }
        return expected;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aScopedPerCallBudgetLooksAtItsGroupsLlmCallsOnlyAndAnUnscopedOneAtEveryCallAndCase(String engine) {
        inWorkspace(engine, (rows, calls, rules, applier) -> {
            Call slowGpt = calls.call("gpt-4o", "openai", DAY_ONE, LlmCallRows.HOUR_NS, 1_600, "0.02", "REPORTED");
            Call quickGpt = calls.call("gpt-4o", "openai", DAY_ONE, 2 * LlmCallRows.HOUR_NS, 900, "0.20", "ESTIMATED");
            Call slowClaude = calls.call("claude", "anthropic", DAY_ONE, 3 * LlmCallRows.HOUR_NS, 2_500, "0.30", "REPORTED");
            long slowCase = rows.evalCase(rows.run(), "PASS", 5_000L, "1.00");
            calls.refresh();
            FlagRule scoped = rules.create("slow gpt-4o", new LatencyAbove(1_000, CallGrouping.MODEL, "gpt-4o"), true);
            FlagRule unscoped = rules.create("slow anything", new LatencyAbove(1_000), true);
            FlagRule costly = rules.create("costly anthropic", new CostAbove(new BigDecimal("0.10"), CallGrouping.PROVIDER, "anthropic"), true);

            applier.applyAll();

            assertThat(details(rows, scoped)).containsOnly(Map.entry(slowGpt.spanId(), "latency 1.6 s over the 1 s budget of gpt-4o"));
            assertThat(details(rows, unscoped)).containsOnlyKeys(slowGpt.spanId(), slowClaude.spanId());
            assertThat(details(rows, costly)).containsOnly(Map.entry(slowClaude.spanId(), "cost $0.3 over the $0.1 budget of anthropic"));
            assertThat(rows.flagged(TargetKind.EVAL_CASE)).containsOnly(Map.entry(slowCase, List.of("slow anything")));
            assertThat(rows.flagged(TargetKind.SPAN)).doesNotContainKey(quickGpt.spanId());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void applyingNewCallsJudgesTheirWholeDayAgainOldCallsIncludedWithoutDuplicatingItems(String engine) {
        inWorkspace(engine, (rows, calls, rules, applier) -> {
            FlagRule p95Rule = rules.create("p95", new P95LatencyAbove(2_000, CallGrouping.MODEL, "gpt-4o"), true);
            FlagRule costRule = rules.create("cost", new DailyCostAbove(new BigDecimal("1.00"), CallGrouping.NONE, null), true);
            List<Call> first = new ArrayList<>();
            for (int i = 0; i < 19; i++) {
                first.add(calls.call("gpt-4o", DAY_ONE, (12 + i % 6) * LlmCallRows.HOUR_NS + i, 100, "0.04"));
            }
            Call oldSlow = calls.call("gpt-4o", DAY_ONE, 18 * LlmCallRows.HOUR_NS, 2_500, "0.05");
            calls.refresh();
            applier.applyNew();
            // 20 calls, the 19th smallest is 100 ms; $0.81 in all: nothing yet
            assertThat(rows.flagged(TargetKind.SPAN)).isEmpty();

            List<Call> second = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                second.add(calls.call("gpt-4o", DAY_ONE, 20 * LlmCallRows.HOUR_NS + i, 3_000, "0.01"));
            }
            // earlier in the day than all the others: the running total now goes over at an old call
            Call early = calls.call("gpt-4o", DAY_ONE, LlmCallRows.HOUR_NS, 100, "0.30");
            calls.refresh();
            applier.applyNew();

            long p95 = p95(calls.calls().stream().map(Call::durationMs).toList());
            assertThat(p95).isEqualTo(3_000);
            Map<Long, String> expectedSlow = new TreeMap<>();
            for (Call call : calls.calls()) {
                if (call.durationMs() > 2_000) {
                    expectedSlow.put(call.spanId(), "p95 of gpt-4o on 2026-11-20 was 3 s, over the 2 s budget; this call "
                            + RuleNumbers.duration(call.durationMs()));
                }
            }
            assertThat(details(rows, p95Rule)).isEqualTo(expectedSlow).containsKey(oldSlow.spanId());
            Map<Long, String> expectedCost = expectedCrossings(calls.calls(), call -> CallGrouping.ALL, new BigDecimal("1.00"));
            assertThat(expectedCost).hasSize(1).doesNotContainKey(early.spanId());
            assertThat(first.stream().map(Call::spanId)).contains(expectedCost.keySet().iterator().next());
            assertThat(details(rows, costRule)).isEqualTo(expectedCost);

            int items = rows.flagged(TargetKind.SPAN).size();
            ApplyResult again = applier.applyAll();
            assertThat(again.itemsCreated()).isZero();
            assertThat(again.itemsUpdated()).isZero();
            assertThat(rows.flagged(TargetKind.SPAN)).hasSize(items);
            assertThat(applier.applyNew().byRule()).allSatisfy(outcome -> assertThat(outcome.matched()).isZero());
        });
    }

    /** The rule's reason detail on each span it flagged in the Flagged queue. */
    static Map<Long, String> details(RuleRows rows, FlagRule rule) {
        Map<Long, String> details = new TreeMap<>();
        rows.flagged(TargetKind.SPAN).keySet().forEach(span -> rows.reasons(TargetKind.SPAN, span).stream()
                .filter(reason -> reason.ruleId() == rule.id()).findFirst()
                .ifPresent(reason -> details.put(span, reason.detail())));
        return details;
    }
}
