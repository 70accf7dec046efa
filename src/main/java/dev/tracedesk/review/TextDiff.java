package dev.tracedesk.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of an output and its correction, for the review screen: runs of kept, removed
 * and added text. Words and the whitespace after them are the units, so a changed word shows as
 * one word out and one in. Longest common subsequence after trimming the common head and tail;
 * past {@link #MAX_CELLS} the middle is shown as one removal and one addition rather than freezing
 * the window on a 100 KB output.
 */
public final class TextDiff {

    static final long MAX_CELLS = 4_000_000;
    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*|\\s+");

    public enum Change { SAME, REMOVED, ADDED }

    public record Run(Change change, String text) {
    }

    private TextDiff() {
    }

    public static List<Run> of(String original, String corrected) {
        List<String> a = tokens(original == null ? "" : original);
        List<String> b = tokens(corrected == null ? "" : corrected);
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Run> runs = new ArrayList<>();
        add(runs, Change.SAME, a.subList(0, head));
        List<String> middleA = a.subList(head, a.size() - tail);
        List<String> middleB = b.subList(head, b.size() - tail);
        if ((long) middleA.size() * middleB.size() > MAX_CELLS) {
            add(runs, Change.REMOVED, middleA);
            add(runs, Change.ADDED, middleB);
        } else {
            lcs(runs, middleA, middleB);
        }
        add(runs, Change.SAME, a.subList(a.size() - tail, a.size()));
        return runs;
    }

    private static void lcs(List<Run> runs, List<String> a, List<String> b) {
        int[][] lengths = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lengths[i][j] = a.get(i).equals(b.get(j)) ? lengths[i + 1][j + 1] + 1
                        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                add(runs, Change.SAME, List.of(a.get(i++)));
                j++;
            } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
                add(runs, Change.REMOVED, List.of(a.get(i++)));
            } else {
                add(runs, Change.ADDED, List.of(b.get(j++)));
            }
        }
        add(runs, Change.REMOVED, a.subList(i, a.size()));
        add(runs, Change.ADDED, b.subList(j, b.size()));
    }

    /** Appends, merging with the last run when it is the same kind of change. */
    private static void add(List<Run> runs, Change change, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!runs.isEmpty() && runs.get(runs.size() - 1).change() == change) {
            Run last = runs.remove(runs.size() - 1);
            text = last.text() + text;
        }
        runs.add(new Run(change, text));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
