package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.review.ItemStates;
import dev.tracedesk.review.QueueDefinition;
import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.review.TargetKind;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/**
 * The Traces table's Flags and Verdict columns and the Labeled / Unlabeled filter, over real
 * imports (OpenInference traces, OpenAI Evals items with their calls) labeled through the review
 * package, on every engine.
 */
class ReviewMarksTest {

    private static final Path OPENINFERENCE = Path.of("src/test/resources/fixtures/openinference/traces.jsonl");
    private static final Path INSPECT_LOG = Path.of("src/test/resources/fixtures/inspect/input-task.json");
    /** The OpenAI Evals API reference's example output item: an eval case with the call it ran (span_id set). */
    private static final String API_ITEM = "{\"object\":\"eval.run.output_item\",\"id\":\"outputitem_67e5796c28e081909917bf79f6e6214d\","
            + "\"created_at\":1743092076,\"run_id\":\"evalrun_67abd54d60ec8190832b46859da808f7\","
            + "\"eval_id\":\"eval_67abd54d9b0081909a86353f6fb9317a\",\"status\":\"pass\",\"datasource_item_id\":5,"
            + "\"datasource_item\":{\"input\":\"Stock Markets Rally After Positive Economic Data Released\",\"ground_truth\":\"Markets\"},"
            + "\"results\":[{\"name\":\"String check-a2486074\",\"sample\":null,\"passed\":true,\"score\":1.0}],"
            + "\"sample\":{\"input\":[{\"role\":\"developer\",\"content\":\"Categorize a given news headline.\"},"
            + "{\"role\":\"user\",\"content\":\"Stock Markets Rally After Positive Economic Data Released\"}],"
            + "\"output\":[{\"role\":\"assistant\",\"content\":\"Markets\"}],\"finish_reason\":\"stop\","
            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"usage\":{\"total_tokens\":325,\"completion_tokens\":2,"
            + "\"prompt_tokens\":323,\"cached_tokens\":0},\"error\":null,\"temperature\":1.0,\"seed\":42}}";

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

    /** The labeled workspace: which calls got which verdicts, and the eval case's call. */
    private record Labeled(List<Long> calls, long caseCall, long caseTrace, Set<Long> labeledCalls) {
    }

    private static long queue(DSLContext dsl, String name, int labelsPerItem) {
        return new ReviewQueues(dsl, Clock.systemUTC()).create(name, null,
                new QueueDefinition(QueueDefinition.Kind.MANUAL, List.of(), null), labelsPerItem, false);
    }

    private static long item(DSLContext dsl, long queue, TargetKind kind, long target) {
        return dsl.select(REVIEW_ITEM.ID).from(REVIEW_ITEM)
                .where(REVIEW_ITEM.QUEUE_ID.eq(queue), REVIEW_ITEM.TARGET_KIND.eq(kind.name()), REVIEW_ITEM.TARGET_ID.eq(target))
                .fetchSingle(REVIEW_ITEM.ID);
    }

    /**
     * Calls 0–4 of the OpenInference import: 0 passed in one queue, disputed in a second (two labels
     * per item), then adjudicated a fail; 1 unsure in one queue, open (one label of two) in the other;
     * 2 failed and the label taken back; 3 failed, then passed by the same reviewer; 4 never labeled.
     * An OpenAI Evals case failed, on its call.
     */
    private Labeled label(DSLContext dsl) throws java.io.IOException {
        ReviewTestData.importFile(dsl, OPENINFERENCE);
        List<Long> calls = dsl.select(SPAN.ID).from(SPAN).where(SPAN.KIND.eq("LLM")).orderBy(SPAN.ID).fetch(SPAN.ID);
        assertThat(calls).hasSizeGreaterThanOrEqualTo(5);
        ReviewTestData.importFile(dsl, java.nio.file.Files.writeString(tempDir.resolve("items.jsonl"), API_ITEM + "\n"));
        ReviewTestData.importFile(dsl, INSPECT_LOG);
        Record evalCase = dsl.select(EVAL_CASE.ID, EVAL_CASE.SPAN_ID).from(EVAL_CASE).where(EVAL_CASE.SPAN_ID.isNotNull())
                .fetchSingle();
        Record traceCase = dsl.select(EVAL_CASE.ID, EVAL_CASE.TRACE_ID).from(EVAL_CASE)
                .where(EVAL_CASE.SPAN_ID.isNull(), EVAL_CASE.TRACE_ID.isNotNull()).fetchSingle();

        ReviewQueues queues = new ReviewQueues(dsl, Clock.systemUTC());
        ReviewLabels labels = new ReviewLabels(dsl, Clock.systemUTC());
        long single = queue(dsl, "single", 1);
        queues.addTargets(single, TargetKind.SPAN, calls.subList(0, 5), "every call");
        long pairs = queue(dsl, "pairs", 2);
        queues.addTargets(pairs, TargetKind.SPAN, calls.subList(0, 2), "second opinion");
        long cases = queue(dsl, "cases", 1);
        queues.addTargets(cases, TargetKind.EVAL_CASE, List.of(evalCase.get(EVAL_CASE.ID), traceCase.get(EVAL_CASE.ID)),
                "failed case");

        labels.label(item(dsl, single, TargetKind.SPAN, calls.get(0)), "ana", LabelDraft.of(Verdict.PASS));
        long disputed = item(dsl, pairs, TargetKind.SPAN, calls.get(0));
        labels.label(disputed, "ana", LabelDraft.of(Verdict.PASS));
        labels.label(disputed, "bo", LabelDraft.of(Verdict.FAIL));
        assertThat(ReviewMarks.ofCalls(dsl, List.of(calls.get(0)), dsl.select(SPAN.TRACE_ID).from(SPAN)
                .where(SPAN.ID.eq(calls.get(0))).fetch(SPAN.TRACE_ID)).get(calls.get(0)).verdict())
                .as("pass in one queue, disputed in the other").isEqualTo(ReviewVerdict.DISPUTED);
        labels.adjudicate(disputed, "cy", LabelDraft.of(Verdict.FAIL));
        labels.label(item(dsl, single, TargetKind.SPAN, calls.get(1)), "ana", LabelDraft.of(Verdict.UNSURE));
        labels.label(item(dsl, pairs, TargetKind.SPAN, calls.get(1)), "ana", LabelDraft.of(Verdict.PASS));
        long retracted = item(dsl, single, TargetKind.SPAN, calls.get(2));
        labels.label(retracted, "ana", LabelDraft.of(Verdict.FAIL));
        assertThat(labels.undoLast(retracted, "ana")).isPresent();
        long changed = item(dsl, single, TargetKind.SPAN, calls.get(3));
        labels.label(changed, "ana", LabelDraft.of(Verdict.FAIL));
        labels.label(changed, "ana", LabelDraft.of(Verdict.PASS));
        labels.label(item(dsl, cases, TargetKind.EVAL_CASE, evalCase.get(EVAL_CASE.ID)), "ana", LabelDraft.of(Verdict.FAIL));
        labels.label(item(dsl, cases, TargetKind.EVAL_CASE, traceCase.get(EVAL_CASE.ID)), "ana", LabelDraft.of(Verdict.UNSURE));

        // The review package's own reading of the items, which the columns must agree with.
        assertThat(ItemStates.settledVerdict(labels.history(changed), 1)).isEqualTo(Verdict.PASS);
        assertThat(ItemStates.currentLabels(labels.history(retracted))).isEmpty();
        return new Labeled(calls, evalCase.get(EVAL_CASE.SPAN_ID), traceCase.get(EVAL_CASE.TRACE_ID),
                Set.of(calls.get(0), calls.get(1), calls.get(3), evalCase.get(EVAL_CASE.SPAN_ID)));
    }

    private Workspace open(String engine) {
        location = TestDatabases.freshLocation(engine, tempDir);
        return Workspace.open(location);
    }

    private static Map<Long, TraceRow> allCalls(DSLContext dsl, TraceFilter filter) {
        return new TraceListQueries(dsl).llmCalls(filter, TraceSort.NEWEST_FIRST, 0).rows().stream()
                .collect(Collectors.toMap(TraceRow::spanRowId, row -> row));
    }

    private static Map<Long, TraceRow> allTraces(DSLContext dsl, TraceFilter filter) {
        return new TraceListQueries(dsl).traces(filter, TraceSort.NEWEST_FIRST, 0).rows().stream()
                .collect(Collectors.toMap(TraceRow::traceRowId, row -> row));
    }

    private static int itemsBefore(DSLContext dsl, long span) {
        // Items the import's flag rules made, besides the test's own.
        return dsl.fetchCount(REVIEW_ITEM, REVIEW_ITEM.TARGET_KIND.eq("SPAN"), REVIEW_ITEM.TARGET_ID.eq(span),
                REVIEW_ITEM.QUEUE_ID.notIn(org.jooq.impl.DSL.select(dev.tracedesk.store.generated.Tables.REVIEW_QUEUE.ID)
                        .from(dev.tracedesk.store.generated.Tables.REVIEW_QUEUE)
                        .where(dev.tracedesk.store.generated.Tables.REVIEW_QUEUE.NAME.in("single", "pairs", "cases"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void eachCallShowsItsFlagsAndTheWorstVerdictOfItsItems(String engine) throws Exception {
        try (Workspace workspace = open(engine)) {
            DSLContext dsl = workspace.dsl();
            Labeled labeled = label(dsl);
            Map<Long, TraceRow> calls = allCalls(dsl, TraceFilter.NONE);
            List<Long> c = labeled.calls();

            assertThat(calls.get(c.get(0)).review().verdict()).as("fail (adjudicated) outranks pass").isEqualTo(ReviewVerdict.FAIL);
            assertThat(calls.get(c.get(0)).review().items()).isEqualTo(2 + itemsBefore(dsl, c.get(0)));
            assertThat(calls.get(c.get(0)).review().reasons()).contains("every call", "second opinion");
            assertThat(calls.get(c.get(1)).review().verdict()).as("unsure outranks open").isEqualTo(ReviewVerdict.UNSURE);
            assertThat(calls.get(c.get(2)).review().verdict()).as("retracted").isNull();
            assertThat(calls.get(c.get(2)).review().items()).isEqualTo(1 + itemsBefore(dsl, c.get(2)));
            assertThat(calls.get(c.get(3)).review().verdict()).as("the reviewer's newest label").isEqualTo(ReviewVerdict.PASS);
            assertThat(calls.get(c.get(4)).review().verdict()).isNull();
            assertThat(calls.get(c.get(4)).review().flagsText()).isEqualTo("⚑ " + (1 + itemsBefore(dsl, c.get(4))));
            assertThat(calls.get(labeled.caseCall()).review().verdict()).as("through its eval case").isEqualTo(ReviewVerdict.FAIL);
            assertThat(calls.get(labeled.caseCall()).review().reasons()).contains("failed case");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aTraceShowsTheWorstVerdictAmongItsCallsAndEvalCases(String engine) throws Exception {
        try (Workspace workspace = open(engine)) {
            DSLContext dsl = workspace.dsl();
            Labeled labeled = label(dsl);
            Map<Long, TraceRow> calls = allCalls(dsl, TraceFilter.NONE);
            Map<Long, TraceRow> traces = allTraces(dsl, TraceFilter.NONE);

            assertThat(traces.get(labeled.caseTrace()).review().verdict()).as("its eval case, no call named")
                    .isEqualTo(ReviewVerdict.UNSURE);
            for (TraceRow trace : traces.values()) {
                if (trace.traceRowId() == labeled.caseTrace()) {
                    continue;
                }
                List<TraceRow> itsCalls = calls.values().stream().filter(call -> call.traceRowId() == trace.traceRowId()).toList();
                ReviewVerdict worst = itsCalls.stream().map(call -> call.review().verdict())
                        .reduce(null, ReviewVerdict::worse);
                assertThat(trace.review().verdict()).as(trace.traceId()).isEqualTo(worst);
                assertThat(trace.review().items()).as(trace.traceId())
                        .isGreaterThanOrEqualTo(itsCalls.stream().mapToInt(call -> call.review().items()).max().orElse(0));
            }
            long failedTrace = calls.get(labeled.calls().get(0)).traceRowId();
            assertThat(traces.get(failedTrace).review().verdict()).isEqualTo(ReviewVerdict.FAIL);
            assertThat(traces.get(calls.get(labeled.caseCall()).traceRowId()).review().verdict()).isEqualTo(ReviewVerdict.FAIL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void labeledAndUnlabeledSplitTheCallsAndTracesAndTheFacetsCountWhatIsShown(String engine) throws Exception {
        try (Workspace workspace = open(engine)) {
            DSLContext dsl = workspace.dsl();
            Labeled labeled = label(dsl);
            Map<Long, TraceRow> everyCall = allCalls(dsl, TraceFilter.NONE);

            assertThat(allCalls(dsl, TraceFilter.NONE.withLabeled(true)).keySet())
                    .containsExactlyInAnyOrderElementsOf(labeled.labeledCalls());
            Set<Long> unlabeled = new HashSet<>(everyCall.keySet());
            unlabeled.removeAll(labeled.labeledCalls());
            assertThat(allCalls(dsl, TraceFilter.NONE.withLabeled(false)).keySet()).containsExactlyInAnyOrderElementsOf(unlabeled);
            assertThat(allCalls(dsl, TraceFilter.NONE.withLabeled(false)).values())
                    .allSatisfy(row -> assertThat(row.review().verdict()).isNull());

            Set<Long> labeledTraces = labeled.labeledCalls().stream().map(call -> everyCall.get(call).traceRowId())
                    .collect(Collectors.toCollection(HashSet::new));
            labeledTraces.add(labeled.caseTrace());
            Map<Long, TraceRow> everyTrace = allTraces(dsl, TraceFilter.NONE);
            assertThat(allTraces(dsl, TraceFilter.NONE.withLabeled(true)).keySet()).containsExactlyInAnyOrderElementsOf(labeledTraces);
            Set<Long> unlabeledTraces = new HashSet<>(everyTrace.keySet());
            unlabeledTraces.removeAll(labeledTraces);
            assertThat(allTraces(dsl, TraceFilter.NONE.withLabeled(false)).keySet())
                    .containsExactlyInAnyOrderElementsOf(unlabeledTraces);
            // With another filter: labeled and a served model.
            String model = everyCall.get(labeled.calls().get(0)).servedModels().get(0);
            assertThat(allCalls(dsl, TraceFilter.NONE.withLabeled(true).withServedModel(model)).keySet())
                    .containsExactlyInAnyOrderElementsOf(labeled.labeledCalls().stream()
                            .filter(call -> everyCall.get(call).servedModels().contains(model)).toList());

            // Facets under the filter count what the filter shows: labeled calls by served model.
            Map<Facet, List<FacetCount>> facets = new FacetQueries(dsl).counts(TraceFilter.NONE.withLabeled(true), true);
            long counted = facets.get(Facet.KIND).stream().mapToLong(FacetCount::count).sum();
            assertThat(counted).isEqualTo(labeled.labeledCalls().size());
            long unlabeledCounted = new FacetQueries(dsl).counts(TraceFilter.NONE.withLabeled(false), true).get(Facet.KIND)
                    .stream().mapToLong(FacetCount::count).sum();
            assertThat(unlabeledCounted).isEqualTo(unlabeled.size());
            long spansOfLabeledTraces = dsl.fetchCount(SPAN, SPAN.TRACE_ID.in(labeledTraces));
            assertThat(new FacetQueries(dsl).counts(TraceFilter.NONE.withLabeled(true), false).get(Facet.KIND)
                    .stream().mapToLong(FacetCount::count).sum()).isEqualTo(spansOfLabeledTraces);
        }
    }
}
