package dev.tracedesk.review.log;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tracedesk.review.Verdict;

/**
 * What a reviewer fills in for one item, before it becomes a log entry. Categories are the label
 * schema's names; scores are by score name; document relevance is keyed by the document's label
 * (its id, or "#rank"). A blank correction or note counts as none.
 */
public record LabelDraft(Verdict verdict, List<String> categories, Map<String, Double> scores,
                         String correctedOutput, String note, Map<String, DocumentRelevance> documentRelevance) {

    public LabelDraft {
        if (verdict == null) {
            throw new IllegalArgumentException("A label needs a verdict: pass, fail or unsure.");
        }
        categories = categories == null ? List.of() : categories.stream().distinct().toList();
        scores = scores == null ? Map.of() : Map.copyOf(scores);
        documentRelevance = documentRelevance == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(documentRelevance));
        correctedOutput = blankToNull(correctedOutput);
        note = blankToNull(note);
    }

    public static LabelDraft of(Verdict verdict) {
        return new LabelDraft(verdict, List.of(), Map.of(), null, null, Map.of());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
