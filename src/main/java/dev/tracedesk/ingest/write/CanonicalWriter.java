package dev.tracedesk.ingest.write;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
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
 * it again adds only what is missing (natural keys decide what is a duplicate).
 */
public final class CanonicalWriter implements RecordSink {

    /** Spans per transaction; also bounded by {@link #MAX_BATCH_CHARS} of text. */
    static final int SPAN_BATCH = 500;
    static final long MAX_BATCH_CHARS = 16L * 1024 * 1024;
    static final int SMALL_BATCH = 200;

    private final DSLContext dsl;
    private final BooleanSupplier cancelled;
    private final SpanBatchWriter spanWriter;
    private final EvalRows evalRows;
    private final LooseRows looseRows;

    private final List<CanonicalSpan> spans = new ArrayList<>();
    private long spanChars;
    private final List<CanonicalEvalCase> cases = new ArrayList<>();
    private final List<CanonicalLogEvent> logEvents = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private Long currentRunId;

    private long read;
    private long imported;
    private long duplicates;
    private long rejected;

    public CanonicalWriter(DSLContext dsl, long importId, PriceTable prices, BooleanSupplier cancelled) {
        this.dsl = dsl;
        this.cancelled = cancelled;
        this.spanWriter = new SpanBatchWriter(importId, prices);
        this.evalRows = new EvalRows(importId);
        this.looseRows = new LooseRows(importId);
    }

    @Override
    public void span(CanonicalSpan span) {
        read++;
        spans.add(span);
        spanChars += approximateChars(span);
        if (spans.size() >= SPAN_BATCH || spanChars >= MAX_BATCH_CHARS) {
            flushSpans();
        }
    }

    @Override
    public void logEvent(CanonicalLogEvent event) {
        read++;
        logEvents.add(event);
        if (logEvents.size() >= SMALL_BATCH) {
            flushLogEvents();
        }
    }

    @Override
    public void evalRun(CanonicalEvalRun run) {
        flushCases();
        read++;
        EvalRows.RunRow row = dsl.transactionResult(configuration -> evalRows.upsertRun(configuration.dsl(), run));
        currentRunId = row.id();
        if (row.created()) {
            imported++;
        } else {
            duplicates++;
        }
    }

    @Override
    public void evalCase(CanonicalEvalCase evalCase) {
        if (currentRunId == null) {
            throw new IllegalStateException("A reader emitted an eval case before its run");
        }
        read++;
        cases.add(evalCase);
        if (cases.size() >= SMALL_BATCH) {
            flushCases();
        }
    }

    @Override
    public void check(CheckTarget target, CanonicalCheck check) {
        flushSpans();
        read++;
        LooseRows.CheckOutcome outcome = dsl.transactionResult(configuration -> LooseRows.insertCheck(configuration.dsl(), target, check));
        switch (outcome) {
            case INSERTED -> imported++;
            case DUPLICATE -> duplicates++;
            case NO_SPAN -> {
                read--;
                reject(new Rejection("check " + check.name(), null, String.valueOf(check),
                        "its span (trace " + target.traceId() + (target.spanId() == null ? "" : ", span " + target.spanId())
                                + ") is not in the workspace: import the traces first, then this file again"));
            }
        }
    }

    @Override
    public void reject(Rejection rejection) {
        read++;
        rejected++;
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

    /** Writes what is still buffered and attaches log-event messages to their spans. */
    public ImportCounts finish() {
        flushAll();
        dsl.transaction(configuration -> LooseRows.attachLogMessages(configuration.dsl()));
        return counts();
    }

    /** Writes what is buffered, e.g. before recording a failure, so nothing read is lost. */
    public void flushAll() {
        flushSpans();
        flushCases();
        flushLogEvents();
        flushRejections();
    }

    public ImportCounts counts() {
        return new ImportCounts(read, imported, duplicates, rejected);
    }

    private void flushSpans() {
        if (spans.isEmpty()) {
            return;
        }
        List<CanonicalSpan> batch = List.copyOf(spans);
        spans.clear();
        spanChars = 0;
        SpanBatchWriter.Result result;
        try {
            result = dsl.transactionResult(configuration -> spanWriter.write(configuration.dsl(), batch));
        } catch (SpanBatchWriter.ConcurrentImportConflict conflict) {
            // another import wrote some of these spans meanwhile: the retry sees them as duplicates
            result = dsl.transactionResult(configuration -> spanWriter.write(configuration.dsl(), batch));
        }
        imported += result.imported();
        duplicates += result.duplicates();
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
        int written = dsl.transactionResult(configuration -> {
            int count = 0;
            for (CanonicalEvalCase evalCase : batch) {
                count += evalRows.insertCase(configuration.dsl(), runId, evalCase) ? 1 : 0;
            }
            return count;
        });
        imported += written;
        duplicates += batch.size() - written;
    }

    private void flushLogEvents() {
        if (logEvents.isEmpty()) {
            return;
        }
        List<CanonicalLogEvent> batch = List.copyOf(logEvents);
        logEvents.clear();
        int written = dsl.transactionResult(configuration -> looseRows.insertLogEvents(configuration.dsl(), batch));
        imported += written;
        duplicates += batch.size() - written;
    }

    private void flushRejections() {
        if (rejections.isEmpty()) {
            return;
        }
        List<Rejection> batch = List.copyOf(rejections);
        rejections.clear();
        dsl.transaction(configuration -> looseRows.insertRejections(configuration.dsl(), batch));
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
