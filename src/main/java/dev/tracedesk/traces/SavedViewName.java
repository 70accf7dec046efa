package dev.tracedesk.traces;

import java.util.Optional;

/** The rules for a saved view's name: what the column holds (200 characters), never blank, trimmed. */
public final class SavedViewName {

    public static final int MAX_LENGTH = 200;

    private SavedViewName() {
    }

    /** Why the name cannot be used, in words for the save dialog; empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Give the view a name.");
        }
        String trimmed = name.trim();
        // Counted as the database counts: characters, not UTF-16 units.
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            return Optional.of("A name has at most " + MAX_LENGTH + " characters.");
        }
        return Optional.empty();
    }

    /** The trimmed name. @throws IllegalArgumentException with the {@link #problem} when there is one */
    public static String require(String name) {
        problem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return name.trim();
    }
}
