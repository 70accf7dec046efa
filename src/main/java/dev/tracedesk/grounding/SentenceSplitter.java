package dev.tracedesk.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts model output or a document into sentences, as ranges of the original text so a view can
 * highlight them. Every line break ends a sentence (model output puts list items and headings on
 * lines of their own); within a line, '.', '!' or '?' followed by a space ends one, except after a
 * known abbreviation or an initial, and '.' only when the next word does not start in lower case
 * ("etc. and more" stays one sentence). Decimals ("3.5") never split: their '.' is not followed by
 * a space. Markdown markers at the start of a line (bullets, numbers, headings, quotes) are left
 * out of the range, so "1." of a numbered list is neither a sentence nor a number in it.
 */
public final class SentenceSplitter {

    /** Lower-case, without the final dot; the dot after these never ends a sentence. */
    // Only words that rarely end a sentence; "etc." or "Inc." before a capital still ends one.
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "eg", "ie", "cf", "vs", "mr", "mrs", "ms",
            "dr", "prof", "st", "jr", "sr", "fig", "approx", "incl", "excl", "dept", "vol");

    private static final Pattern LINE_MARKER = Pattern.compile("(?:#{1,6}\\s+|>\\s?|[-*+•]\\s+|\\d{1,3}[.)]\\s+)");

    private SentenceSplitter() {
    }

    public static List<TextRange> split(String text) {
        List<TextRange> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            splitLine(text, afterMarkers(text, lineStart, lineEnd), lineEnd, sentences);
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    private static int afterMarkers(String text, int start, int end) {
        int at = skipSpaces(text, start, end);
        Matcher marker = LINE_MARKER.matcher(text).region(at, end);
        while (marker.lookingAt()) {
            at = skipSpaces(text, marker.end(), end);
            marker.region(at, end);
        }
        return at;
    }

    private static void splitLine(String text, int start, int end, List<TextRange> sentences) {
        int sentenceStart = start;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isEnd(c) && endsSentence(text, i, end)) {
                int close = i + 1;
                while (close < end && (isClosing(text.charAt(close)) || isEnd(text.charAt(close)))) {
                    close++;
                }
                add(text, sentenceStart, close, sentences);
                sentenceStart = close;
                i = close - 1;
            }
        }
        add(text, sentenceStart, end, sentences);
    }

    private static boolean endsSentence(String text, int at, int end) {
        int next = at + 1;
        while (next < end && (isClosing(text.charAt(next)) || isEnd(text.charAt(next)))) {
            next++;
        }
        if (next < end && !Character.isWhitespace(text.charAt(next))) {
            return false; // "3.5", "example.com", "?!" inside a run
        }
        if (text.charAt(at) != '.') {
            return true;
        }
        if (isAbbreviation(text, at)) {
            return false;
        }
        int following = skipSpaces(text, next, end);
        return following >= end || !Character.isLowerCase(text.charAt(following));
    }

    /** The word before the dot, dots inside it kept ("e.g"), is an abbreviation or a single-letter initial. */
    private static boolean isAbbreviation(String text, int dot) {
        int from = dot;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
            from--;
        }
        String word = text.substring(from, dot);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '*' || c == '_';
    }

    private static int skipSpaces(String text, int from, int end) {
        int at = from;
        while (at < end && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static void add(String text, int start, int end, List<TextRange> sentences) {
        int from = skipSpaces(text, start, end);
        int to = end;
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            sentences.add(new TextRange(from, to));
        }
    }
}
