package dev.tracedesk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.store.calls.LlmCallFacts;
import dev.tracedesk.insights.GeneratedCalls.Call;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/**
 * The hourly rollups against figures computed here from the generated calls: sums exact, and
 * percentiles within 2.5 % of the nearest rank; the exact path equal to it. Rollups follow calls
 * added later to hours already rolled up.
 */
class RollupQueriesTest {

    private static final long T0 = 1_764_000_000_000_000_000L; // 2025-11-24T16:00Z, a whole hour
    private static final long HOUR = 3_600_000_000_000L;

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void rollupsMatchFiguresComputedFromTheCallsAndFollowLaterCalls(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            GeneratedCalls generated = new GeneratedCalls(workspace.dsl());
            generated.addMany(500, T0 + 1_000_000L, 30_000_000_000L, 7); // 500 calls, one every 30 s: about 4 hours
            new LlmCallFacts(workspace.dsl()).refresh();
            InsightsQueries rollups = new InsightsQueries(workspace.dsl(), 0);
            InsightsQueries exact = new InsightsQueries(workspace.dsl(), Long.MAX_VALUE);
            InsightsQuery byModel = InsightsQuery.everything(CallGrouping.MODEL);
            assertThat(rollups.percentileMethod(byModel)).isEqualTo(PercentileMethod.LATENCY_BUCKETS);
            assertThat(exact.percentileMethod(byModel)).isEqualTo(PercentileMethod.EXACT);

            checkAgainstCalls(rollups.groups(byModel), generated.calls(), false);
            checkAgainstCalls(exact.groups(byModel), generated.calls(), true);

            // Later calls in an hour already rolled up, and a new model.
            generated.addMany(40, T0 + HOUR + 7_000_000L, 1_000_000_000L, 8);
            generated.add(T0 + 2 * HOUR + 5, 1_500_000_000L, "o3-mini", "qa", "2", "POST /answer", false, 10, 10,
                    new BigDecimal("0.25"), "REPORTED");
            new LlmCallFacts(workspace.dsl()).refresh();
            checkAgainstCalls(rollups.groups(byModel), generated.calls(), false);
            checkAgainstCalls(exact.groups(byModel), generated.calls(), true);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void hoursAndLoadLevelsFromTheRollupsCountEveryCallOnce(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            GeneratedCalls generated = new GeneratedCalls(workspace.dsl());
            generated.addMany(300, T0, 20_000_000_000L, 11);
            generated.addMany(60, T0 + 30 * 60_000_000_000L, 250_000_000L, 12); // a burst: calls overlap
            new LlmCallFacts(workspace.dsl()).refresh();
            InsightsQueries rollups = new InsightsQueries(workspace.dsl(), 0);
            InsightsQuery everything = InsightsQuery.everything(CallGrouping.NONE);

            Map<Long, Long> perHour = generated.calls().stream()
                    .collect(Collectors.groupingBy(call -> Math.floorDiv(call.startNs(), HOUR) * HOUR, Collectors.counting()));
            assertThat(rollups.overTime(everything, Granularity.HOUR, 0))
                    .extracting(TimeBucket::startNs, TimeBucket::requests)
                    .containsExactlyElementsOf(perHour.entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(entry -> org.assertj.core.groups.Tuple.tuple(entry.getKey(), entry.getValue())).toList());

            Map<String, Map<Integer, Long>> expected = generated.calls().stream().collect(Collectors.groupingBy(Call::model,
                    Collectors.groupingBy(call -> inFlightAt(call, generated.calls()), Collectors.counting())));
            List<LoadLevel> levels = rollups.byConcurrency(everything);
            assertThat(levels.stream().collect(Collectors.groupingBy(LoadLevel::model,
                    Collectors.toMap(LoadLevel::inFlight, LoadLevel::calls)))).isEqualTo(expected);
            assertThat(levels).anyMatch(level -> level.inFlight() >= 2);
        }
    }

    /** Other calls that had started at or before this one's start and not ended by then: O(n²), on purpose. */
    private static int inFlightAt(Call call, List<Call> calls) {
        int count = 0;
        for (Call other : calls) {
            if (other != call && other.startNs() <= call.startNs() && other.endNs() > call.startNs()) {
                count++;
            }
        }
        return count;
    }

    private static void checkAgainstCalls(List<GroupStats> groups, List<Call> calls, boolean exact) {
        Map<String, List<Call>> byModel = calls.stream().collect(Collectors.groupingBy(Call::model));
        assertThat(groups).extracting(GroupStats::key).containsExactlyInAnyOrderElementsOf(byModel.keySet());
        for (GroupStats group : groups) {
            List<Call> mine = byModel.get(group.key());
            assertThat(group.requests()).isEqualTo(mine.size());
            assertThat(group.errors()).isEqualTo(mine.stream().filter(Call::failed).count());
            assertThat(group.inputTokens()).isEqualTo(mine.stream().mapToLong(Call::inputTokens).sum());
            assertThat(group.outputTokens()).isEqualTo(mine.stream().mapToLong(Call::outputTokens).sum());
            assertThat(group.costReportedUsd()).isEqualByComparingTo(sum(mine, "REPORTED"));
            assertThat(group.costEstimatedUsd()).isEqualByComparingTo(sum(mine, "ESTIMATED"));
            assertThat(group.callsWithCost()).isEqualTo(mine.size());
            List<Long> durations = mine.stream().map(Call::durationNs).toList();
            List<Long> traces = mine.stream().map(Call::traceDurationNs).toList();
            check(group.callLatency().p50Ns(), GeneratedCalls.nearestRank(durations, 0.50), exact);
            check(group.callLatency().p95Ns(), GeneratedCalls.nearestRank(durations, 0.95), exact);
            check(group.callLatency().p99Ns(), GeneratedCalls.nearestRank(durations, 0.99), exact);
            check(group.traceLatency().p95Ns(), GeneratedCalls.nearestRank(traces, 0.95), exact);
            assertThat(group.timeToFirstToken().isEmpty()).isTrue();
        }
    }

    private static BigDecimal sum(List<Call> calls, String source) {
        return calls.stream().filter(call -> call.costSource().equals(source)).map(Call::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void check(Long actual, long expected, boolean exact) {
        if (exact) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat((double) actual).isCloseTo(expected, within(expected * 0.025));
        }
    }
}
