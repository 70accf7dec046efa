package dev.tracedesk.grounding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The groundedness hint (decision 0011): for each sentence of a model's output, the share of its
 * content words found in the best-supporting retrieved document, and for each document the
 * sentences the output appears to draw on. Word overlap only, offline and explainable; it points a
 * reviewer at sentences worth checking and says nothing certain about truth.
 *
 * <p>Every document's words are collected once and every sentence is read once, so the work grows
 * with the length of the output times the number of documents, not with the output's square.
 */
public final class GroundednessHint {

    /** What a view or a command should call it, so no one mistakes it for a verdict. */
    public static final String LABEL = "Groundedness hint (word overlap, not a verdict)";
    public static final int MAX_DOCUMENTS_PER_SENTENCE = 3;

    private GroundednessHint() {
    }

    public static GroundingResult of(String output, List<GroundingDocument> documents) {
        List<IndexedDocument> indexed = documents.stream()
                .map(document -> new IndexedDocument(document, ContentWords.stems(document.content())))
                .toList();
        Set<String> contextStems = new HashSet<>();
        indexed.forEach(document -> contextStems.addAll(document.stems()));

        List<SentenceGrounding> sentences = new ArrayList<>();
        String text = output == null ? "" : output;
        for (TextRange range : SentenceSplitter.split(text)) {
            String sentence = range.of(text);
            List<ContentWord> words = ContentWords.distinct(sentence);
            if (!words.isEmpty()) {
                sentences.add(ground(sentence, range, words, indexed, contextStems));
            }
        }
        Set<String> outputStems = ContentWords.stems(text);
        List<DocumentPassages> passages = documents.stream()
                .map(document -> new DocumentPassages(document, passages(document.content(), outputStems)))
                .toList();
        return new GroundingResult(sentences, passages);
    }

    private static SentenceGrounding ground(String sentence, TextRange range, List<ContentWord> words,
                                            List<IndexedDocument> documents, Set<String> contextStems) {
        List<ScoredDocument> scores = new ArrayList<>();
        for (IndexedDocument document : documents) {
            int found = 0;
            for (ContentWord word : words) {
                if (document.stems().contains(word.stem())) {
                    found++;
                }
            }
            if (found > 0) {
                scores.add(new ScoredDocument(document,
                        new DocumentScore(document.document(), found, (double) found / words.size())));
            }
        }
        // Stable: equal scores keep the retriever's order.
        scores.sort(Comparator.comparingDouble((ScoredDocument scored) -> scored.score().score()).reversed());
        ScoredDocument best = scores.isEmpty() ? null : scores.get(0);
        // Missing means missing from the best document, so that support = (words - missing) / words.
        List<ContentWord> missing = words.stream()
                .filter(word -> best == null || !best.document().stems().contains(word.stem())).toList();
        List<String> elsewhere = missing.stream().filter(word -> contextStems.contains(word.stem()))
                .map(ContentWord::surface).toList();
        boolean numberMissing = missing.stream().anyMatch(ContentWord::number);
        double support = best == null ? 0 : best.score().score();
        List<String> missingWords = missing.stream().map(ContentWord::surface).toList();
        List<DocumentScore> listed = scores.stream().limit(MAX_DOCUMENTS_PER_SENTENCE).map(ScoredDocument::score).toList();
        String explanation = GroundingExplanation.of(words.size(), best == null ? null : best.score(), missingWords,
                elsewhere, numberMissing && support >= Verdict.SUPPORTED_FROM);
        return new SentenceGrounding(sentence, range.start(), range.end(), words.size(), support,
                Verdict.of(support, numberMissing), listed, missingWords, explanation);
    }

    /**
     * A document sentence counts as drawn on when it shares two content words with the output, or
     * all of its words when it has fewer: one shared common word ("item") is not evidence of use.
     */
    private static List<Passage> passages(String content, Set<String> outputStems) {
        List<Passage> passages = new ArrayList<>();
        String text = content == null ? "" : content;
        for (TextRange range : SentenceSplitter.split(text)) {
            List<ContentWord> words = ContentWords.distinct(range.of(text));
            List<String> shared = words.stream().filter(word -> outputStems.contains(word.stem()))
                    .map(ContentWord::surface).toList();
            if (!shared.isEmpty() && shared.size() >= Math.min(2, words.size())) {
                passages.add(new Passage(range.start(), range.end(), shared));
            }
        }
        return passages;
    }

    private record IndexedDocument(GroundingDocument document, Set<String> stems) {
    }

    private record ScoredDocument(IndexedDocument document, DocumentScore score) {
    }
}
