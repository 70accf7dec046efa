package dev.tracedesk.insights;

import static dev.tracedesk.insights.IndependentFigures.byKey;
import static dev.tracedesk.insights.IndependentFigures.nearestRank;
import static dev.tracedesk.insights.IndependentFigures.sum;
import static dev.tracedesk.insights.IndependentFigures.values;
import static dev.tracedesk.store.generated.Tables.LLM_CALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.store.calls.LlmCallFacts;
import dev.tracedesk.insights.PlantedCalls.Call;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/** {@link InsightsQueries} against figures recomputed from the generated rows (see {@link IndependentFigures}). */
class InsightsQueriesTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static final PlantedCalls GENERATED = PlantedCalls.generate();

    private EngineWorkspace filled(String engine) throws Exception {
        EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir);
        GENERATED.insert(workspace.workspace());
        new LlmCallFacts(workspace.dsl()).refresh();
        return workspace;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyGroupingCountsSumsAndRanksAsRecomputedFromTheRows(String engine) throws Exception {
        try (EngineWorkspace workspace = filled(engine)) {
            InsightsQueries queries = new InsightsQueries(workspace.dsl());
            for (CallGrouping grouping : CallGrouping.values()) {
                Map<String, List<Call>> expected = byKey(GENERATED.calls(), grouping);
                Map<String, GroupStats> actual = queries.groups(InsightsQuery.everything(grouping)).stream()
                        .collect(Collectors.toMap(GroupStats::key, group -> group, (a, b) -> a, TreeMap::new));

                assertThat(actual.keySet()).as("keys by %s", grouping).isEqualTo(expected.keySet());
                expected.forEach((key, calls) -> assertGroup(grouping + " " + key, actual.get(key), calls));
            }
        }
    }

    private static void assertGroup(String what, GroupStats group, List<Call> calls) {
        List<Long> durations = values(calls, Call::durationNs);
        assertThat(group.requests()).as(what + " requests").isEqualTo(calls.size());
        assertThat(group.errors()).as(what + " errors").isEqualTo(calls.stream().filter(Call::failed).count());
        assertThat(group.callLatency()).as(what + " call latency").isEqualTo(new Percentiles(nearestRank(durations, 50),
                nearestRank(durations, 95), nearestRank(durations, 99)));
        List<Long> traceDurations = values(calls, call -> call.traceEndNs() - call.traceStartNs());
        assertThat(group.traceLatency()).as(what + " trace latency").isEqualTo(new Percentiles(nearestRank(traceDurations, 50),
                nearestRank(traceDurations, 95), nearestRank(traceDurations, 99)));
        List<Long> ttft = values(calls, Call::ttftNs);
        assertThat(group.timeToFirstToken().p50Ns()).as(what + " ttft p50").isEqualTo(nearestRank(ttft, 50));
        assertThat(group.timeToFirstToken().p95Ns()).as(what + " ttft p95").isEqualTo(nearestRank(ttft, 95));
        assertThat(group.inputTokens()).as(what + " input tokens").isEqualTo(calls.stream().mapToLong(Call::inputTokens).sum());
        assertThat(group.outputTokens()).as(what + " output tokens").isEqualTo(calls.stream().mapToLong(Call::outputTokens).sum());
        BigDecimal reported = sum(calls, Call::reported);
        BigDecimal estimated = sum(calls, Call::estimated);
        assertThat(group.costReportedUsd()).as(what + " reported").isEqualByComparingTo(reported);
        assertThat(group.costEstimatedUsd()).as(what + " estimated").isEqualByComparingTo(estimated);
        long withCost = calls.stream().filter(call -> call.cost() != null).count();
        assertThat(group.callsWithCost()).as(what + " calls with cost").isEqualTo(withCost);
        if (withCost > 0) {
            BigDecimal perRequest = reported.add(estimated).divide(BigDecimal.valueOf(withCost), 10, java.math.RoundingMode.HALF_UP);
            assertThat(group.costPerRequestUsd()).as(what + " per request").isEqualByComparingTo(perRequest);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void hourlyBucketsHoldTheCallsThatStartedInThem(String engine) throws Exception {
        try (EngineWorkspace workspace = filled(engine)) {
            List<TimeBucket> buckets = new InsightsQueries(workspace.dsl())
                    .overTime(InsightsQuery.everything(CallGrouping.MODEL), Granularity.HOUR, 0);

            Map<String, List<Call>> expected = new TreeMap<>();
            for (Call call : GENERATED.calls()) {
                long bucketStart = Math.floorDiv(call.startNs(), PlantedCalls.HOUR_NS) * PlantedCalls.HOUR_NS;
                expected.computeIfAbsent(bucketStart + " " + call.model(), k -> new ArrayList<>()).add(call);
            }
            assertThat(buckets).hasSize(expected.size());
            for (TimeBucket bucket : buckets) {
                List<Call> calls = expected.get(bucket.startNs() + " " + bucket.key());
                assertThat(calls).as("bucket %d %s", bucket.startNs(), bucket.key()).isNotNull();
                List<Long> durations = values(calls, Call::durationNs);
                assertThat(bucket.requests()).isEqualTo(calls.size());
                assertThat(bucket.errors()).isEqualTo(calls.stream().filter(Call::failed).count());
                assertThat(bucket.callLatency()).isEqualTo(new Percentiles(nearestRank(durations, 50), nearestRank(durations, 95),
                        nearestRank(durations, 99)));
                assertThat(bucket.inputTokens()).isEqualTo(calls.stream().mapToLong(Call::inputTokens).sum());
                assertThat(bucket.costReportedUsd()).isEqualByComparingTo(sum(calls, Call::reported));
                assertThat(bucket.costEstimatedUsd()).isEqualByComparingTo(sum(calls, Call::estimated));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void callsInFlightMatchAPairwiseCountAndThePlantedSlowdownShowsPerModel(String engine) throws Exception {
        try (EngineWorkspace workspace = filled(engine)) {
            Map<Long, Integer> expectedInFlight = IndependentFigures.inFlightBySpan(GENERATED.calls());
            Map<Long, Integer> stored = workspace.dsl().select(LLM_CALL.SPAN_ID, LLM_CALL.IN_FLIGHT).from(LLM_CALL)
                    .fetchMap(LLM_CALL.SPAN_ID, LLM_CALL.IN_FLIGHT);
            assertThat(new TreeMap<>(stored)).isEqualTo(expectedInFlight);

            List<LoadLevel> levels = new InsightsQueries(workspace.dsl()).byConcurrency(InsightsQuery.everything(CallGrouping.NONE));

            Map<String, List<Call>> expected = new TreeMap<>();
            // a load level holds the calls with a measured latency; the call without a duration is in none
            for (Call call : GENERATED.calls().stream().filter(call -> call.durationNs() != null).toList()) {
                expected.computeIfAbsent(call.model() + " " + expectedInFlight.get(call.spanId()), k -> new ArrayList<>()).add(call);
            }
            assertThat(levels).hasSize(expected.size());
            for (LoadLevel level : levels) {
                List<Call> calls = expected.get(level.model() + " " + level.inFlight());
                List<Long> durations = values(calls, Call::durationNs);
                assertThat(level.calls()).isEqualTo(calls.size());
                assertThat(level.p50Ns()).as("%s at %d p50", level.model(), level.inFlight()).isEqualTo(nearestRank(durations, 50));
                assertThat(level.p95Ns()).as("%s at %d p95", level.model(), level.inFlight()).isEqualTo(nearestRank(durations, 95));
            }
            for (String model : PlantedCalls.MODELS) {
                List<Long> p95ByLoad = levels.stream().filter(level -> level.model().equals(model) && level.p95Ns() != null)
                        .map(LoadLevel::p95Ns).toList();
                assertThat(p95ByLoad).as("p95 of %s from 0 to 3 in flight", model).hasSize(4).isSorted();
                // planted: ~200 ms alone, ≥ 800 ms with three others running
                assertThat(p95ByLoad.get(0)).isBetween(200 * PlantedCalls.MS, 300 * PlantedCalls.MS);
                assertThat(p95ByLoad.get(3)).isGreaterThanOrEqualTo(800 * PlantedCalls.MS);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aRangeKeepsOnlyCallsThatStartedInIt(String engine) throws Exception {
        try (EngineWorkspace workspace = filled(engine)) {
            long from = PlantedCalls.START_NS + 24 * PlantedCalls.HOUR_NS;
            long to = from + 24 * PlantedCalls.HOUR_NS;
            List<Call> inRange = GENERATED.calls().stream().filter(call -> call.startNs() >= from && call.startNs() < to).toList();

            List<GroupStats> groups = new InsightsQueries(workspace.dsl()).groups(new InsightsQuery(from, to, CallGrouping.NONE));

            assertThat(groups).hasSize(1);
            assertGroup("day 2", groups.get(0), inRange);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void callsArrivingInTwoImportsInterleavedInTimeAreRecountedAroundTheNewOnes(String engine) throws Exception {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            // every second call comes in a later import: higher ids, but starting between the first import's calls
            java.util.Set<Long> later = new java.util.HashSet<>();
            for (int i = 1; i < GENERATED.calls().size(); i += 2) {
                later.add(GENERATED.calls().get(i).spanId());
            }
            PlantedCalls twoImports = GENERATED.renumbered(call -> later.contains(call.spanId()), 10_000_000L);
            workspace.dsl().connection(connection -> twoImports.insert(connection, call -> call.spanId() < 10_000_000L));
            new LlmCallFacts(workspace.dsl()).refresh();
            workspace.dsl().connection(connection -> twoImports.insert(connection, call -> call.spanId() > 10_000_000L));
            new LlmCallFacts(workspace.dsl()).refresh();

            Map<Long, Integer> stored = workspace.dsl().select(LLM_CALL.SPAN_ID, LLM_CALL.IN_FLIGHT).from(LLM_CALL)
                    .fetchMap(LLM_CALL.SPAN_ID, LLM_CALL.IN_FLIGHT);
            assertThat(new TreeMap<>(stored)).isEqualTo(IndependentFigures.inFlightBySpan(twoImports.calls()));
        }
    }
}
