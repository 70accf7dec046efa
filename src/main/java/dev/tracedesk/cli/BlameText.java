package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.tracedesk.evals.compare.Blame;
import dev.tracedesk.evals.compare.BlameItem;
import dev.tracedesk.evals.compare.CallFacts;
import dev.tracedesk.evals.compare.DocumentChanges;
import dev.tracedesk.review.TextDiff;

/**
 * A regression's full blame for {@code runs compare --blame}: each aspect that changed, texts as a
 * word diff in git's notation ({@code [-removed-]{+added+}}), documents as added / removed / re-ranked.
 */
final class BlameText {

    private BlameText() {
    }

    static void print(PrintWriter out, Blame blame) {
        out.printf("      from %s / %s%n", source(blame.baseline().source()), source(blame.other().source()));
        for (BlameItem item : blame.changed()) {
            String label = item.aspect().label();
            if (!item.diff().isEmpty()) {
                out.printf("      %s: %s%n", label, wordDiff(item.diff()));
            } else if (item.documents() != null) {
                printDocuments(out, item.documents());
            } else {
                out.printf("      %s: %s → %s%n", label, orNone(item.baseline()), orNone(item.other()));
            }
        }
    }

    static String wordDiff(List<TextDiff.Run> runs) {
        StringBuilder text = new StringBuilder();
        for (TextDiff.Run run : runs) {
            String oneLine = run.text().replace("\r", "").replace("\n", "⏎");
            switch (run.change()) {
                case SAME -> text.append(oneLine);
                case REMOVED -> text.append("[-").append(oneLine).append("-]");
                case ADDED -> text.append("{+").append(oneLine).append("+}");
            }
        }
        return text.toString();
    }

    private static void printDocuments(PrintWriter out, DocumentChanges documents) {
        out.printf("      documents: %s%n", documents.describe());
        documents.added().forEach(d -> out.printf("        + %s  rank %d%s%n", d.id(), d.rank(), score(d.score())));
        documents.removed().forEach(d -> out.printf("        - %s  rank %d%s%n", d.id(), d.rank(), score(d.score())));
        documents.reranked().forEach(d -> out.printf("        ~ %s  rank %d%s → %d%s%n", d.id(), d.baselineRank(),
                score(d.baselineScore()), d.otherRank(), score(d.otherScore())));
    }

    private static String score(Double score) {
        return score == null ? "" : " (score " + score + ")";
    }

    private static String source(CallFacts.Source source) {
        return source == CallFacts.Source.TRACE ? "linked trace" : "eval file";
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : DisplayValues.oneLine(value, 120);
    }
}
