package dev.tracedesk.grounding;

import java.util.List;

/**
 * One output sentence and how well the context covers it. {@code start}/{@code end} index the
 * output text; {@code support} is the best document's share of the sentence's {@code contentWords};
 * {@code documents} are those sharing any word, best first (at most
 * {@link GroundednessHint#MAX_DOCUMENTS_PER_SENTENCE}); {@code missingWords} are the words the best
 * document lacks (all of them when no document shares any), as written; {@code explanation} says all
 * of that in a sentence, for a tooltip.
 */
public record SentenceGrounding(String sentence, int start, int end, int contentWords, double support,
                                Verdict verdict, List<DocumentScore> documents, List<String> missingWords,
                                String explanation) {

    public SentenceGrounding {
        documents = List.copyOf(documents);
        missingWords = List.copyOf(missingWords);
    }
}
