package dev.tracedesk.review;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.SPAN;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.TestImports;

/** Real fixtures imported and their calls or cases put into a queue, for the review tests. */
public final class ReviewTestData {

    public static final Path RAG_TRACE = Path.of("src/test/resources/fixtures/openinference/rag-trace.json");
    public static final Path OTEL_TRACES = Path.of("src/test/resources/fixtures/otel-genai/traces.jsonl");
    public static final Path PROMPTFOO_RUN = Path.of("src/test/resources/fixtures/promptfoo/run-prompt-v1.json");

    private ReviewTestData() {
    }

    public static void importFile(DSLContext dsl, Path file) {
        new ImportService(dsl, FormatReaders.standard()).importFile(file, Optional.empty(), TestImports.NEVER_CANCELLED);
    }

    /** A queue holding every LLM call in the workspace; returns its id. */
    public static long queueOfAllCalls(DSLContext dsl, String name, int labelsPerItem, boolean blind) {
        ReviewQueues queues = new ReviewQueues(dsl, Clock.systemUTC());
        long queue = queues.create(name, null, new QueueDefinition(QueueDefinition.Kind.MANUAL, List.of(), null),
                labelsPerItem, blind);
        List<Long> calls = dsl.select(SPAN.ID).from(SPAN).where(SPAN.KIND.eq("LLM")).orderBy(SPAN.ID).fetch(SPAN.ID);
        queues.addTargets(queue, TargetKind.SPAN, calls, "every call");
        return queue;
    }

    /** A queue holding every eval case in the workspace; returns its id. */
    public static long queueOfAllCases(DSLContext dsl, String name) {
        ReviewQueues queues = new ReviewQueues(dsl, Clock.systemUTC());
        long queue = queues.create(name, null, new QueueDefinition(QueueDefinition.Kind.MANUAL, List.of(), null), 1,
                false);
        queues.addTargets(queue, TargetKind.EVAL_CASE,
                dsl.select(EVAL_CASE.ID).from(EVAL_CASE).orderBy(EVAL_CASE.ID).fetch(EVAL_CASE.ID), "every case");
        return queue;
    }

    public static List<Long> itemIds(DSLContext dsl, long queueId) {
        return new ReviewItems(dsl, Clock.systemUTC()).ofQueue(queueId, 10_000).stream()
                .map(ReviewItemSummary::itemId).toList();
    }

    /** A clock the test moves by hand. */
    public static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T10:00:00.123456789Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
