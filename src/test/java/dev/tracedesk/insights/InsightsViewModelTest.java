package dev.tracedesk.insights;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.beans.property.SimpleObjectProperty;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.core.task.BackgroundTask;
import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.core.task.TaskActivity;
import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.core.task.TaskHandle;
import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.traces.TraceFilter;
import dev.tracedesk.ui.StatsFixtures;

/**
 * The Insights view model over five LLM calls written straight into a workspace, figures worked out
 * by hand (percentiles by nearest rank), with UTC as the zone:
 * <pre>
 *  trace "answer"    a1  T0+10m  100 ms  gpt-4o  openai     refund@2  $0.01 reported  100/20 tokens   trace 150 ms
 *  trace "answer"    b1  T0+20m  300 ms  gpt-4o  openai     refund@2  $0.03 reported  200/40  ERROR   trace 300 ms
 *  trace "summarize" c1  T0+70m  200 ms  claude  anthropic  —         $0.002 estimated 50/10  TTFT 50 ms
 *                    c2  T0+75m  400 ms  claude  anthropic  —         no cost                           trace 5 min 400 ms
 *  trace "answer"    d1  T0−3d  1000 ms  gpt-4o  openai     refund@2  no cost                           trace 1 s
 * </pre>
 */
class InsightsViewModelTest {

    private static final long MS = 1_000_000L;
    private static final long MINUTE = 60_000 * MS;
    private static final long T0 = Instant.parse("2025-03-14T09:00:00Z").toEpochMilli() * MS;
    private static final long NEWEST = T0 + 75 * MINUTE;
    private static final String GPT = "gpt-4o-2024-08-06";
    private static final String CLAUDE = "claude-3-5-sonnet-20241022";

    @TempDir
    Path tempDir;

    private final SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(StatsFixtures.empty());
    private final List<CallDrill> opened = new ArrayList<>();

    private InsightsViewModel viewModel(EngineWorkspace workspace, TaskRunner tasks) {
        InsightsViewModel viewModel = new InsightsViewModel(tasks, stats, () -> Optional.of(workspace.workspace()),
                opened::add, ZoneOffset.UTC);
        viewModel.refresh();
        return viewModel;
    }

    private EngineWorkspace seeded() {
        EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir);
        DSLContext dsl = workspace.dsl();
        long a = trace(dsl, "A", "answer", T0 + 10 * MINUTE, 150 * MS);
        call(dsl, a, "a1", T0 + 10 * MINUTE, 100, GPT, "openai", "refund", "2", "0.01", "REPORTED", 100, 20, "OK", null);
        long b = trace(dsl, "B", "answer", T0 + 20 * MINUTE, 300 * MS);
        call(dsl, b, "b1", T0 + 20 * MINUTE, 300, GPT, "openai", "refund", "2", "0.03", "REPORTED", 200, 40, "ERROR", null);
        long c = trace(dsl, "C", "summarize", T0 + 70 * MINUTE, 5 * MINUTE + 400 * MS);
        call(dsl, c, "c1", T0 + 70 * MINUTE, 200, CLAUDE, "anthropic", null, null, "0.002", "ESTIMATED", 50, 10, "OK", 50 * MS);
        call(dsl, c, "c2", T0 + 75 * MINUTE, 400, CLAUDE, "anthropic", null, null, null, null, 0, 0, "OK", null);
        long d = trace(dsl, "D", "answer", T0 - TimeUnit.DAYS.toNanos(3), 1000 * MS);
        call(dsl, d, "d1", T0 - TimeUnit.DAYS.toNanos(3), 1000, GPT, "openai", "refund", "2", null, null, 0, 0, "OK", null);
        return workspace;
    }

    private static long trace(DSLContext dsl, String id, String name, long startNs, long durationNs) {
        return dsl.insertInto(TRACE, TRACE.EXTERNAL_TRACE_ID, TRACE.SOURCE_SYSTEM, TRACE.NAME, TRACE.START_NS, TRACE.END_NS,
                TRACE.STATUS).values(id, "otlp", name, startNs, startNs + durationNs, "OK").returningResult(TRACE.ID).fetchOne().value1();
    }

    private static void call(DSLContext dsl, long traceId, String id, long startNs, long durationMs, String model, String provider,
                             String prompt, String version, String cost, String costSource, long in, long out, String status,
                             Long ttftNs) {
        dsl.insertInto(SPAN).set(SPAN.TRACE_ID, traceId).set(SPAN.EXTERNAL_SPAN_ID, id).set(SPAN.KIND, "LLM")
                .set(SPAN.NAME, "chat").set(SPAN.START_NS, startNs).set(SPAN.DURATION_NS, durationMs * MS)
                .set(SPAN.STATUS, status).set(SPAN.SERVED_MODEL, model).set(SPAN.PROVIDER, provider)
                .set(SPAN.PROMPT_TEMPLATE_NAME, prompt).set(SPAN.PROMPT_TEMPLATE_VERSION, version)
                .set(SPAN.COST_USD, cost == null ? null : new BigDecimal(cost)).set(SPAN.COST_SOURCE, costSource)
                .set(SPAN.INPUT_TOKENS, in).set(SPAN.OUTPUT_TOKENS, out).set(SPAN.TIME_TO_FIRST_TOKEN_NS, ttftNs)
                .execute();
    }

    @Test
    void allTimeByModelShowsEachModelsFiguresMostRequestsFirstPerDay() {
        try (EngineWorkspace workspace = seeded()) {
            InsightsViewModel viewModel = viewModel(workspace, new ImmediateTaskRunner());

            assertThat(viewModel.statusProperty().get()).isEmpty();
            assertThat(viewModel.emptinessProperty().get()).isEqualTo(InsightsViewModel.Emptiness.NONE);
            assertThat(viewModel.groups()).extracting(GroupStats::key, GroupStats::requests, GroupStats::errors,
                            group -> group.callLatency().p50Ns(), group -> group.callLatency().p95Ns())
                    .containsExactly(tuple(GPT, 3L, 1L, 300 * MS, 1000 * MS), tuple(CLAUDE, 2L, 0L, 200 * MS, 400 * MS));
            GroupStats claude = viewModel.groups().get(1);
            assertThat(claude.timeToFirstToken().p50Ns()).isEqualTo(50 * MS);
            assertThat(claude.costReportedUsd()).isEqualByComparingTo("0");
            assertThat(claude.costEstimatedUsd()).isEqualByComparingTo("0.002");
            assertThat(claude.costPerRequestUsd()).as("only c1 has a cost").isEqualByComparingTo("0.002");
            assertThat(claude.traceLatency().p50Ns()).isEqualTo(5 * MINUTE + 400 * MS);
            assertThat(viewModel.shownGranularityProperty().get()).as("3 days and 75 minutes").isEqualTo(Granularity.DAY);
            assertThat(viewModel.rangeTextProperty().get())
                    .isEqualTo("5 LLM calls, 2025-03-11 09:00 – 2025-03-14 10:15, per day");
            assertThat(viewModel.drillTarget(viewModel.groups().get(0)))
                    .isEqualTo(new CallDrill(null, null, CallGrouping.MODEL, GPT));
        }
    }

    @Test
    void theLast24HoursEndAtTheNewestCallAndGoPerHourWithDrillsForARowAndABucket() {
        try (EngineWorkspace workspace = seeded()) {
            InsightsViewModel viewModel = viewModel(workspace, new ImmediateTaskRunner());
            viewModel.presetProperty().set(RangePreset.LAST_24_HOURS);

            long from = NEWEST + 1 - TimeUnit.HOURS.toNanos(24);
            long to = NEWEST + 1;
            assertThat(viewModel.shownQueryProperty().get()).isEqualTo(new InsightsQuery(from, to, CallGrouping.MODEL));
            assertThat(viewModel.groups()).extracting(GroupStats::key).as("a tie in requests goes by name")
                    .containsExactly(CLAUDE, GPT);
            GroupStats gpt = viewModel.groups().get(1);
            assertThat(gpt.requests()).isEqualTo(2);
            assertThat(gpt.errorRate()).isEqualTo(0.5);
            assertThat(gpt.callLatency()).isEqualTo(new Percentiles(100 * MS, 300 * MS, 300 * MS));
            assertThat(gpt.traceLatency()).isEqualTo(new Percentiles(150 * MS, 300 * MS, 300 * MS));
            assertThat(gpt.timeToFirstToken().isEmpty()).isTrue();
            assertThat(gpt.inputTokens()).isEqualTo(300);
            assertThat(gpt.outputTokens()).isEqualTo(60);
            assertThat(gpt.costReportedUsd()).isEqualByComparingTo("0.04");
            assertThat(gpt.costPerRequestUsd()).isEqualByComparingTo("0.02");
            assertThat(gpt.costPer1000RequestsUsd()).isEqualByComparingTo("20");
            assertThat(InsightsFormat.usd(gpt.costPer1000RequestsUsd())).isEqualTo("$20.00");
            assertThat(InsightsFormat.duration(gpt.callLatency().p95Ns())).isEqualTo("300 ms");

            assertThat(viewModel.shownGranularityProperty().get()).isEqualTo(Granularity.HOUR);
            assertThat(viewModel.buckets()).extracting(TimeBucket::startNs, TimeBucket::key, TimeBucket::requests)
                    .containsExactly(tuple(T0, GPT, 2L), tuple(T0 + 60 * MINUTE, CLAUDE, 2L));

            CallDrill row = viewModel.drillTarget(gpt);
            assertThat(row).isEqualTo(new CallDrill(from, to, CallGrouping.MODEL, GPT));
            assertThat(row.traceFilter()).isEqualTo(TraceFilter.NONE.withTimeRange(from, to).withServedModel(GPT));
            CallDrill bucket = viewModel.drillTarget(viewModel.buckets().get(1));
            assertThat(bucket).as("the hour, cut at the range's end")
                    .isEqualTo(new CallDrill(T0 + 60 * MINUTE, to, CallGrouping.MODEL, CLAUDE));
            viewModel.open(bucket);
            assertThat(opened).containsExactly(bucket);
        }
    }

    @Test
    void switchingTheGroupingReadsAgainAndEachGroupDrillsToItsTraceFilter() {
        try (EngineWorkspace workspace = seeded()) {
            InsightsViewModel viewModel = viewModel(workspace, new ImmediateTaskRunner());

            viewModel.groupingProperty().set(CallGrouping.ROUTE);
            assertThat(viewModel.groups()).extracting(GroupStats::key, GroupStats::requests)
                    .containsExactly(tuple("answer", 3L), tuple("summarize", 2L));
            assertThat(viewModel.drillTarget(viewModel.groups().get(1)).traceFilter())
                    .isEqualTo(TraceFilter.NONE.withTraceName("summarize"));

            viewModel.groupingProperty().set(CallGrouping.PROMPT);
            assertThat(viewModel.groups()).extracting(GroupStats::key).containsExactly("refund@2", CallGrouping.NO_VALUE);
            assertThat(viewModel.drillTarget(viewModel.groups().get(0)).traceFilter())
                    .isEqualTo(TraceFilter.NONE.withPrompt("refund", "2"));
            CallDrill none = viewModel.drillTarget(viewModel.groups().get(1));
            assertThat(none.narrowsToGroup()).isFalse();
            assertThat(none.traceFilter()).as("no filter picks out calls without a prompt").isEqualTo(TraceFilter.NONE);

            viewModel.groupingProperty().set(CallGrouping.NONE);
            assertThat(viewModel.groups()).extracting(GroupStats::key, GroupStats::requests)
                    .containsExactly(tuple(CallGrouping.ALL, 5L));
            assertThat(viewModel.drillTarget(viewModel.groups().get(0)).traceFilter()).isEqualTo(TraceFilter.NONE);
        }
    }

    @Test
    void aCustomRangeCoversItsDaysAndTheGranularityCanBeChosen() {
        try (EngineWorkspace workspace = seeded()) {
            InsightsViewModel viewModel = viewModel(workspace, new ImmediateTaskRunner());
            viewModel.presetProperty().set(RangePreset.CUSTOM);
            viewModel.customFromProperty().set(java.time.LocalDate.of(2025, 3, 14));
            viewModel.customToProperty().set(java.time.LocalDate.of(2025, 3, 14));
            viewModel.granularityChoiceProperty().set(Granularity.DAY);

            assertThat(viewModel.shownQueryProperty().get().fromNs()).isEqualTo(T0 - 9 * 60 * MINUTE);
            assertThat(viewModel.shownQueryProperty().get().toNs()).isEqualTo(T0 + 15 * 60 * MINUTE);
            assertThat(viewModel.groups()).extracting(GroupStats::requests).containsExactly(2L, 2L);
            assertThat(viewModel.buckets()).extracting(TimeBucket::startNs).containsOnly(T0 - 9 * 60 * MINUTE);
        }
    }

    @Test
    void aReadingOvertakenByALaterChoiceIsDropped() {
        try (EngineWorkspace workspace = seeded()) {
            HeldTasks tasks = new HeldTasks();
            InsightsViewModel viewModel = viewModel(workspace, tasks);
            assertThat(viewModel.statusProperty().get()).isEqualTo("Bringing Insights up to date…");
            viewModel.groupingProperty().set(CallGrouping.PROVIDER);

            tasks.run(1);
            tasks.run(0);

            assertThat(viewModel.groups()).extracting(GroupStats::key).containsExactly("openai", "anthropic");
            assertThat(viewModel.statusProperty().get()).isEmpty();
        }
    }

    @Test
    void aWorkspaceWithoutLlmCallsSaysSo() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            InsightsViewModel viewModel = viewModel(workspace, new ImmediateTaskRunner());

            assertThat(viewModel.emptinessProperty().get()).isEqualTo(InsightsViewModel.Emptiness.NO_CALLS);
            assertThat(viewModel.emptyTitleProperty().get()).isEqualTo("Nothing to measure yet");
            assertThat(viewModel.groups()).isEmpty();
        }
    }

    /** Holds submitted work until the test runs it, in any order. */
    private static final class HeldTasks implements TaskRunner {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> TaskHandle submit(String title, BackgroundTask<T> work, Consumer<? super T> onSuccess,
                                     Consumer<? super Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.run(new TaskContext() {
                        @Override
                        public void progress(long done, long total, String message) {
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    }));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return null;
        }

        @Override
        public TaskActivity activity() {
            return new TaskActivity();
        }

        void run(int index) {
            held.get(index).run();
        }
    }
}
