package dev.tracedesk.ingest;

import java.util.ArrayList;
import java.util.List;

import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.CanonicalEvalRun;
import dev.tracedesk.ingest.model.CanonicalLogEvent;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.CheckTarget;
import dev.tracedesk.ingest.model.RecordSink;
import dev.tracedesk.ingest.model.Rejection;

/** A sink that keeps everything a reader emits, in order, for reader tests (no database). */
public final class CollectingSink implements RecordSink {

    public final List<CanonicalSpan> spans = new ArrayList<>();
    public final List<CanonicalLogEvent> logEvents = new ArrayList<>();
    public final List<CanonicalEvalRun> runs = new ArrayList<>();
    public final List<CanonicalEvalCase> cases = new ArrayList<>();
    public final List<CheckTarget> checkTargets = new ArrayList<>();
    public final List<CanonicalCheck> checks = new ArrayList<>();
    public final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void span(CanonicalSpan span) {
        spans.add(span);
    }

    @Override
    public void logEvent(CanonicalLogEvent event) {
        logEvents.add(event);
    }

    @Override
    public void evalRun(CanonicalEvalRun run) {
        runs.add(run);
    }

    @Override
    public void evalCase(CanonicalEvalCase evalCase) {
        if (runs.isEmpty()) {
            throw new AssertionError("an eval case came before any eval run");
        }
        cases.add(evalCase);
    }

    @Override
    public void check(CheckTarget target, CanonicalCheck check) {
        checkTargets.add(target);
        checks.add(check);
    }

    @Override
    public void reject(Rejection rejection) {
        rejections.add(rejection);
    }

    @Override
    public void stopIfCancelled() {
        // never cancelled in reader tests
    }

    public CanonicalSpan span(String spanId) {
        return spans.stream().filter(span -> spanId.equals(span.spanId)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + spanId + " among " + spans.size()));
    }
}
