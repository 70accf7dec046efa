package dev.tracedesk.grounding;

/**
 * Folds the inflections English answers vary most — plurals, "-ing", "-ed" and a final "e" — so
 * "refunds" meets "refund", "shipping" meets "ship", "issued" meets "issue". Deliberately light: a
 * stem only has to be the same for both spellings, not a real word, and a reviewer must be able to
 * guess why two words matched. Words with digits ("x200", "gpt4") are left alone.
 */
final class LightStemmer {

    private LightStemmer() {
    }

    static String stem(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return word;
            }
        }
        String stem = plural(word);
        if (stem.length() > 5 && stem.endsWith("ing")) {
            stem = undouble(stem.substring(0, stem.length() - 3));
        } else if (stem.length() > 4 && stem.endsWith("ed") && !stem.endsWith("eed")) {
            stem = undouble(stem.substring(0, stem.length() - 2));
        }
        // "issue" and "issu(ed)", "arrive" and "arriv(ing)", "package" and "packag(es)"
        if (stem.length() > 3 && stem.endsWith("e")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    private static String plural(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 4 && word.endsWith("es") && !word.endsWith("ses") && !word.endsWith("ees")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** "shipp(ing)" → "ship", "stopp(ed)" → "stop"; "fill", "pass" and "buzz" keep theirs. */
    private static String undouble(String stem) {
        int n = stem.length();
        if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && "lsz".indexOf(stem.charAt(n - 1)) < 0
                && !isVowel(stem.charAt(n - 1))) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
