package dev.tracedesk.evals.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.store.EngineWorkspace;

/** The compare window's view model over the two real promptfoo runs, its work run in place. */
class CompareViewModelTest {

    @TempDir
    Path tempDir;

    @Test
    void theMatrixShowsOnlyDifferencesFirstTheRegressionsWithTheirBlameAndSendsThemToReview() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            PromptVersionRuns.Imported runs = PromptVersionRuns.importBoth(workspace.dsl());
            Map<String, Map<CaseOutcome, Set<String>>> expected = PromptVersionRuns.expectedOutcomes();
            int regressions = expected.values().stream().mapToInt(m -> m.getOrDefault(CaseOutcome.REGRESSED, Set.of()).size()).sum();
            int unchanged = expected.values().stream().mapToInt(m -> m.getOrDefault(CaseOutcome.UNCHANGED, Set.of()).size()).sum();
            CompareViewModel viewModel = new CompareViewModel(new ImmediateTaskRunner(),
                    () -> Optional.of(workspace.workspace()), Clock.systemUTC());

            viewModel.compare(runs.v1(), runs.v2());

            assertThat(viewModel.countsProperty().get()).startsWith(regressions + " regressed  ·  ")
                    .contains(unchanged + " unchanged");
            assertThat(viewModel.rows()).as("only differences").noneMatch(MatrixRow::allUnchanged);
            assertThat(viewModel.rows()).filteredOn(row -> row.focus().outcome() == CaseOutcome.REGRESSED).hasSize(regressions);
            CasePair first = viewModel.selectedProperty().get().focus();
            assertThat(first.outcome()).as("regressions first, the first one chosen").isEqualTo(CaseOutcome.REGRESSED);
            Blame blame = viewModel.blameProperty().get();
            assertThat(blame.pair()).isEqualTo(first);
            assertThat(blame.item(BlameItem.Aspect.PROMPT_TEMPLATE).orElseThrow().changed()).isTrue();
            assertThat(blame.summary()).startsWith("prompt capital-v1 → capital-v2");

            viewModel.onlyDifferencesProperty().set(false);
            assertThat(viewModel.rows()).filteredOn(MatrixRow::allUnchanged).hasSize(unchanged);
            assertThat(viewModel.selectedProperty().get().focus()).as("the choice is kept").isEqualTo(first);

            MatrixRow improved = viewModel.rows().stream().filter(row -> row.focus().outcome() == CaseOutcome.IMPROVED)
                    .findFirst().orElseThrow();
            viewModel.selectedProperty().set(improved);
            assertThat(viewModel.blameProperty().get()).as("blame is for regressions").isNull();

            viewModel.sendRegressionsToReview();
            assertThat(viewModel.statusProperty().get()).startsWith("Sent " + regressions + " regressions to the review queue \"")
                    .endsWith("(" + regressions + " new items).");
            assertThat(new ReviewQueues(workspace.dsl(), Clock.systemUTC()).list())
                    .anySatisfy(queue -> assertThat(queue.total()).isEqualTo(regressions));
        }
    }

    @Test
    void aRunComparedWithItselfHasNothingToSend() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            PromptVersionRuns.Imported runs = PromptVersionRuns.importBoth(workspace.dsl());
            CompareViewModel viewModel = new CompareViewModel(new ImmediateTaskRunner(),
                    () -> Optional.of(workspace.workspace()), Clock.systemUTC());
            viewModel.compare(runs.v1(), runs.v1());
            assertThat(viewModel.statusProperty().get()).isEqualTo("Nothing regressed.");
            assertThat(viewModel.rows()).noneMatch(row -> row.focus().outcome() == CaseOutcome.REGRESSED);
            viewModel.sendRegressionsToReview();
            assertThat(viewModel.statusProperty().get()).startsWith("Nothing regressed: there is nothing to send");
        }
    }

    @Test
    void severalRunsAgainstOneBaselineShareOneMatrixWithAColumnEach() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            PromptVersionRuns.Imported runs = PromptVersionRuns.importBoth(workspace.dsl());
            CompareViewModel viewModel = new CompareViewModel(new ImmediateTaskRunner(),
                    () -> Optional.of(workspace.workspace()), Clock.systemUTC());

            // v2 against v1, and v1 against itself: the second column never changes
            viewModel.compare(runs.v1(), java.util.List.of(runs.v2(), runs.v1()));

            assertThat(viewModel.results()).hasSize(2);
            assertThat(viewModel.countsProperty().get().split("\n")).hasSize(2);
            ComparisonResult alone = new RunComparison(workspace.dsl()).compare(runs.v1(), runs.v2());
            long changedCases = alone.providers().stream().flatMap(p -> p.pairs().stream())
                    .filter(pair -> pair.outcome() != CaseOutcome.UNCHANGED).count();
            assertThat(viewModel.rows()).hasSize((int) changedCases).allSatisfy(row -> {
                assertThat(row.pairs()).hasSize(2);
                assertThat(row.pairs().get(1).outcome()).isIn(CaseOutcome.UNCHANGED, CaseOutcome.STILL_FAILING,
                        CaseOutcome.ERRORED_IN_BOTH);
            });
            assertThat(viewModel.selectedProperty().get().focus().outcome()).isEqualTo(CaseOutcome.REGRESSED);
            assertThat(viewModel.blameProperty().get()).isNotNull();
        }
    }
}
