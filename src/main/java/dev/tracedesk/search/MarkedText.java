package dev.tracedesk.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A fragment with its match marks taken out: the plain text, and where the matches are in it.
 * Views draw the ranges as highlights; JSON output gives them as {@code [start, end)} pairs.
 */
public record MarkedText(String text, List<Range> highlights) {

    /** Characters {@code [start, end)} of the text. */
    public record Range(int start, int end) {
    }

    public static MarkedText parse(String marked) {
        StringBuilder text = new StringBuilder(marked.length());
        List<Range> highlights = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == SearchResult.MARK_START.charAt(0)) {
                start = text.length();
            } else if (c == SearchResult.MARK_END.charAt(0)) {
                if (start >= 0) {
                    highlights.add(new Range(start, text.length()));
                }
                start = -1;
            } else {
                text.append(c);
            }
        }
        return new MarkedText(text.toString(), List.copyOf(highlights));
    }
}
