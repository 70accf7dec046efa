package dev.tracedesk.datasets;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.ingest.TestImports;
import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.search.LuceneSpanSearch;
import dev.tracedesk.search.SearchQueryException;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/** {@code dataset add --query}: the LLM calls a full-text search finds, on the real OpenInference RAG run. */
class DatasetQueryAddTest {

    private static final Path OPENINFERENCE = Path.of("src/test/resources/fixtures/openinference/traces.jsonl");

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void onlyMatchingLlmCallsAreAddedAsSpanItemsAndTheLimitCutsTheRest(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir);
             LuceneSpanSearch search = LuceneSpanSearch.open(tempDir.resolve("index"), workspace.dsl())) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, OPENINFERENCE);
            search.catchUp(TestImports.NEVER_CANCELLED);
            Datasets datasets = new Datasets(dsl, Clock.systemUTC());
            datasets.create("returns", null, null);

            MatchingCalls found = MatchingCalls.find(search, "return", 1000);

            // the retriever's documents mention returns too; they are not calls and are left out
            assertThat(search.search("return", 1000).totalMatches()).isGreaterThan(found.totalMatches());
            assertThat(found.sources()).isNotEmpty().hasSize((int) found.totalMatches());
            List<Long> spanIds = found.sources().stream().map(ItemSource::id).toList();
            assertThat(dsl.fetchCount(SPAN, SPAN.ID.in(spanIds).and(SPAN.KIND.eq("LLM")))).isEqualTo(spanIds.size());

            List<AddResult> added = datasets.add("returns", found.sources());
            assertThat(added).extracting(AddResult::outcome).contains(AddResult.Outcome.ADDED);
            long addedCount = added.stream().filter(r -> r.outcome() == AddResult.Outcome.ADDED).count();
            assertThat(datasets.resolve("returns@draft").items()).isEqualTo((int) addedCount);
            assertThat(datasets.items(datasets.resolve("returns@draft")))
                    .allSatisfy(item -> assertThat(spanIds).contains(item.sourceSpanId()));
            added.stream().filter(r -> r.outcome() == AddResult.Outcome.REFUSED)
                    .forEach(r -> assertThat(r.reason()).as("refusals say why").isNotBlank());

            // again: the same items are replaced, never duplicated
            assertThat(datasets.add("returns", MatchingCalls.find(search, "return", 1000).sources()))
                    .extracting(AddResult::outcome).doesNotContain(AddResult.Outcome.ADDED);

            MatchingCalls best = MatchingCalls.find(search, "return", 1);
            assertThat(best.sources()).hasSize(1);
            assertThat(best.sources().get(0)).isEqualTo(found.sources().get(0));
            assertThat(best.totalMatches()).isEqualTo(found.totalMatches());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anUnreadableQueryIsReportedInTheUsersOwnWords(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir);
             LuceneSpanSearch search = LuceneSpanSearch.open(tempDir.resolve("index"), workspace.dsl())) {
            ReviewTestData.importFile(workspace.dsl(), OPENINFERENCE);
            search.catchUp(TestImports.NEVER_CANCELLED);

            assertThatThrownBy(() -> MatchingCalls.find(search, "\"unclosed", 10))
                    .isInstanceOf(SearchQueryException.class)
                    .hasMessageContaining("a quote is not closed").hasMessageNotContaining("kind:llm");
            assertThatThrownBy(() -> MatchingCalls.find(search, "nope:thing", 10))
                    .isInstanceOf(SearchQueryException.class).hasMessageContaining("there is no field 'nope'");
            assertThatThrownBy(() -> MatchingCalls.find(search, " ", 10)).isInstanceOf(DatasetException.class);
            assertThat(MatchingCalls.find(search, "zebraquokka", 10).sources()).isEmpty();
        }
    }
}
