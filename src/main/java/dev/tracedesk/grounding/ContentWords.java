package dev.tracedesk.grounding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The content words of a text: runs of letters and digits, lower-cased, without stop words and
 * one-letter words, stemmed. Numbers are kept whatever their length — "30 days" against "14 days"
 * is the difference that matters most — with their decimals ("3.5") and without thousands
 * separators ("1,000" = "1000"); "2-year" is the number 2 and the word "year". An apostrophe inside a
 * word is dropped for comparing ("don't" → "dont", a stop word; "company's" → stem "company").
 */
public final class ContentWords {

    private ContentWords() {
    }

    /** Each content word once, in order of first appearance. */
    public static List<ContentWord> distinct(String text) {
        Map<String, ContentWord> byStem = new LinkedHashMap<>();
        for (ContentWord word : all(text)) {
            byStem.putIfAbsent(word.stem(), word);
        }
        return new ArrayList<>(byStem.values());
    }

    /** The stems of a text, for membership tests; built once per document. */
    public static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        for (ContentWord word : all(text)) {
            stems.add(word.stem());
        }
        return stems;
    }

    static List<ContentWord> all(String text) {
        List<ContentWord> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder token = new StringBuilder();
            boolean digitsOnly = true;
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    token.append(c);
                    digitsOnly &= Character.isDigit(c);
                    i++;
                } else if (isApostrophe(c) && i + 1 < n && Character.isLetter(text.charAt(i + 1)) && !digitsOnly) {
                    i++;
                } else if (digitsOnly && (c == '.' || c == ',') && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                    if (c == '.') {
                        token.append('.');
                    }
                    i++;
                } else {
                    break;
                }
            }
            add(text.substring(start, i).toLowerCase(Locale.ROOT), token.toString().toLowerCase(Locale.ROOT),
                    digitsOnly, words);
        }
        return words;
    }

    /** {@code surface} as written, for people; {@code token} without apostrophes and separators, for comparing. */
    private static void add(String surface, String token, boolean number, List<ContentWord> words) {
        if (!number && (token.length() < 2 || StopWords.contains(token))) {
            return;
        }
        words.add(new ContentWord(surface, number ? token : LightStemmer.stem(token), number));
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }
}
