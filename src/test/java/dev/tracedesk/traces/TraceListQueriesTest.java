package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** The Traces table's page query over {@link TraceFixtures}, on every engine: filters, sort, paging, LLM calls. */
class TraceListQueriesTest {

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

    private static List<String> traceIds(DSLContext dsl, TraceFilter filter) {
        return new TraceListQueries(dsl).traces(filter, TraceSort.NEWEST_FIRST, 0).rows().stream()
                .map(TraceRow::traceId).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theFirstPageIsNewestFirstWithEachTracesSpanTotalsModelsAndPrompts(String engine) {
        try (Workspace workspace = seeded(engine)) {
            TracePage page = new TraceListQueries(workspace.dsl()).traces(TraceFilter.NONE, TraceSort.NEWEST_FIRST, 0);

            assertThat(page.rows()).extracting(TraceRow::traceId).containsExactly("t-new", "t-mid", "t-old", "t-nostart");
            assertThat(page.more()).isFalse();
            TraceRow fresh = page.rows().get(0);
            assertThat(fresh.name()).isEqualTo("answer question");
            assertThat(fresh.startNs()).isEqualTo(TraceFixtures.NEW_START);
            assertThat(fresh.latencyNs()).isEqualTo(950_000_000L);
            assertThat(fresh.servedModels()).containsExactly("gpt-4o-mini-2024-07-18");
            assertThat(fresh.prompts()).containsExactly("refund-answer v3");
            assertThat(fresh.tokens()).isEqualTo(120L);
            assertThat(fresh.costUsd()).isEqualByComparingTo("0.0042");
            assertThat(fresh.costEstimated()).isTrue();
            assertThat(fresh.status()).isEqualTo("ERROR");
            assertThat(fresh.spanCount()).isEqualTo(5);
            assertThat(fresh.spanRowId()).as("a trace row, not a call").isNull();
            TraceRow empty = page.rows().get(3);
            assertThat(empty.spanCount()).isZero();
            assertThat(empty.servedModels()).isEmpty();
            assertThat(empty.tokens()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void eachFilterKeepsTheTracesWithAMatchingSpan(String engine) {
        try (Workspace workspace = seeded(engine)) {
            DSLContext dsl = workspace.dsl();
            TraceFilter none = TraceFilter.NONE;

            assertThat(traceIds(dsl, none.withServedModel("gpt-4o-2024-08-06"))).containsExactly("t-old");
            assertThat(traceIds(dsl, none.withProvider("openai"))).containsExactly("t-new", "t-old");
            assertThat(traceIds(dsl, none.withRequestedModel("claude-3-5-sonnet"))).containsExactly("t-mid");
            assertThat(traceIds(dsl, none.withPrompt("refund-answer", "3"))).containsExactly("t-new");
            assertThat(traceIds(dsl, none.withPrompt("refund-answer", "2"))).isEmpty();
            assertThat(traceIds(dsl, none.withPrompt("refund-answer", null))).containsExactly("t-new");
            assertThat(traceIds(dsl, none.withKind("EMBEDDING"))).containsExactly("t-mid");
            assertThat(traceIds(dsl, none.withStatus("ERROR"))).containsExactly("t-new");
            assertThat(traceIds(dsl, none.withHasError(true))).containsExactly("t-new");
            assertThat(traceIds(dsl, none.withHasError(false))).containsExactly("t-new", "t-mid", "t-old");
            assertThat(traceIds(dsl, none.withLatencyRange(1_000_000_000L, null))).containsExactly("t-mid");
            assertThat(traceIds(dsl, none.withCostRange(new BigDecimal("0.001"), null))).containsExactly("t-new");
            assertThat(traceIds(dsl, none.withTimeRange(TraceFixtures.MID_START, TraceFixtures.NEW_START))).containsExactly("t-mid");
            assertThat(traceIds(dsl, none.withProvider("openai").withKind("TOOL"))).as("one span must match all")
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void searchHitsRestrictTheListToTheirSpansTraces(String engine) {
        try (Workspace workspace = seeded(engine)) {
            DSLContext dsl = workspace.dsl();
            long oldCall = dsl.select(SPAN.ID).from(SPAN).where(SPAN.EXTERNAL_SPAN_ID.eq("llm-old")).fetchOne().value1();

            assertThat(traceIds(dsl, TraceFilter.NONE.withSpanRowIds(Set.of(oldCall)))).containsExactly("t-old");
            assertThat(traceIds(dsl, TraceFilter.NONE.withSpanRowIds(Set.of()))).as("no hits, no rows").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anyColumnSortsBothWaysWithEmptyValuesLast(String engine) {
        try (Workspace workspace = seeded(engine)) {
            TraceListQueries queries = new TraceListQueries(workspace.dsl());

            assertThat(queries.traces(TraceFilter.NONE, new TraceSort(TraceSort.Column.LATENCY, true), 0).rows())
                    .extracting(TraceRow::traceId).containsExactly("t-old", "t-new", "t-mid", "t-nostart");
            assertThat(queries.traces(TraceFilter.NONE, new TraceSort(TraceSort.Column.SPANS, false), 0).rows())
                    .extracting(TraceRow::traceId).containsExactly("t-new", "t-mid", "t-old", "t-nostart");
            assertThat(queries.traces(TraceFilter.NONE, new TraceSort(TraceSort.Column.NAME, true), 0).rows())
                    .extracting(TraceRow::traceId).containsExactly("t-new", "t-mid", "t-nostart", "t-old");
            assertThat(queries.traces(TraceFilter.NONE, new TraceSort(TraceSort.Column.TIME, true), 0).rows())
                    .extracting(TraceRow::traceId).containsExactly("t-old", "t-mid", "t-new", "t-nostart");
            assertThat(queries.traces(TraceFilter.NONE, new TraceSort(TraceSort.Column.COST, false), 0).rows().get(0)
                    .traceId()).isEqualTo("t-new");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void pagesFollowOneAnotherWithoutGapsOrRepeats(String engine) {
        location = TestDatabases.freshLocation(engine, tempDir);
        try (Workspace workspace = Workspace.open(location)) {
            DSLContext dsl = workspace.dsl();
            var insert = dsl.insertInto(TRACE, TRACE.EXTERNAL_TRACE_ID, TRACE.SOURCE_SYSTEM, TRACE.START_NS, TRACE.STATUS);
            for (int i = 0; i < 450; i++) {
                // Pairs share a start time, so ties must break the same way on every page.
                insert = insert.values("p-" + i, "otlp", 1_000L * (i / 2), "OK");
            }
            insert.execute();
            TraceListQueries queries = new TraceListQueries(dsl);

            TracePage first = queries.traces(TraceFilter.NONE, TraceSort.NEWEST_FIRST, 0);
            TracePage second = queries.traces(TraceFilter.NONE, TraceSort.NEWEST_FIRST, 200);
            TracePage last = queries.traces(TraceFilter.NONE, TraceSort.NEWEST_FIRST, 400);

            assertThat(first.rows()).hasSize(200);
            assertThat(first.more()).isTrue();
            assertThat(second.more()).isTrue();
            assertThat(last.rows()).hasSize(50);
            assertThat(last.more()).isFalse();
            Set<String> seen = new HashSet<>();
            for (TracePage page : List.of(first, second, last)) {
                page.rows().forEach(row -> assertThat(seen.add(row.traceId())).as(row.traceId()).isTrue());
            }
            assertThat(seen).hasSize(450);
            assertThat(first.rows().get(0).traceId()).isEqualTo("p-449");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theLlmCallsToggleListsEachLlmSpanWithItsOwnModelPromptAndTotals(String engine) {
        try (Workspace workspace = seeded(engine)) {
            TraceListQueries queries = new TraceListQueries(workspace.dsl());

            TracePage calls = queries.llmCalls(TraceFilter.NONE, TraceSort.NEWEST_FIRST, 0);

            assertThat(calls.rows()).extracting(TraceRow::spanId).containsExactly("llm", "llm-old");
            TraceRow call = calls.rows().get(0);
            assertThat(call.traceId()).isEqualTo("t-new");
            assertThat(call.name()).isEqualTo("chat gpt-4o-mini");
            assertThat(call.servedModels()).containsExactly("gpt-4o-mini-2024-07-18");
            assertThat(call.prompts()).containsExactly("refund-answer v3");
            assertThat(call.latencyNs()).isEqualTo(850_000_000L);
            assertThat(call.tokens()).isEqualTo(120L);
            assertThat(call.status()).isEqualTo("ERROR");
            assertThat(call.spanCount()).isEqualTo(1);
            assertThat(queries.llmCalls(TraceFilter.NONE.withServedModel("gpt-4o-2024-08-06"), TraceSort.NEWEST_FIRST, 0)
                    .rows()).extracting(TraceRow::spanId).containsExactly("llm-old");
            assertThat(queries.llmCalls(TraceFilter.NONE, new TraceSort(TraceSort.Column.LATENCY, true), 0).rows())
                    .extracting(TraceRow::spanId).containsExactly("llm-old", "llm");
        }
    }
}
