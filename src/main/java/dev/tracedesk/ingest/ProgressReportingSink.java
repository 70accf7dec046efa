package dev.tracedesk.ingest;

import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.CheckTarget;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.ImportSource;

/** Passes records on to the writer and tells the task how far through the file the import is. */
final class ProgressReportingSink implements RecordSink {

    private static final int REPORT_EVERY = 500;

    private final RecordSink target;
    private final ImportSource source;
    private final TaskContext context;
    private final long startNanos = System.nanoTime();
    private long records;

    ProgressReportingSink(RecordSink target, ImportSource source, TaskContext context) {
        this.target = target;
        this.source = source;
        this.context = context;
    }

    @Override
    public void span(CanonicalSpan span) {
        target.span(span);
        counted();
    }

    @Override
    public void logEvent(CanonicalLogEvent event) {
        target.logEvent(event);
        counted();
    }

    @Override
    public void evalRun(CanonicalEvalRun run) {
        target.evalRun(run);
        counted();
    }

    @Override
    public void evalCase(CanonicalEvalCase evalCase) {
        target.evalCase(evalCase);
        counted();
    }

    @Override
    public void check(CheckTarget checkTarget, CanonicalCheck check) {
        target.check(checkTarget, check);
        counted();
    }

    @Override
    public void reject(Rejection rejection) {
        target.reject(rejection);
        counted();
    }

    @Override
    public void stopIfCancelled() {
        target.stopIfCancelled();
    }

    private void counted() {
        records++;
        if (records % REPORT_EVERY == 0) {
            double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
            context.progress(source.bytesRead(), source.sizeBytes(), String.format("%s: %,d records, %,.0f records/s",
                    source.fileName(), records, records / seconds));
            target.stopIfCancelled();
        }
    }
}
