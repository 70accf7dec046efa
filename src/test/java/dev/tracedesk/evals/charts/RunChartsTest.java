package dev.tracedesk.evals.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javafx.beans.property.SimpleObjectProperty;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.evals.CaseFilter;
import dev.tracedesk.evals.EvalCaseRow;
import dev.tracedesk.evals.EvalRunsViewModel;
import dev.tracedesk.evals.compare.PromptVersionRuns;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.ui.StatsFixtures;

/**
 * The Eval runs charts over the two real promptfoo runs: what they plot is what the files say, and
 * a click on a point or bar shows exactly the cases behind it in the section.
 */
class RunChartsTest {

    @TempDir
    Path tempDir;

    /** Per provider label: {cases, passed}, and per failed assertion type the failing cases, read from the file. */
    private record FileCounts(Map<String, int[]> byProvider, Map<String, Integer> failedTypes) {
        static FileCounts of(Path file) throws Exception {
            Map<String, int[]> byProvider = new HashMap<>();
            Map<String, Integer> failedTypes = new HashMap<>();
            for (JsonNode result : new ObjectMapper().readTree(file.toFile()).path("results").path("results")) {
                String label = result.path("provider").path("label").asText("");
                String provider = label.isBlank() ? result.path("provider").path("id").asText() : label;
                int[] counts = byProvider.computeIfAbsent(provider, p -> new int[2]);
                counts[0]++;
                counts[1] += result.path("success").asBoolean() ? 1 : 0;
                java.util.Set<String> failed = new java.util.HashSet<>();
                for (JsonNode component : result.path("gradingResult").path("componentResults")) {
                    if (!component.path("pass").asBoolean(true)) {
                        failed.add(component.path("assertion").path("type").asText());
                    }
                }
                failed.forEach(type -> failedTypes.merge(type, 1, Integer::sum));
            }
            return new FileCounts(byProvider, failedTypes);
        }
    }

    @Test
    void passRatesAndFailuresPerAssertionTypeAreTheFilesAndAClickShowsTheCasesBehindIt() throws Exception {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            PromptVersionRuns.Imported runs = PromptVersionRuns.importBoth(workspace.dsl());
            FileCounts v1 = FileCounts.of(PromptVersionRuns.V1);
            EvalRunsViewModel section = new EvalRunsViewModel(new ImmediateTaskRunner(),
                    new SimpleObjectProperty<WorkspaceStats>(StatsFixtures.empty()), () -> Optional.of(workspace.workspace()),
                    link -> { });
            section.refresh();
            RunChartsViewModel charts = section.charts();
            charts.refresh();

            List<RunChartQueries.PassRate> v1Rates = charts.passRates().stream().filter(r -> r.runId() == runs.v1()).toList();
            assertThat(v1Rates).hasSize(v1.byProvider().size());
            int cases = v1Rates.stream().mapToInt(RunChartQueries.PassRate::cases).sum();
            int passed = v1Rates.stream().mapToInt(RunChartQueries.PassRate::passed).sum();
            assertThat(cases).isEqualTo(v1.byProvider().values().stream().mapToInt(c -> c[0]).sum());
            assertThat(passed).isEqualTo(v1.byProvider().values().stream().mapToInt(c -> c[1]).sum());
            assertThat(charts.passRates().get(0).runId()).as("oldest first, for a line over time").isEqualTo(runs.v1());
            assertThat(charts.selectedRunProperty().get()).as("the newest run").isEqualTo(runs.v2());
            assertThat(charts.costs()).hasSize(2).allSatisfy(run -> assertThat(run.meanLatencyMs()).isPositive());

            charts.selectedRunProperty().set(runs.v1());
            Map<String, Integer> failures = charts.failuresByTypeProperty().get();
            v1.failedTypes().forEach((type, count) -> assertThat(failures).containsEntry(type, count));

            // a click on a failures bar: that run's cases that failed that assertion type, and only those
            String type = failures.keySet().stream().filter(t -> !t.equals("error")).findFirst().orElseThrow();
            charts.drill(new RunChartsViewModel.Drill(runs.v1(), null, type, null));
            assertThat(section.selectedRunProperty().get().id()).isEqualTo(runs.v1());
            assertThat(section.statusFilterProperty().get()).isEqualTo(CaseFilter.Status.FAILURES);
            assertThat(section.visibleCases()).hasSize(failures.get(type)).allSatisfy(row -> assertThat(row.assertions())
                    .anySatisfy(assertion -> assertThat(assertion.type()).isEqualTo(type)));

            // a click on a score bar: the cases in that tenth; "All" lets the bin go
            int[] bins = charts.scoreBinsProperty().get();
            int fullMarks = RunChartQueries.SCORE_BINS - 1;
            charts.drill(new RunChartsViewModel.Drill(runs.v1(), null, null, fullMarks));
            assertThat(section.visibleCases()).hasSize(bins[fullMarks])
                    .allSatisfy(row -> assertThat(row.detail().score()).isGreaterThanOrEqualTo(0.9));
            assertThat(section.statusProperty().get()).startsWith("Cases scoring 0.9–1.0");
            section.statusFilterProperty().set(CaseFilter.Status.FAILURES);
            section.statusFilterProperty().set(CaseFilter.Status.ALL);
            assertThat(section.visibleCases()).hasSize(cases);

            // a click on a pass-rate point: that run and provider
            RunChartQueries.PassRate point = v1Rates.get(0);
            charts.drill(new RunChartsViewModel.Drill(point.runId(), point.provider(), null, null));
            assertThat(section.visibleCases()).hasSize(point.cases())
                    .extracting(EvalCaseRow::provider).containsOnly(point.provider());
        }
    }
}
