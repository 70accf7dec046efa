package dev.tracedesk.search;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.TestImports;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.EngineWorkspace;

/** Search over real imported traces: the OpenInference RAG run and the OTel GenAI calls. */
class LuceneSpanSearchTest {

    private static final String RAG_TRACE = "9bae1a2583acbcafa287c77573c852a5";

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void findsWordsPhrasesAndFieldsAndMarksWhatMatched(String engine) {
        try (EngineWorkspace workspace = workspaceWith(engine, "openinference/traces.jsonl", "otel-genai/traces.jsonl");
             LuceneSpanSearch search = LuceneSpanSearch.open(tempDir.resolve("index"), workspace.dsl())) {
            LuceneSpanSearch.CatchUp caughtUp = search.catchUp(TestImports.NEVER_CANCELLED);
            assertThat(caughtUp.indexed()).isEqualTo(workspace.dsl().fetchCount(SPAN)).isPositive();

            SearchResult phrase = search.search("context:\"30 days of delivery\"", 10);
            assertThat(phrase.hits()).isNotEmpty();
            assertThat(phrase.hits()).allSatisfy(hit -> assertThat(hit.field()).isEqualTo("context"));
            assertThat(phrase.hits().get(0).fragments().get(0))
                    .contains(SearchResult.MARK_START + "30" + SearchResult.MARK_END)
                    .contains(SearchResult.MARK_START + "delivery" + SearchResult.MARK_END);

            SearchResult returns = search.search("return item", 50);
            assertThat(returns.hits()).extracting(SearchHit::externalTraceId).contains(RAG_TRACE);
            assertThat(returns.totalMatches()).isEqualTo(returns.hits().size());

            SearchResult llmCalls = search.search("kind:llm", 100);
            long llmSpans = workspace.dsl().fetchCount(SPAN, SPAN.KIND.eq("LLM"));
            assertThat(llmCalls.totalMatches()).isEqualTo(llmSpans);

            SearchResult byModelPrefix = search.search("model:GPT-4O return", 50);
            assertThat(byModelPrefix.hits()).isNotEmpty().allSatisfy(hit ->
                    assertThat(servedOrRequested(workspace, hit.spanRowId())).anyMatch(model -> model.startsWith("gpt-4o")));

            assertThat(search.search("zanzibar quokka", 10).hits()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void catchesUpWithLaterImportsOnlyAndRebuildsAMissingIndex(String engine) throws Exception {
        try (EngineWorkspace workspace = workspaceWith(engine, "openinference/traces.jsonl")) {
            Path folder = tempDir.resolve("index");
            int first;
            try (LuceneSpanSearch search = LuceneSpanSearch.open(folder, workspace.dsl())) {
                first = (int) search.catchUp(TestImports.NEVER_CANCELLED).indexed();
                assertThat(search.catchUp(TestImports.NEVER_CANCELLED).indexed()).as("nothing new").isZero();

                importFixture(workspace, "otel-genai/traces.jsonl");
                LuceneSpanSearch.CatchUp second = search.catchUp(TestImports.NEVER_CANCELLED);
                assertThat(second.indexed()).isEqualTo(workspace.dsl().fetchCount(SPAN) - first);
                assertThat(second.total()).isEqualTo(workspace.dsl().fetchCount(SPAN));
            }
            deleteRecursively(folder);
            try (LuceneSpanSearch search = LuceneSpanSearch.open(folder, workspace.dsl())) {
                assertThat(search.search("return", 5).hits()).as("no index yet").isEmpty();
                assertThat(search.catchUp(TestImports.NEVER_CANCELLED).indexed()).isEqualTo(workspace.dsl().fetchCount(SPAN));
                assertThat(search.search("return", 5).hits()).isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void logMessagesImportedAfterTheirSpansWereIndexedBecomeSearchable(String engine) {
        try (EngineWorkspace workspace = workspaceWith(engine, "otel-genai/traces.jsonl");
             LuceneSpanSearch search = LuceneSpanSearch.open(tempDir.resolve("index"), workspace.dsl())) {
            search.catchUp(TestImports.NEVER_CANCELLED);
            // the system prompt travels only in the GenAI log events, not in the spans
            assertThat(search.search("\"weather assistant\"", 10).hits()).isEmpty();

            importFixture(workspace, "otel-genai/logs.jsonl");
            LuceneSpanSearch.CatchUp caughtUp = search.catchUp(TestImports.NEVER_CANCELLED);

            assertThat(caughtUp.indexed()).as("the spans the messages went to, again").isPositive();
            assertThat(caughtUp.total()).isEqualTo(workspace.dsl().fetchCount(SPAN));
            assertThat(search.search("\"weather assistant\"", 10).hits()).isNotEmpty()
                    .allSatisfy(hit -> assertThat(hit.externalTraceId()).isNotBlank());
            assertThat(search.catchUp(TestImports.NEVER_CANCELLED).indexed()).as("nothing new").isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anIndexBuiltForAnotherWorkspaceIsRebuilt(String engine) {
        Path folder = tempDir.resolve("shared-index");
        try (EngineWorkspace first = workspaceWith(engine, "otel-genai/traces.jsonl");
             LuceneSpanSearch search = LuceneSpanSearch.open(folder, first.dsl())) {
            search.catchUp(TestImports.NEVER_CANCELLED);
        }
        try (EngineWorkspace second = workspaceWith(engine, "openinference/traces.jsonl");
             LuceneSpanSearch search = LuceneSpanSearch.open(folder, second.dsl())) {
            LuceneSpanSearch.CatchUp rebuilt = search.catchUp(TestImports.NEVER_CANCELLED);
            assertThat(rebuilt.total()).isEqualTo(second.dsl().fetchCount(SPAN));
            assertThat(search.search("return", 50).hits()).extracting(SearchHit::externalTraceId).contains(RAG_TRACE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anUnreadableQuerySaysWhyInWords(String engine) {
        try (EngineWorkspace workspace = workspaceWith(engine, "otel-genai/traces.jsonl");
             LuceneSpanSearch search = LuceneSpanSearch.open(tempDir.resolve("index"), workspace.dsl())) {
            assertThatThrownBy(() -> search.search("\"refund policy", 5)).isInstanceOf(SearchQueryException.class)
                    .hasMessageContaining("quote is not closed");
            assertThatThrownBy(() -> search.search("colour:red", 5)).isInstanceOf(SearchQueryException.class)
                    .hasMessageContaining("there is no field 'colour'");
        }
    }

    private EngineWorkspace workspaceWith(String engine, String... fixtures) {
        EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir);
        for (String fixture : fixtures) {
            importFixture(workspace, fixture);
        }
        return workspace;
    }

    private static void importFixture(EngineWorkspace workspace, String fixture) {
        new ImportService(workspace.dsl(), FormatReaders.standard())
                .importFile(Path.of("src/test/resources/fixtures", fixture), Optional.empty(), TestImports.NEVER_CANCELLED);
    }

    private static List<String> servedOrRequested(EngineWorkspace workspace, long rowId) {
        var row = workspace.dsl().select(SPAN.SERVED_MODEL, SPAN.REQUESTED_MODEL).from(SPAN).where(SPAN.ID.eq(rowId)).fetchOne();
        return Stream.of(row.value1(), row.value2()).filter(java.util.Objects::nonNull).map(String::toLowerCase).toList();
    }

    private static void deleteRecursively(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
