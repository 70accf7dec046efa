package dev.tracedesk.review;

import java.util.Map;

/**
 * Who is reviewing. The window asks on first start, offering the OS user; the CLI takes
 * {@code --reviewer}, else {@code TRACEDESK_REVIEWER}, else the OS user.
 */
public final class Reviewers {

    static final int MAX_LENGTH = 200;

    private Reviewers() {
    }

    public static String fromEnvironment(Map<String, String> environment) {
        String named = environment.get("TRACEDESK_REVIEWER");
        if (named != null && !named.isBlank()) {
            return named.trim();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "reviewer" : user;
    }

    /** The name trimmed; a clear error for a blank or over-long one. */
    public static String require(String reviewer) {
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("A label needs a reviewer name.");
        }
        String name = reviewer.trim();
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A reviewer name has at most " + MAX_LENGTH + " characters.");
        }
        return name;
    }
}
