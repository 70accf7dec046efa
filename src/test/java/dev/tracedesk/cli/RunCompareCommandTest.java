package dev.tracedesk.cli;

import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.evals.compare.CaseOutcome;
import dev.tracedesk.evals.compare.PromptVersionRuns;
import dev.tracedesk.store.TestDatabases;

/** {@code tracedesk runs compare} on the real v1 and v2 promptfoo runs. */
class RunCompareCommandTest {

    private static final String V1 = PromptVersionRuns.evalId(PromptVersionRuns.V1);
    private static final String V2 = PromptVersionRuns.evalId(PromptVersionRuns.V2);

    @TempDir
    Path tempDir;

    private final AtomicReference<PromptVersionRuns.Imported> imported = new AtomicReference<>();

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private SeededWorkspaceCli cli(String engine) {
        return new SeededWorkspaceCli(engine, tempDir, dsl -> imported.set(PromptVersionRuns.importBoth(dsl)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void jsonListsEachProvidersCasesByOutcomeAndRegressionsExitFour(String engine) {
        try (SeededWorkspaceCli cli = cli(engine)) {
            assertThat(cli.run("runs", "compare", V1, V2, "--json")).isEqualTo(ExitCodes.REGRESSIONS);

            JsonNode json = cli.json();
            assertThat(fieldNames(json)).containsExactly("baseline", "other", "providers");
            assertThat(json.get("baseline").asLong()).isEqualTo(imported.get().v1());
            assertThat(json.get("other").asLong()).isEqualTo(imported.get().v2());
            Map<String, Map<CaseOutcome, Set<String>>> expected = PromptVersionRuns.expectedOutcomes();
            assertThat(json.get("providers")).hasSize(expected.size());
            for (JsonNode provider : json.get("providers")) {
                assertThat(fieldNames(provider)).containsExactly("provider", "regressions", "improvements", "stillFailing",
                        "erroredInBoth", "new", "removed");
                Map<CaseOutcome, Set<String>> want = expected.get(provider.get("provider").asText());
                assertThat(descriptions(provider.get("regressions"))).isEqualTo(want.getOrDefault(CaseOutcome.REGRESSED, Set.of()));
                assertThat(descriptions(provider.get("improvements"))).isEqualTo(want.getOrDefault(CaseOutcome.IMPROVED, Set.of()));
                assertThat(descriptions(provider.get("stillFailing"))).isEqualTo(want.getOrDefault(CaseOutcome.STILL_FAILING, Set.of()));
                assertThat(descriptions(provider.get("erroredInBoth"))).isEqualTo(want.getOrDefault(CaseOutcome.ERRORED_IN_BOTH, Set.of()));
                assertThat(provider.get("new")).isEmpty();
                assertThat(provider.get("removed")).isEmpty();
            }
            JsonNode france = json.at("/providers/0/regressions/0");
            assertThat(fieldNames(france)).containsExactly("caseKey", "description", "vars");
            assertThat(france.get("caseKey").asText()).startsWith("v:");
            assertThat(france.get("vars").get("country").asText()).isEqualTo("France");
        }
    }

    @Test
    void aRunComparedWithItselfExitsZeroAndTheNumericIdWorksToo() {
        try (SeededWorkspaceCli cli = cli("h2")) {
            assertThat(cli.run("runs", "compare", Long.toString(imported.get().v2()), V2, "--json")).isZero();

            assertThat(cli.json().at("/providers/0/regressions")).isEmpty();
            assertThat(cli.json().at("/providers/0/stillFailing")).isNotEmpty();
        }
    }

    @Test
    void textShowsCountsThenEachRegressionWithTheFlippedAssertionAndAOneLineBlame() {
        try (SeededWorkspaceCli cli = cli("h2")) {
            assertThat(cli.run("runs", "compare", V1, V2)).isEqualTo(ExitCodes.REGRESSIONS);

            assertThat(cli.out()).startsWith("Baseline  Capital cities (prompt v1)  (" + V1)
                    .containsPattern("openai:chat:gpt-4o-mini +3 +1 +0 +1 +4 +0 +0")
                    .containsPattern("all providers +6 +2 +1 +2 +7 +0 +0")
                    .containsSubsequence("Regressed:", "France", "pass → fail",
                            "✗ equals \"Paris\": Expected output \"The capital of France is Paris.\" to equal \"Paris\"  (was: Assertion passed)",
                            "blame: prompt capital-v1 → capital-v2; model same")
                    .endsWith("6 regressions.\n");
        }
    }

    @Test
    void withBlameEachRegressionShowsThePromptDiffAndWhatElseChanged() {
        try (SeededWorkspaceCli cli = cli("h2")) {
            assertThat(cli.run("runs", "compare", V1, V2, "--blame")).isEqualTo(ExitCodes.REGRESSIONS);

            assertThat(cli.out()).containsSubsequence("France", "blame: prompt capital-v1 → capital-v2; model same",
                    "from eval file / eval file", "prompt: capital-v1 → capital-v2",
                    "template text: ", "{+You are a geography tutor.", "Answer with the city name only.-]",
                    "prompt text: ", "France", "output: [-Paris-]{+The capital of France is Paris.+}");
            assertThat(cli.out()).doesNotContain("model: ").doesNotContain("parameters: ");
        }
    }

    @Test
    void jsonWithBlameAddsEachRegressionsBlame() {
        try (SeededWorkspaceCli cli = cli("h2")) {
            assertThat(cli.run("runs", "compare", V1, V2, "--json", "--blame")).isEqualTo(ExitCodes.REGRESSIONS);

            JsonNode france = cli.json().at("/providers/0/regressions/0");
            assertThat(france.get("description").asText()).isEqualTo("France");
            assertThat(france.at("/blame/summary").asText()).isEqualTo("prompt capital-v1 → capital-v2; model same");
            assertThat(france.at("/blame/changed/0").toString())
                    .isEqualTo("{\"aspect\":\"prompt\",\"baseline\":\"capital-v1\",\"other\":\"capital-v2\"}");
            assertThat(cli.json().at("/providers/1/regressions")).allSatisfy(
                    regression -> assertThat(regression.has("blame")).isTrue());
        }
    }

    @Test
    void sendToReviewPutsTheRegressionsInTheQueueAndStillExitsFour() {
        try (SeededWorkspaceCli cli = cli("h2")) {
            assertThat(cli.run("runs", "compare", V1, V2, "--send-to-review", "--json")).isEqualTo(ExitCodes.REGRESSIONS);
            assertThat(cli.json().get("review").get("queue").asText()).isEqualTo("Regressions vs Capital cities (prompt v1)");
            assertThat(cli.json().get("review").get("added").asInt()).isEqualTo(6);

            assertThat(cli.run("review", "list", "--queue", "Regressions vs Capital cities (prompt v1)")).isZero();
            assertThat(cli.out()).contains("regression vs " + V1);
        }
    }

    @Test
    void unknownOrAmbiguousRunIdsAreUsageErrors() {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli("h2", tempDir, dsl -> {
            imported.set(PromptVersionRuns.importBoth(dsl));
            dsl.insertInto(EVAL_RUN).set(EVAL_RUN.TOOL, "inspect").set(EVAL_RUN.EXTERNAL_RUN_ID, V1).execute();
        })) {
            assertThat(cli.run("runs", "compare", "no-such-run", V2)).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.out()).isEmpty();
            assertThat(cli.err()).contains("No eval run 'no-such-run' in this workspace (see: tracedesk runs).");

            assertThat(cli.run("runs", "compare", V1, V2)).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("Run id '" + V1 + "' names 2 runs of different tools").contains("Give the numeric id");

            assertThat(cli.run("runs", "compare", V2)).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        }
    }

    @Test
    void runsWithoutTheSubcommandStillListsTheRuns() {
        try (SeededWorkspaceCli cli = cli("h2")) {
            assertThat(cli.run("runs", "--json")).isZero();
            assertThat(cli.json().get("runs")).hasSize(2);
        }
    }

    private static Set<String> descriptions(JsonNode cases) {
        Set<String> descriptions = new TreeSet<>();
        cases.forEach(evalCase -> descriptions.add(evalCase.get("description").asText()));
        return descriptions;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
