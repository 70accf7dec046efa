package dev.tracedesk.grounding;

/** The share of a sentence's content words that one document contains, in [0, 1]. */
public record DocumentScore(GroundingDocument document, int wordsFound, double score) {
}
