package dev.tracedesk.grounding;

import java.util.List;

/**
 * The sentence a tooltip shows, so a reviewer can check the hint by eye: "3 of 4 content words of
 * this sentence appear in document kb-3; not in it: 14."
 */
final class GroundingExplanation {

    private GroundingExplanation() {
    }

    static String of(int contentWords, DocumentScore best, List<String> missingWords, List<String> elsewhere,
                     boolean cappedByNumber) {
        String words = contentWords == 1 ? "content word" : "content words";
        if (best == null) {
            return "No retrieved document contains any of this sentence's " + contentWords + " " + words + ": "
                    + String.join(", ", missingWords) + ".";
        }
        StringBuilder text = new StringBuilder()
                .append(best.wordsFound()).append(" of ").append(contentWords).append(' ').append(words)
                .append(" of this sentence appear in document ").append(best.document().label());
        if (!missingWords.isEmpty()) {
            text.append("; not in it: ").append(String.join(", ", missingWords));
        }
        if (!elsewhere.isEmpty()) {
            text.append(" (in other documents: ").append(String.join(", ", elsewhere)).append(')');
        }
        if (cappedByNumber) {
            text.append("; a number that document lacks makes the sentence weak at best");
        }
        return text.append('.').toString();
    }
}
