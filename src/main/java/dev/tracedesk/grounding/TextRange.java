package dev.tracedesk.grounding;

/** A stretch of a text as UTF-16 indices, {@code start} inclusive, {@code end} exclusive (as {@link String#substring}). */
public record TextRange(int start, int end) {

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Not a range: " + start + ".." + end);
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
