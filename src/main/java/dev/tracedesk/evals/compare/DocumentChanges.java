package dev.tracedesk.evals.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tracedesk.evals.compare.CallFacts.RetrievedDocument;

/**
 * How the retrieved documents differ between the passing and the failing side: documents only the
 * other side got (added), only the baseline got (removed), and those both got at another rank or
 * with another score (re-ranked), each with its scores.
 */
public record DocumentChanges(List<RetrievedDocument> added, List<RetrievedDocument> removed,
                              List<Reranked> reranked) {

    /** A document both sides retrieved, at its rank and score on each. */
    public record Reranked(String id, int baselineRank, Double baselineScore, int otherRank, Double otherScore) {
    }

    public DocumentChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        reranked = List.copyOf(reranked);
    }

    static DocumentChanges between(List<RetrievedDocument> baseline, List<RetrievedDocument> other) {
        Map<String, RetrievedDocument> before = byId(baseline);
        Map<String, RetrievedDocument> after = byId(other);
        List<RetrievedDocument> added = other.stream().filter(d -> !before.containsKey(d.id())).toList();
        List<RetrievedDocument> removed = baseline.stream().filter(d -> !after.containsKey(d.id())).toList();
        List<Reranked> reranked = new ArrayList<>();
        for (RetrievedDocument was : baseline) {
            RetrievedDocument now = after.get(was.id());
            if (now != null && (now.rank() != was.rank() || !Objects.equals(now.score(), was.score()))) {
                reranked.add(new Reranked(was.id(), was.rank(), was.score(), now.rank(), now.score()));
            }
        }
        return new DocumentChanges(added, removed, reranked);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && reranked.isEmpty();
    }

    /** "1 added, 2 removed, 1 re-ranked". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add(added.size() + " added");
        }
        if (!removed.isEmpty()) {
            parts.add(removed.size() + " removed");
        }
        if (!reranked.isEmpty()) {
            parts.add(reranked.size() + " re-ranked");
        }
        return parts.isEmpty() ? "same" : String.join(", ", parts);
    }

    /** The first occurrence of an id wins: a retriever that returns a document twice ranks it once. */
    private static Map<String, RetrievedDocument> byId(List<RetrievedDocument> documents) {
        return documents.stream().collect(Collectors.toMap(RetrievedDocument::id, Function.identity(), (a, b) -> a));
    }
}
