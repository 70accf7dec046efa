package dev.tracedesk.ingest.model;

/**
 * Where a reader puts what it reads. Readers know a file shape and call these in file order;
 * they never see the database. Every call counts as one record read.
 *
 * <p>A record that cannot be understood goes to {@link #reject} with where it was and why, and
 * the reader carries on with the next one: nothing read is silently dropped.
 */
public interface RecordSink {

    void span(CanonicalSpan span);

    /** A GenAI message that arrived as an OTLP log record; it joins its span. */
    void logEvent(CanonicalLogEvent event);

    /** Starts a run; the cases that follow belong to it. */
    void evalRun(CanonicalEvalRun run);

    void evalCase(CanonicalEvalCase evalCase);

    /** A check that stands apart from its span (e.g. a Langfuse score). */
    void check(CheckTarget target, CanonicalCheck check);

    void reject(Rejection rejection);

    /** Readers call this between records; it throws when the user cancelled the import. */
    void stopIfCancelled();
}
