package dev.tracedesk.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** The trace list and the whole-trace read, on every engine, over {@link TraceFixtures}. */
class TraceQueriesTest {

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
    void tracesAreListedNewestFirstWithTracesWithoutAStartLast(String engine) {
        try (Workspace workspace = seeded(engine)) {
            List<TraceSummary> traces = new TraceQueries(workspace.dsl()).traces(null, 100);

            assertThat(traces).extracting(TraceSummary::traceId).containsExactly("t-new", "t-mid", "t-old", "t-nostart");
            assertThat(new TraceQueries(workspace.dsl()).traces(null, 2)).extracting(TraceSummary::traceId)
                    .containsExactly("t-new", "t-mid");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aListedTraceHasItsSpanCountDurationAndDistinctServedModels(String engine) {
        try (Workspace workspace = seeded(engine)) {
            List<TraceSummary> traces = new TraceQueries(workspace.dsl()).traces(null, 100);

            TraceSummary fresh = traces.get(0);
            assertThat(fresh.name()).isEqualTo("answer question");
            assertThat(fresh.startNs()).isEqualTo(TraceFixtures.NEW_START);
            assertThat(fresh.durationNs()).isEqualTo(950_000_000L);
            assertThat(fresh.status()).isEqualTo("ERROR");
            assertThat(fresh.spanCount()).isEqualTo(5);
            assertThat(fresh.servedModels()).containsExactly("gpt-4o-mini-2024-07-18");
            TraceSummary mid = traces.get(1);
            assertThat(mid.servedModels()).as("only a requested model: nothing was served").isEmpty();
            TraceSummary noStart = traces.get(3);
            assertThat(noStart.spanCount()).isZero();
            assertThat(noStart.durationNs()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theModelFilterMatchesServedOrRequestedModelsExactlyOrByPrefix(String engine) {
        try (Workspace workspace = seeded(engine)) {
            TraceQueries queries = new TraceQueries(workspace.dsl());

            assertThat(queries.traces("gpt-4o", 100)).extracting(TraceSummary::traceId).containsExactly("t-new", "t-old");
            assertThat(queries.traces("gpt-4o-mini", 100)).extracting(TraceSummary::traceId).containsExactly("t-new");
            assertThat(queries.traces("gpt-4o-2024-08-06", 100)).extracting(TraceSummary::traceId).containsExactly("t-old");
            assertThat(queries.traces("claude", 100)).extracting(TraceSummary::traceId).containsExactly("t-mid");
            assertThat(queries.traces("4o", 100)).as("a prefix, not a substring").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void likeWildcardsInTheModelFilterAreMatchedLiterally(String engine) {
        try (Workspace workspace = seeded(engine)) {
            TraceQueries queries = new TraceQueries(workspace.dsl());

            assertThat(queries.traces("gpt_4o", 100)).isEmpty();
            assertThat(queries.traces("%", 100)).isEmpty();
            assertThat(queries.traces("gpt%mini", 100)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aTracesSpansComeOrderedByStartThenIdWithSpansWithoutAStartLast(String engine) {
        try (Workspace workspace = seeded(engine)) {
            TraceDetail trace = new TraceQueries(workspace.dsl()).trace("t-new").orElseThrow();

            assertThat(trace.traceId()).isEqualTo("t-new");
            assertThat(trace.durationNs()).isEqualTo(950_000_000L);
            assertThat(trace.spans()).extracting(SpanDetail::spanId).containsExactly("root", "retrieve", "llm", "tool", "guard");
            assertThat(trace.spans()).extracting(SpanDetail::parentSpanId).containsExactly(null, "root", "root", "llm", "root");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anLlmSpanCarriesItsModelsParametersTemplateUsageCostAndAttributes(String engine) {
        try (Workspace workspace = seeded(engine)) {
            SpanDetail llm = span(new TraceQueries(workspace.dsl()).trace("t-new").orElseThrow(), "llm");

            assertThat(llm.kind()).isEqualTo("LLM");
            assertThat(llm.status()).isEqualTo("ERROR");
            assertThat(llm.error()).isEqualTo("upstream timeout after partial answer");
            assertThat(llm.provider()).isEqualTo("openai");
            assertThat(llm.requestModel()).isEqualTo("gpt-4o-mini");
            assertThat(llm.responseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
            assertThat(llm.parametersJson()).isEqualTo("{\"temperature\":0.2,\"max_tokens\":256}");
            assertThat(llm.promptTemplate()).isEqualTo(new SpanDetail.PromptTemplate("refund-answer", "3",
                    "Answer briefly: {{question}}", "{\"question\":\"Can I get a refund?\"}"));
            assertThat(llm.usage()).isEqualTo(new SpanDetail.TokenUsage(100L, 20L, 120L));
            assertThat(llm.cost().usd()).isEqualByComparingTo("0.0042");
            assertThat(llm.cost().estimated()).isTrue();
            assertThat(llm.attributesJson()).isEqualTo("{\"http.route\":\"/ask\",\"retry\":1}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void messagesDocumentsAndChecksBelongToTheirSpanInOrder(String engine) {
        try (Workspace workspace = seeded(engine)) {
            TraceDetail trace = new TraceQueries(workspace.dsl()).trace("t-new").orElseThrow();

            SpanDetail llm = span(trace, "llm");
            assertThat(llm.messages()).extracting(message -> message.direction() + ":" + message.role())
                    .containsExactly("INPUT:system", "INPUT:user", "OUTPUT:assistant");
            assertThat(llm.messages().get(2).toolCallsJson()).contains("call_1");
            assertThat(llm.checks()).extracting(SpanCheck::name).containsExactly("toxicity", "faithfulness");
            assertThat(llm.checks().get(1)).isEqualTo(new SpanCheck("faithfulness", "EVALUATION", "unfaithful", 0.2, false,
                    "Claims a policy the context lacks."));
            assertThat(span(trace, "retrieve").documents()).containsExactly(
                    new SpanDocument(1, "kb-3", 0.92, "Refunds within 30 days of purchase.", null, null),
                    new SpanDocument(2, "kb-7", 0.41, "Shipping takes 5 days.", null, null));
            assertThat(span(trace, "guard").checks()).extracting(SpanCheck::name).containsExactly("pii");
            assertThat(span(trace, "root").messages()).isEmpty();
            assertThat(span(trace, "root").documents()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aSpanWithoutModelDataHasNoTemplateUsageOrCost(String engine) {
        try (Workspace workspace = seeded(engine)) {
            SpanDetail tool = span(new TraceQueries(workspace.dsl()).trace("t-new").orElseThrow(), "tool");

            assertThat(tool.promptTemplate()).isNull();
            assertThat(tool.usage()).isNull();
            assertThat(tool.cost()).isNull();
            assertThat(tool.parametersJson()).as("no span_content row").isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anUnknownTraceIdFindsNothing(String engine) {
        try (Workspace workspace = seeded(engine)) {
            assertThat(new TraceQueries(workspace.dsl()).trace("no-such-trace")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void readingAWholeTraceTakesThreeQueriesWhateverItsNumberOfSpans(String engine) {
        location = TestDatabases.freshLocation(engine, tempDir);
        AtomicInteger queries = new AtomicInteger();
        ExecuteListener counter = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext context) {
                queries.incrementAndGet();
            }
        };
        try (Workspace workspace = Workspace.open(location, counter)) {
            TraceFixtures.seed(workspace.dsl());
            queries.set(0);

            TraceDetail trace = new TraceQueries(workspace.dsl()).trace("t-new").orElseThrow();

            assertThat(trace.spans()).hasSize(5);
            assertThat(queries.get()).as("trace, spans with content (messages and documents included), checks").isEqualTo(3);
        }
    }

    private static SpanDetail span(TraceDetail trace, String spanId) {
        return trace.spans().stream().filter(span -> span.spanId().equals(spanId)).findFirst().orElseThrow();
    }
}
