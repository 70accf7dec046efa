package dev.tracedesk.ingest.langfuse;

/** Why one record cannot be imported; it becomes a rejection and reading goes on. */
final class RecordProblem extends Exception {

    RecordProblem(String reason) {
        super(reason, null, false, false);
    }
}
