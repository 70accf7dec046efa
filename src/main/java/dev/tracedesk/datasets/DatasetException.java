package dev.tracedesk.datasets;

/** A dataset request that cannot be done, said in words a user can act on. */
public final class DatasetException extends IllegalArgumentException {

    public DatasetException(String message) {
        super(message);
    }
}
