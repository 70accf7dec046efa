package dev.tracedesk.evals.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.review.TextDiff;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/** Comparing the real v1 and v2 promptfoo runs, on every engine. */
class RunComparisonTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void eachProvidersCasesFallWhereTheFilesOwnVerdictsPutThem(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            PromptVersionRuns.Imported runs = PromptVersionRuns.importBoth(workspace.dsl());

            ComparisonResult comparison = new RunComparison(workspace.dsl()).compare(runs.v1(), runs.v2());

            Map<String, Map<CaseOutcome, Set<String>>> expected = PromptVersionRuns.expectedOutcomes();
            assertThat(comparison.providers()).extracting(ProviderComparison::provider)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (ProviderComparison provider : comparison.providers()) {
                assertThat(outcomes(provider)).as(provider.provider()).isEqualTo(expected.get(provider.provider()));
            }
            // the designed comparison has something in each of these, so the test cannot pass vacuously
            assertThat(comparison.counts()).containsEntry(CaseOutcome.REGRESSED, 6).containsEntry(CaseOutcome.IMPROVED, 2)
                    .containsEntry(CaseOutcome.STILL_FAILING, 1).containsEntry(CaseOutcome.ERRORED_IN_BOTH, 2)
                    .containsEntry(CaseOutcome.NEW, 0).containsEntry(CaseOutcome.REMOVED, 0);
            assertThat(comparison.hasRegressions()).isTrue();
        }
    }

    @Test
    void aRegressedCaseNamesTheAssertionThatFlippedWithBothReasons() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            PromptVersionRuns.Imported runs = PromptVersionRuns.importBoth(workspace.dsl());

            ComparisonResult comparison = new RunComparison(workspace.dsl()).compare(runs.v1(), runs.v2());

            CasePair france = comparison.pairs(CaseOutcome.REGRESSED).stream()
                    .filter(pair -> pair.provider().equals("openai:chat:gpt-4o-mini") && "France".equals(pair.description()))
                    .findFirst().orElseThrow();
            assertThat(france.baseline().status()).isEqualTo("PASS");
            assertThat(france.other().status()).isEqualTo("FAIL");
            assertThat(france.baseline().output()).isEqualTo("Paris");
            assertThat(france.other().output()).isEqualTo("The capital of France is Paris.");
            assertThat(france.outputDiff()).containsExactly(new TextDiff.Run(TextDiff.Change.REMOVED, "Paris"),
                    new TextDiff.Run(TextDiff.Change.ADDED, "The capital of France is Paris."));
            assertThat(france.flippedAssertions()).containsExactly(new FlippedAssertion("equals", "Paris", true,
                    "Assertion passed", false, "Expected output \"The capital of France is Paris.\" to equal \"Paris\""));
            CasePair australia = comparison.pairs(CaseOutcome.IMPROVED).stream()
                    .filter(pair -> pair.provider().equals("openai:chat:gpt-4o-mini")).findFirst().orElseThrow();
            assertThat(australia.flippedAssertions()).extracting(FlippedAssertion::type, FlippedAssertion::value,
                            FlippedAssertion::baselinePass, FlippedAssertion::otherPass)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("icontains", "Canberra", false, true));
        }
    }

    @Test
    void aRunComparedWithItselfHasNoRegressions() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            PromptVersionRuns.Imported runs = PromptVersionRuns.importBoth(workspace.dsl());

            ComparisonResult comparison = new RunComparison(workspace.dsl()).compare(runs.v2(), runs.v2());

            assertThat(comparison.hasRegressions()).isFalse();
            assertThat(comparison.counts()).containsEntry(CaseOutcome.UNCHANGED, 9).containsEntry(CaseOutcome.STILL_FAILING, 7)
                    .containsEntry(CaseOutcome.ERRORED_IN_BOTH, 2).containsEntry(CaseOutcome.IMPROVED, 0);
        }
    }

    private static Map<CaseOutcome, Set<String>> outcomes(ProviderComparison provider) {
        Map<CaseOutcome, Set<String>> outcomes = new EnumMap<>(CaseOutcome.class);
        provider.pairs().forEach(pair -> outcomes.computeIfAbsent(pair.outcome(), o -> new TreeSet<>()).add(pair.description()));
        return outcomes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
