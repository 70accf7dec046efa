package dev.tracedesk.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.TestImports;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** Facet counts under a filter, on every engine. */
class FacetQueriesTest {

    @TempDir
    Path tempDir;

    private WorkspaceLocation location;

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
        TraceFixtures.seed(workspace.dsl());
        return workspace;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void withoutAFilterEveryValueIsCountedMostFrequentFirst(String engine) {
        try (Workspace workspace = seeded(engine)) {
            Map<Facet, List<FacetCount>> counts = new FacetQueries(workspace.dsl()).counts(TraceFilter.NONE, false);

            assertThat(counts.get(Facet.KIND)).extracting(FacetCount::value, FacetCount::count).startsWith(tuple("LLM", 2L));
            assertThat(counts.get(Facet.KIND)).hasSize(6);
            assertThat(counts.get(Facet.PROVIDER)).extracting(FacetCount::value, FacetCount::count)
                    .containsExactly(tuple("openai", 2L), tuple("anthropic", 1L));
            assertThat(counts.get(Facet.SERVED_MODEL)).extracting(FacetCount::value)
                    .containsExactly("gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18");
            assertThat(counts.get(Facet.PROMPT)).extracting(FacetCount::label, FacetCount::count)
                    .containsExactly(tuple("refund-answer v3", 1L));
            assertThat(counts.get(Facet.STATUS)).extracting(FacetCount::value, FacetCount::count)
                    .containsExactly(tuple("OK", 5L), tuple("ERROR", 1L), tuple("UNSET", 1L));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aFacetIgnoresItsOwnDimensionButFollowsTheOthers(String engine) {
        try (Workspace workspace = seeded(engine)) {
            TraceFilter oldModel = TraceFilter.NONE.withServedModel("gpt-4o-2024-08-06");

            Map<Facet, List<FacetCount>> counts = new FacetQueries(workspace.dsl()).counts(oldModel, false);

            assertThat(counts.get(Facet.SERVED_MODEL)).as("the other model stays choosable").hasSize(2);
            assertThat(counts.get(Facet.PROVIDER)).extracting(FacetCount::value, FacetCount::count)
                    .containsExactly(tuple("openai", 1L));
            assertThat(counts.get(Facet.PROMPT)).isEmpty();
            assertThat(counts.get(Facet.KIND)).extracting(FacetCount::value).containsExactly("LLM");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void listingLlmCallsCountsOnlyLlmSpans(String engine) {
        try (Workspace workspace = seeded(engine)) {
            Map<Facet, List<FacetCount>> counts = new FacetQueries(workspace.dsl()).counts(TraceFilter.NONE, true);

            assertThat(counts.get(Facet.KIND)).extracting(FacetCount::value, FacetCount::count).containsExactly(tuple("LLM", 2L));
            assertThat(counts.get(Facet.STATUS)).extracting(FacetCount::value, FacetCount::count)
                    .containsExactly(tuple("ERROR", 1L), tuple("OK", 1L));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anImportedOpenInferenceTraceIsCountedAndFilteredByItsOwnValues(String engine) {
        location = TestDatabases.freshLocation(engine, tempDir);
        try (Workspace workspace = Workspace.open(location)) {
            new ImportService(workspace.dsl(), FormatReaders.standard()).importFile(
                    Path.of("src/test/resources/fixtures/openinference/rag-trace.json"), Optional.empty(),
                    TestImports.NEVER_CANCELLED);
            Map<Facet, List<FacetCount>> counts = new FacetQueries(workspace.dsl()).counts(TraceFilter.NONE, false);
            FacetCount model = counts.get(Facet.SERVED_MODEL).get(0);

            TracePage page = new TraceListQueries(workspace.dsl())
                    .traces(TraceFilter.NONE.withServedModel(model.value()), TraceSort.NEWEST_FIRST, 0);

            assertThat(page.rows()).isNotEmpty();
            assertThat(page.rows()).allSatisfy(row -> assertThat(row.servedModels()).contains(model.value()));
            assertThat(counts.get(Facet.KIND)).extracting(FacetCount::value).contains("LLM", "RETRIEVER");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anOpenInferenceTemplateWithAVersionAndNoNameIsAFacetValueThatFilters(String engine) {
        location = TestDatabases.freshLocation(engine, tempDir);
        try (Workspace workspace = Workspace.open(location)) {
            ImportService imports = new ImportService(workspace.dsl(), FormatReaders.standard());
            for (String fixture : List.of("openinference/traces.jsonl", "otel-genai/traces.jsonl")) {
                imports.importFile(Path.of("src/test/resources/fixtures", fixture), Optional.empty(), TestImports.NEVER_CANCELLED);
            }
            List<FacetCount> prompts = new FacetQueries(workspace.dsl()).counts(TraceFilter.NONE, false).get(Facet.PROMPT);
            FacetCount unnamed = prompts.stream().filter(prompt -> prompt.value() == null).findFirst().orElseThrow();
            assertThat(unnamed.label()).isEqualTo("(unnamed) " + unnamed.version());

            TraceFilter byVersion = FilterSidebar.toggle(unnamed, TraceFilter.NONE, false);
            assertThat(FilterSidebar.isChosen(unnamed, byVersion)).isTrue();
            TracePage page = new TraceListQueries(workspace.dsl()).traces(byVersion, TraceSort.NEWEST_FIRST, 0);
            long tracesWithVersion = workspace.dsl().fetchCount(org.jooq.impl.DSL.selectDistinct(
                    dev.tracedesk.store.generated.Tables.SPAN.TRACE_ID).from(dev.tracedesk.store.generated.Tables.SPAN)
                    .where(dev.tracedesk.store.generated.Tables.SPAN.PROMPT_TEMPLATE_VERSION.eq(unnamed.version())));
            assertThat(page.rows()).hasSize((int) tracesWithVersion).isNotEmpty();
            assertThat(FilterSidebar.toggle(unnamed, byVersion, true)).as("choosing it again drops it").isEqualTo(TraceFilter.NONE);
        }
    }
}
