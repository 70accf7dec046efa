package dev.tracedesk.ingest.otlp;

/** A record that is well-formed JSON but cannot be imported (no trace id, wrong type); the reason is for a person. */
final class BadRecordException extends Exception {

    BadRecordException(String reason) {
        super(reason, null, false, false);
    }
}
