package dev.tracedesk.traces;

/** A saved view whose definition cannot be read; the message says why, to follow "The view … could not be read: ". */
public final class UnreadableViewException extends RuntimeException {

    public UnreadableViewException(String reason) {
        super(reason);
    }
}
