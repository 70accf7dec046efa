package dev.tracedesk.evals;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.beans.property.SimpleObjectProperty;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.ui.StatsFixtures;

/**
 * The Eval runs section's view model over a real workspace holding the two promptfoo runs of the
 * capital-cities prompt (v1 and v2), its work run in place. Expected values come from the files.
 */
class EvalRunsViewModelTest {

    private static final Path V1 = Path.of("src/test/resources/fixtures/promptfoo/run-prompt-v1.json");
    private static final Path V2 = Path.of("src/test/resources/fixtures/promptfoo/run-prompt-v2.json");

    @TempDir
    Path tempDir;

    private final SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(StatsFixtures.empty());
    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final List<EvalRunsViewModel.TraceLink> opened = new ArrayList<>();

    /** What a promptfoo results file says about itself: its cases, passes, errors, cost and latency. */
    private record FileFacts(int cases, int passed, int errors, double cost, double meanLatency) {
        static FileFacts of(Path file) throws IOException {
            JsonNode results = new ObjectMapper().readTree(file.toFile()).path("results");
            int cases = 0;
            int passed = 0;
            double cost = 0;
            double latency = 0;
            for (JsonNode result : results.path("results")) {
                cases++;
                passed += result.path("success").asBoolean() ? 1 : 0;
                cost += result.path("cost").asDouble();
                latency += result.path("latencyMs").asDouble();
            }
            return new FileFacts(cases, passed, results.path("stats").path("errors").asInt(), cost, latency / cases);
        }
    }

    private EvalRunsViewModel viewModel(EngineWorkspace workspace) {
        EvalRunsViewModel viewModel = new EvalRunsViewModel(tasks, stats, () -> Optional.of(workspace.workspace()),
                opened::add);
        viewModel.refresh();
        return viewModel;
    }

    private static EngineWorkspace bothRuns(Path tempDir) {
        EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir);
        ReviewTestData.importFile(workspace.dsl(), V1);
        ReviewTestData.importFile(workspace.dsl(), V2);
        return workspace;
    }

    @Test
    void theRunListShowsEachRunsCountsPassRateCostAndLatencyNewestFirst() throws IOException {
        try (EngineWorkspace workspace = bothRuns(tempDir)) {
            EvalRunsViewModel viewModel = viewModel(workspace);

            assertThat(viewModel.runs()).extracting(EvalRunRow::name).as("v2 ran after v1")
                    .containsExactly("Capital cities (prompt v2)", "Capital cities (prompt v1)");
            for (EvalRunRow run : viewModel.runs()) {
                FileFacts file = FileFacts.of(run.name().contains("v2") ? V2 : V1);
                assertThat(run.tool()).isEqualTo("promptfoo");
                assertThat(run.cases()).isEqualTo(file.cases());
                assertThat(run.errors()).isEqualTo(file.errors());
                assertThat(run.passRate()).isCloseTo((double) file.passed() / file.cases(), within(1e-9));
                assertThat(run.totalCost().doubleValue()).isCloseTo(file.cost(), within(1e-9));
                assertThat(run.meanLatencyMs()).isCloseTo(file.meanLatency(), within(0.5));
                assertThat(run.providers()).containsExactlyInAnyOrder("openai:chat:gpt-4o-mini", "openai:chat:gpt-4.1-nano");
                assertThat(run.dataset()).as("these runs name no dataset").isNull();
            }
            assertThat(viewModel.runs().get(0).promptVersions()).containsExactly("capital-v2");
            assertThat(viewModel.runs().get(1).promptVersions()).containsExactly("capital-v1");
            assertThat(EvalFormat.percent(viewModel.runs().get(1).passRate())).isEqualTo("72.2%");
            assertThat(EvalFormat.percent(viewModel.runs().get(0).passRate())).isEqualTo("50.0%");

            assertThat(viewModel.selectedRunProperty().get()).as("the newest run is shown").isEqualTo(viewModel.runs().get(0));
            assertThat(viewModel.cases()).hasSize(18);
            assertThat(viewModel.caseCountProperty().get()).isEqualTo("18 cases");
            assertThat(viewModel.selectedCaseProperty().get()).as("the first case's detail shows at once")
                    .isEqualTo(viewModel.visibleCases().get(0));
            assertThat(viewModel.assertionTypes()).containsExactly(EvalRunsViewModel.ANY_ASSERTION,
                    "equals", "icontains", "javascript", "latency");
            assertThat(viewModel.providers()).containsExactly(EvalRunsViewModel.ANY_PROVIDER,
                    "openai:chat:gpt-4.1-nano", "openai:chat:gpt-4o-mini");
        }
    }

    @Test
    void theFiltersNarrowTheCasesByStatusAssertionTypeProviderAndText() {
        try (EngineWorkspace workspace = bothRuns(tempDir)) {
            EvalRunsViewModel viewModel = viewModel(workspace);

            viewModel.statusFilterProperty().set(CaseFilter.Status.FAILURES);
            assertThat(viewModel.visibleCases()).hasSize(7).allMatch(EvalCaseRow::failed);
            assertThat(viewModel.caseCountProperty().get()).isEqualTo("7 of 18 cases");
            assertThat(viewModel.selectedCaseProperty().get()).as("the chosen case is one still shown")
                    .isIn(viewModel.visibleCases());

            viewModel.assertionTypeProperty().set("equals");
            assertThat(viewModel.visibleCases()).as("among failures: the cases that failed on equals")
                    .extracting(row -> row.detail().description()).containsExactly("France", "France");
            viewModel.assertionTypeProperty().set("javascript");
            assertThat(viewModel.visibleCases()).extracting(row -> row.detail().description())
                    .containsExactly("DR Congo", "DR Congo");

            viewModel.assertionTypeProperty().set(EvalRunsViewModel.ANY_ASSERTION);
            viewModel.providerProperty().set("openai:chat:gpt-4.1-nano");
            assertThat(viewModel.visibleCases()).extracting(row -> row.detail().description())
                    .containsExactly("France", "Canada", "Nigeria", "DR Congo");

            viewModel.statusFilterProperty().set(CaseFilter.Status.ERRORS);
            viewModel.providerProperty().set(EvalRunsViewModel.ANY_PROVIDER);
            assertThat(viewModel.visibleCases()).hasSize(2).allMatch(EvalCaseRow::errored)
                    .allMatch(row -> row.detail().errorMessage().startsWith("API error: 500"));

            viewModel.statusFilterProperty().set(CaseFilter.Status.ALL);
            viewModel.searchTextProperty().set("  NIGERIA ");
            assertThat(viewModel.visibleCases()).as("case-insensitive, in description, vars and output").hasSize(2);
            viewModel.searchTextProperty().set("toronto");
            assertThat(viewModel.visibleCases()).as("a wrong answer found in the output")
                    .extracting(EvalCaseRow::provider).containsExactly("openai:chat:gpt-4.1-nano");
            viewModel.assertionTypeProperty().set("icontains");
            assertThat(viewModel.visibleCases()).as("outside failures, a type means the case checks it").hasSize(1);
            viewModel.assertionTypeProperty().set("latency");
            assertThat(viewModel.visibleCases()).isEmpty();

            viewModel.clearFilter();
            assertThat(viewModel.visibleCases()).hasSize(18);
            assertThat(viewModel.filter().isNone()).isTrue();
        }
    }

    @Test
    void anotherRunKeepsTheStatusFilterAndOpenTraceSaysWhenACaseHasNone() {
        try (EngineWorkspace workspace = bothRuns(tempDir)) {
            EvalRunsViewModel viewModel = viewModel(workspace);
            viewModel.statusFilterProperty().set(CaseFilter.Status.FAILURES);
            viewModel.providerProperty().set("openai:chat:gpt-4o-mini");

            viewModel.selectedRunProperty().set(viewModel.runs().get(1));

            assertThat(viewModel.shownRunProperty().get().name()).isEqualTo("Capital cities (prompt v1)");
            assertThat(viewModel.visibleCases()).extracting(row -> row.detail().description())
                    .containsExactly("Australia");
            EvalCaseRow australia = viewModel.selectedCaseProperty().get();
            assertThat(australia.detail().description()).isEqualTo("Australia");
            assertThat(australia.assertions()).extracting(CaseAssertion::type).contains("icontains");
            assertThat(australia.assertions()).filteredOn(CaseAssertion::failed).singleElement()
                    .satisfies(failed -> assertThat(failed.reason()).contains("Canberra"));

            viewModel.openTrace();
            assertThat(opened).as("promptfoo linked no trace").isEmpty();
            assertThat(viewModel.statusProperty().get()).startsWith("This case has no linked trace");
        }
    }

    @Test
    void aCaseWithATraceOpensItThroughTheLink() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            EvalRunFixtures.seed(workspace.dsl());
            linkTheLinkedCaseToASpan(workspace.dsl());
            EvalRunsViewModel viewModel = viewModel(workspace);

            assertThat(viewModel.runs()).extracting(EvalRunRow::name).containsExactly("refund prompt v2", "math", "match");
            EvalRunRow refund = viewModel.runs().get(0);
            assertThat(refund.totalCost()).isEqualByComparingTo("0.00122");
            assertThat(refund.meanLatencyMs()).isCloseTo((420 + 510 + 390) / 3.0, within(0.01));
            assertThat(viewModel.runs().get(2).passRate()).as("a run without cases has no rate").isNull();

            viewModel.searchTextProperty().set("refund");
            EvalCaseRow linked = viewModel.selectedCaseProperty().get();
            assertThat(linked.hasTrace()).isTrue();
            viewModel.openTrace();
            assertThat(opened).as("at the span the case graded")
                    .containsExactly(new EvalRunsViewModel.TraceLink("t-linked", "s-graded"));
        }
    }

    /** The fixture's linked case also names the call it graded. */
    private static void linkTheLinkedCaseToASpan(DSLContext dsl) {
        long trace = dsl.select(TRACE.ID).from(TRACE).where(TRACE.EXTERNAL_TRACE_ID.eq("t-linked")).fetchOne(TRACE.ID);
        long span = dsl.insertInto(SPAN).set(SPAN.TRACE_ID, trace).set(SPAN.EXTERNAL_SPAN_ID, "s-graded")
                .set(SPAN.KIND, "LLM").set(SPAN.NAME, "chat").set(SPAN.STATUS, "OK")
                .returningResult(SPAN.ID).fetchOne().value1();
        dsl.update(EVAL_CASE).set(EVAL_CASE.SPAN_ID, span).where(EVAL_CASE.TRACE_ID.eq(trace)).execute();
    }

    @Test
    void anEmptyWorkspaceListsNoRuns() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            EvalRunsViewModel viewModel = viewModel(workspace);
            assertThat(viewModel.loaded()).isTrue();
            assertThat(viewModel.runs()).isEmpty();
            assertThat(viewModel.cases()).isEmpty();
            assertThat(viewModel.selectedCaseProperty().get()).isNull();
        }
    }
}
