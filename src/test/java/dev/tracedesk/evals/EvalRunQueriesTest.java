package dev.tracedesk.evals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** The run list with its counts, finding a run by id, and one run's cases, on every engine. */
class EvalRunQueriesTest {

    @TempDir
    Path tempDir;

    private WorkspaceLocation location;
    private EvalRunFixtures.Seeded seeded;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @AfterEach
    void dropSchema() {
        if (location != null) {
            TestDatabases.dropPostgresSchema(location);
        }
    }

    private Workspace seeded(String engine) {
        location = TestDatabases.freshLocation(engine, tempDir);
        Workspace workspace = Workspace.open(location);
        seeded = EvalRunFixtures.seed(workspace.dsl());
        return workspace;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void runsAreListedNewestFirstWithTheirCaseCountsByStatus(String engine) {
        try (Workspace workspace = seeded(engine)) {
            List<EvalRunSummary> runs = new EvalRunQueries(workspace.dsl()).runs(100);

            assertThat(runs).extracting(EvalRunSummary::id)
                    .containsExactly(seeded.promptfooRun(), seeded.inspectRun(), seeded.openAiRun());
            EvalRunSummary promptfoo = runs.get(0);
            assertThat(promptfoo.runId()).isEqualTo("eval-2024-05-01");
            assertThat(promptfoo.tool()).isEqualTo("promptfoo");
            assertThat(promptfoo.name()).isEqualTo("refund prompt v2");
            assertThat(promptfoo.startedAt().toInstant()).isEqualTo(OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC).toInstant());
            assertThat(List.of(promptfoo.cases(), promptfoo.passed(), promptfoo.failed(), promptfoo.errored()))
                    .containsExactly(4L, 2L, 1L, 1L);
            EvalRunSummary inspect = runs.get(1);
            assertThat(List.of(inspect.cases(), inspect.passed(), inspect.failed(), inspect.errored()))
                    .containsExactly(3L, 2L, 1L, 0L);
            EvalRunSummary empty = runs.get(2);
            assertThat(List.of(empty.cases(), empty.passed(), empty.failed(), empty.errored()))
                    .containsExactly(0L, 0L, 0L, 0L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void providersComeFromTheRunElseFromItsCases(String engine) {
        try (Workspace workspace = seeded(engine)) {
            List<EvalRunSummary> runs = new EvalRunQueries(workspace.dsl()).runs(100);

            assertThat(runs.get(0).providers()).containsExactly("openai:gpt-4o-mini", "openai:gpt-4o");
            assertThat(runs.get(1).providers()).containsExactly("anthropic/claude-3-5-sonnet", "openai/gpt-4o");
            assertThat(runs.get(2).providers()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theLimitKeepsTheNewestRuns(String engine) {
        try (Workspace workspace = seeded(engine)) {
            assertThat(new EvalRunQueries(workspace.dsl()).runs(1)).extracting(EvalRunSummary::id)
                    .containsExactly(seeded.promptfooRun());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aRunIsFoundByItsExternalIdOrByItsWorkspaceId(String engine) {
        try (Workspace workspace = seeded(engine)) {
            EvalRunQueries queries = new EvalRunQueries(workspace.dsl());

            assertThat(queries.findRuns("eval-2024-05-01")).containsExactly(
                    new EvalRunRef(seeded.promptfooRun(), "eval-2024-05-01", "promptfoo", "refund prompt v2"));
            assertThat(queries.findRuns(Long.toString(seeded.inspectRun()))).extracting(EvalRunRef::tool)
                    .containsExactly("inspect");
            assertThat(queries.findRuns("no-such-run")).isEmpty();
            assertThat(queries.findRuns("999999")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anExternalIdSharedByRunsOfTwoToolsFindsBoth(String engine) {
        try (Workspace workspace = seeded(engine)) {
            assertThat(new EvalRunQueries(workspace.dsl()).findRuns("shared-id")).extracting(EvalRunRef::tool)
                    .containsExactly("inspect", "openai-evals");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aRunsCasesComeInTestOrderWithTheirValuesAndLinkedTrace(String engine) {
        try (Workspace workspace = seeded(engine)) {
            EvalRunDetail run = new EvalRunQueries(workspace.dsl()).run(seeded.promptfooRun()).orElseThrow();

            assertThat(run.runId()).isEqualTo("eval-2024-05-01");
            assertThat(run.cases()).extracting(c -> c.testIndex() + " " + c.provider() + " " + c.status()).containsExactly(
                    "0 openai:gpt-4o-mini PASS", "0 openai:gpt-4o FAIL", "1 openai:gpt-4o PASS", "1 openai:gpt-4o-mini ERROR");
            EvalCaseDetail linked = run.cases().get(0);
            assertThat(linked.caseKey()).isEqualTo("k-refund");
            assertThat(linked.description()).isEqualTo("refund window");
            assertThat(linked.varsJson()).isEqualTo("{\"question\":\"Can I get a refund?\"}");
            assertThat(linked.prompt()).isEqualTo("Answer briefly: Can I get a refund?");
            assertThat(linked.expected()).isEqualTo("30 days");
            assertThat(linked.output()).isEqualTo("Refunds are accepted within 30 days.");
            assertThat(linked.score()).isEqualTo(1.0);
            assertThat(linked.latencyMs()).isEqualTo(420L);
            assertThat(linked.costUsd()).isEqualByComparingTo("0.00012");
            assertThat(linked.assertionsJson()).contains("\"type\":\"contains\"");
            assertThat(linked.traceId()).isEqualTo("t-linked");
            assertThat(run.cases().get(1).traceId()).isNull();
            assertThat(run.cases().get(3).errorMessage()).isEqualTo("429 Too Many Requests");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aRunWithoutCasesOrAnUnknownIdReadsAsSuch(String engine) {
        try (Workspace workspace = seeded(engine)) {
            EvalRunQueries queries = new EvalRunQueries(workspace.dsl());

            assertThat(queries.run(seeded.openAiRun()).orElseThrow().cases()).isEmpty();
            assertThat(queries.run(999_999L)).isEmpty();
        }
    }
}
