package dev.tracedesk.grounding;

import java.util.List;

/**
 * The groundedness hint for one output: its sentences with content words, in order, and for each
 * document (in the order given) the passages the output appears to draw on.
 */
public record GroundingResult(List<SentenceGrounding> sentences, List<DocumentPassages> documents) {

    public GroundingResult {
        sentences = List.copyOf(sentences);
        documents = List.copyOf(documents);
    }

    /** Sentences a reviewer should look at first: weak or unsupported. */
    public List<SentenceGrounding> flagged() {
        return sentences.stream().filter(sentence -> sentence.verdict() != Verdict.SUPPORTED).toList();
    }
}
