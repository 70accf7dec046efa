package dev.tracedesk.review;

import java.util.Locale;
import java.util.Optional;

/** A reviewer's judgement of an output. The digit is its key on the review screen. */
public enum Verdict {
    PASS('1'),
    FAIL('2'),
    UNSURE('3');

    private final char key;

    Verdict(char key) {
        this.key = key;
    }

    public char key() {
        return key;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Reads "pass", "FAIL", "Unsure"; empty for anything else. */
    public static Optional<Verdict> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Verdict verdict : values()) {
            if (verdict.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(verdict);
            }
        }
        return Optional.empty();
    }
}
