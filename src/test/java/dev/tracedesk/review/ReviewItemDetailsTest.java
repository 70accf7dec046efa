package dev.tracedesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/** The evidence a reviewer sees, from real fixtures. */
class ReviewItemDetailsTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aRagCallShowsItsInputOutputRetrievedContextAndModelVersion(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.RAG_TRACE);
            long item = ReviewTestData.itemIds(dsl, ReviewTestData.queueOfAllCalls(dsl, "calls", 1, false)).get(0);

            ReviewItemDetail detail = new ReviewItemDetails(dsl, Clock.systemUTC()).load(item).orElseThrow();
            ReviewEvidence evidence = detail.evidence();

            assertThat(evidence.input()).isNotBlank();
            assertThat(evidence.output()).isNotBlank();
            assertThat(evidence.servedModel()).isNotBlank();
            assertThat(evidence.modelText()).contains(evidence.servedModel());
            assertThat(evidence.context()).as("the retriever's documents").isNotEmpty();
            assertThat(evidence.context()).allSatisfy(document -> assertThat(document.content()).isNotBlank());
            assertThat(evidence.traceId()).isEqualTo(detail.item().traceId());
            assertThat(evidence.facts()).anySatisfy(fact -> assertThat(fact).startsWith("Latency: "));
            assertThat(detail.item().reasons()).extracting(FlagReason::rule).containsExactly("every call");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aFailedEvalCaseShowsItsPromptOutputAndTheAssertionThatFailed(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            long queue = ReviewTestData.queueOfAllCases(dsl, "cases");
            ReviewItemDetails details = new ReviewItemDetails(dsl, Clock.systemUTC());

            List<ReviewEvidence> failed = ReviewTestData.itemIds(dsl, queue).stream()
                    .map(item -> details.load(item).orElseThrow().evidence())
                    .filter(evidence -> evidence.facts().get(0).startsWith("Result: fail"))
                    .toList();

            assertThat(failed).isNotEmpty();
            assertThat(failed).allSatisfy(evidence -> {
                assertThat(evidence.input()).isNotBlank();
                assertThat(evidence.checks()).isNotEmpty();
                assertThat(evidence.checks().get(0)).startsWith("✗");
            });
        }
    }
}
