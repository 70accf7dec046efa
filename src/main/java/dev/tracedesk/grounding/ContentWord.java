package dev.tracedesk.grounding;

/**
 * A word that carries meaning: {@code surface} as written (lower-cased, for people), {@code stem}
 * what is compared, {@code number} for numerals, which are compared exactly and weigh on the verdict.
 */
public record ContentWord(String surface, String stem, boolean number) {
}
