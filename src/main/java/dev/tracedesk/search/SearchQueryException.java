package dev.tracedesk.search;

/** A query the user typed that cannot be read; the message says what is wrong in words. */
public final class SearchQueryException extends RuntimeException {

    public SearchQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
