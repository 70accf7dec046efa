package dev.tracedesk.review.rules;

/** A rule's config cannot be used: the message says which setting and what was expected. */
public final class RuleConfigException extends IllegalArgumentException {

    public RuleConfigException(String message) {
        super(message);
    }

    public RuleConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
