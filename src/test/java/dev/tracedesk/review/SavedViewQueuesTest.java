package dev.tracedesk.review;

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

import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.traces.SavedViews;
import dev.tracedesk.traces.TraceFilter;
import dev.tracedesk.traces.TracesViewDefinition;
import dev.tracedesk.traces.TracesViewJson;

/** A queue made from a saved Traces view holds exactly the LLM calls the view shows. */
class SavedViewQueuesTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static void saveView(DSLContext dsl, String name, TraceFilter filter, String search) {
        new SavedViews(dsl).save(SavedViewQueues.SECTION, name, TracesViewJson.write(new TracesViewDefinition(filter,
                search, true, TracesViewDefinition.DEFAULT.sort(), TracesViewDefinition.DEFAULT.columns())));
    }

    private static List<Long> targets(DSLContext dsl, long queue) {
        return new ReviewItems(dsl, Clock.systemUTC()).ofQueue(queue, 10_000).stream()
                .map(ReviewItemSummary::targetId).sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theQueueHoldsTheViewsCallsAndARefreshAddsNewOnes(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.OTEL_TRACES);
            String model = dsl.select(SPAN.SERVED_MODEL).from(SPAN).where(SPAN.KIND.eq("LLM"), SPAN.SERVED_MODEL.isNotNull())
                    .limit(1).fetchOne(SPAN.SERVED_MODEL);
            saveView(dsl, "one model", TraceFilter.NONE.withServedModel(model), "");
            SavedViewQueues queues = new SavedViewQueues(dsl, Clock.systemUTC(), null);

            long queue = queues.create("model review", "one model", 1, false, LabelSchema.DEFAULT);

            List<Long> expected = dsl.select(SPAN.ID).from(SPAN).where(SPAN.KIND.eq("LLM"), SPAN.SERVED_MODEL.eq(model))
                    .orderBy(SPAN.ID).fetch(SPAN.ID);
            assertThat(expected).isNotEmpty();
            assertThat(targets(dsl, queue)).isEqualTo(expected);
            assertThat(new ReviewQueues(dsl, Clock.systemUTC()).byName("model review").orElseThrow().definition())
                    .isEqualTo(QueueDefinition.ofSavedView("one model"));
            assertThat(queues.refresh(queue)).as("nothing new").isZero();

            ReviewTestData.importFile(dsl, ReviewTestData.RAG_TRACE);
            List<Long> nowExpected = dsl.select(SPAN.ID).from(SPAN)
                    .where(SPAN.KIND.eq("LLM"), SPAN.SERVED_MODEL.eq(model)).orderBy(SPAN.ID).fetch(SPAN.ID);
            assertThat(queues.refresh(queue)).isEqualTo(nowExpected.size() - expected.size());
            assertThat(targets(dsl, queue)).isEqualTo(nowExpected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aViewThatSearchesNeedsTheSearchIndexAndAMissingViewIsNamed(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            saveView(dsl, "refunds", TraceFilter.NONE, "refund");
            SavedViewQueues queues = new SavedViewQueues(dsl, Clock.systemUTC(), null);

            assertThatThrownBy(() -> queues.create("q", "refunds", 1, false, LabelSchema.DEFAULT))
                    .hasMessageContaining("searches for text");
            assertThatThrownBy(() -> queues.create("q", "nope", 1, false, LabelSchema.DEFAULT))
                    .hasMessageContaining("no saved Traces view named \"nope\"");
            assertThat(new ReviewQueues(dsl, Clock.systemUTC()).byName("q")).as("nothing half made").isEmpty();
        }
    }
}
