package dev.tracedesk.traces;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into runs, plain or marked, ready to become one Text node each. Both the text and the
 * number of marks are capped: a 100 KB output would otherwise become thousands of nodes and one huge
 * text layout on the FX thread. Marks past the cap, or past the shown text, are left out and counted,
 * so the view can say so.
 *
 * @param <T> what a mark carries (a sentence's grounding, a passage)
 */
record MarkedRuns<T>(List<Run<T>> runs, int shownChars, int totalChars, int shownMarks, int totalMarks) {

    /** A stretch of the text to mark, {@code start} inclusive, {@code end} exclusive. */
    record Mark<T>(int start, int end, T value) {
    }

    /** A piece of the shown text; {@code mark} is null for plain text. */
    record Run<T>(String text, T mark) {
    }

    MarkedRuns {
        runs = List.copyOf(runs);
    }

    /** Marks must be in order and must not overlap (sentences and passages never do). */
    static <T> MarkedRuns<T> of(String text, List<Mark<T>> marks, int maxChars, int maxMarks) {
        String content = text == null ? "" : text;
        int shownChars = Math.min(content.length(), maxChars);
        List<Run<T>> runs = new ArrayList<>();
        int at = 0;
        int shownMarks = 0;
        for (Mark<T> mark : marks) {
            if (shownMarks == maxMarks || mark.end() > shownChars || mark.start() < at) {
                break;
            }
            if (mark.start() > at) {
                runs.add(new Run<>(content.substring(at, mark.start()), null));
            }
            runs.add(new Run<>(content.substring(mark.start(), mark.end()), mark.value()));
            at = mark.end();
            shownMarks++;
        }
        if (shownChars > at) {
            runs.add(new Run<>(content.substring(at, shownChars), null));
        }
        return new MarkedRuns<>(runs, shownChars, content.length(), shownMarks, marks.size());
    }

    /** True when part of the text or some marks are not shown. */
    boolean cut() {
        return shownChars < totalChars || shownMarks < totalMarks;
    }
}
