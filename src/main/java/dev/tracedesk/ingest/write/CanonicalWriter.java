package dev.tracedesk.ingest.write;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.jooq.DSLContext;

import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.CheckTarget;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;

/**
 * The sink every import writes through: it batches what readers emit and commits each batch in
 * its own transaction, so an import stopped at any point leaves whole batches behind, and running
 * it again adds only what is missing (natural keys decide what is a duplicate). The batches are
 * written on a {@link WriteQueue} thread while the reader goes on; {@link #finish()} or
 * {@link #flushAll()} waits for them, and {@link #close()} ends the thread.
 */
public final class CanonicalWriter implements RecordSink, AutoCloseable {

    /**
     * Spans per transaction; also bounded by {@link #MAX_BATCH_CHARS} of text. Small on purpose:
     * H2 writes a page it saves while the transaction is open a second time once it commits, and
     * a transaction of ~1 MB mostly commits before H2's next save. 100 spans made the 200k-span
     * benchmark 22 % faster and its file 40 % smaller than 500 (docs/benchmarks.md).
     */
    public static final int SPAN_BATCH = 100;
    /** With {@link WriteQueue#IN_FLIGHT} batches queued beside the one being filled, ~3 × 2 MB of text at most. */
    static final long MAX_BATCH_CHARS = 1024L * 1024;
    static final int SMALL_BATCH = 200;

    private final DSLContext dsl;
    private final BooleanSupplier cancelled;
    private final SpanBatchWriter spanWriter;
    private final EvalRows evalRows;
    private final LooseRows looseRows;

    private final WriteQueue queue = new WriteQueue();

    private final List<CanonicalSpan> spans = new ArrayList<>();
    private long spanChars;
    private final List<CanonicalEvalCase> cases = new ArrayList<>();
    private final List<CanonicalLogEvent> logEvents = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private Long currentRunId;

    // read on the reader's thread, the rest on the writer's (checks without a span are rejected there)
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong imported = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public CanonicalWriter(DSLContext dsl, long importId, PriceTable prices, BooleanSupplier cancelled) {
        this.dsl = dsl;
        this.cancelled = cancelled;
        this.spanWriter = new SpanBatchWriter(importId, prices);
        this.evalRows = new EvalRows(importId);
        this.looseRows = new LooseRows(importId);
    }

    @Override
    public void span(CanonicalSpan span) {
        read.incrementAndGet();
        spans.add(span);
        spanChars += approximateChars(span);
        if (spans.size() >= SPAN_BATCH || spanChars >= MAX_BATCH_CHARS) {
            flushSpans();
        }
    }

    @Override
    public void logEvent(CanonicalLogEvent event) {
        read.incrementAndGet();
        logEvents.add(event);
        if (logEvents.size() >= SMALL_BATCH) {
            flushLogEvents();
        }
    }

    @Override
    public void evalRun(CanonicalEvalRun run) {
        flushCases();
        read.incrementAndGet();
        EvalRows.RunRow row = queue.call(() -> dsl.transactionResult(configuration -> evalRows.upsertRun(configuration.dsl(), run)));
        currentRunId = row.id();
        (row.created() ? imported : duplicates).incrementAndGet();
    }

    @Override
    public void evalCase(CanonicalEvalCase evalCase) {
        if (currentRunId == null) {
            throw new IllegalStateException("A reader emitted an eval case before its run");
        }
        read.incrementAndGet();
        cases.add(evalCase);
        if (cases.size() >= SMALL_BATCH) {
            flushCases();
        }
    }

    @Override
    public void check(CheckTarget target, CanonicalCheck check) {
        // after the spans read before it, which may be the ones it belongs to
        flushSpans();
        read.incrementAndGet();
        queue.submit(() -> dsl.transaction(configuration -> {
            switch (LooseRows.insertCheck(configuration.dsl(), target, check)) {
                case INSERTED -> imported.incrementAndGet();
                case DUPLICATE -> duplicates.incrementAndGet();
                case NO_SPAN -> {
                    rejected.incrementAndGet();
                    looseRows.insertRejections(configuration.dsl(), List.of(new Rejection("check " + check.name(), null,
                            String.valueOf(check), "its span (trace " + target.traceId()
                            + (target.spanId() == null ? "" : ", span " + target.spanId())
                            + ") is not in the workspace: import the traces first, then this file again")));
                }
            }
        }));
    }

    @Override
    public void reject(Rejection rejection) {
        read.incrementAndGet();
        rejected.incrementAndGet();
        rejections.add(rejection);
        if (rejections.size() >= SMALL_BATCH) {
            flushRejections();
        }
    }

    @Override
    public void stopIfCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Import cancelled");
        }
    }

    /** Writes what is still buffered, attaches log-event messages to their spans, and waits for it all. */
    public ImportCounts finish() {
        flushAll();
        queue.call(() -> {
            dsl.transaction(configuration -> LogMessageAttacher.attach(configuration.dsl()));
            return null;
        });
        return counts();
    }

    /**
     * Writes what is buffered and waits until it is stored, e.g. before recording a cancel or a
     * failure, so nothing read is lost. Throws the first failed write, if any.
     */
    public void flushAll() {
        flushSpans();
        flushCases();
        flushLogEvents();
        flushRejections();
        queue.drain();
    }

    public ImportCounts counts() {
        return new ImportCounts(read.get(), imported.get(), duplicates.get(), rejected.get());
    }

    @Override
    public void close() {
        queue.close();
    }

    private void flushSpans() {
        if (spans.isEmpty()) {
            return;
        }
        List<CanonicalSpan> batch = List.copyOf(spans);
        spans.clear();
        spanChars = 0;
        queue.submit(() -> {
            SpanBatchWriter.Result result;
            try {
                result = dsl.transactionResult(configuration -> spanWriter.write(configuration.dsl(), batch));
            } catch (SpanBatchWriter.ConcurrentImportConflict conflict) {
                // another import wrote some of these spans meanwhile: the retry sees them as duplicates
                result = dsl.transactionResult(configuration -> spanWriter.write(configuration.dsl(), batch));
            }
            imported.addAndGet(result.imported());
            duplicates.addAndGet(result.duplicates());
        });
    }

    private void flushCases() {
        if (cases.isEmpty()) {
            return;
        }
        // a case links to its trace by id: the spans read before it must be in the workspace first
        flushSpans();
        List<CanonicalEvalCase> batch = List.copyOf(cases);
        cases.clear();
        long runId = currentRunId;
        queue.submit(() -> {
            int written = dsl.transactionResult(configuration -> {
                int count = 0;
                for (CanonicalEvalCase evalCase : batch) {
                    count += evalRows.insertCase(configuration.dsl(), runId, evalCase) ? 1 : 0;
                }
                return count;
            });
            imported.addAndGet(written);
            duplicates.addAndGet(batch.size() - written);
        });
    }

    private void flushLogEvents() {
        if (logEvents.isEmpty()) {
            return;
        }
        List<CanonicalLogEvent> batch = List.copyOf(logEvents);
        logEvents.clear();
        queue.submit(() -> {
            int written = dsl.transactionResult(configuration -> looseRows.insertLogEvents(configuration.dsl(), batch));
            imported.addAndGet(written);
            duplicates.addAndGet(batch.size() - written);
        });
    }

    private void flushRejections() {
        if (rejections.isEmpty()) {
            return;
        }
        List<Rejection> batch = List.copyOf(rejections);
        rejections.clear();
        queue.submit(() -> dsl.transaction(configuration -> looseRows.insertRejections(configuration.dsl(), batch)));
    }

    private static long approximateChars(CanonicalSpan span) {
        long chars = length(span.inputText) + length(span.outputText) + length(span.attributesJson);
        for (var message : span.messages) {
            chars += length(message.content());
        }
        for (var document : span.documents) {
            chars += length(document.content());
        }
        return chars;
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
