package dev.tracedesk.grounding;

import java.util.Set;

/**
 * English words too common to say whether a sentence was drawn from a document. Negations ("not",
 * "no", "never") are here too: a hint built on word overlap cannot read them, and keeping them would
 * only shift scores, never catch a contradiction (decision 0011). Contractions appear without their
 * apostrophe, as {@link ContentWords} joins them ("we're" is "were"); "I'd" and "I'll" are not here,
 * as "id" and "ill" are words too.
 */
final class StopWords {

    private static final Set<String> WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
            "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
            "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else",
            "etc", "even", "ever", "every", "few", "for", "from", "further", "get", "gets", "got", "had", "has",
            "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i",
            "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "much",
            "must", "my", "myself", "neither", "never", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
            "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "per", "please", "same", "shall",
            "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
            "then", "there", "these", "they", "this", "those", "through", "thus", "to", "too", "under", "until",
            "up", "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which",
            "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yes", "yet",
            "you", "your", "yours", "yourself", "yourselves",
            "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "wont", "wouldnt",
            "shouldnt", "hasnt", "havent", "hadnt", "im", "ive", "youre", "youve", "youll", "youd",
            "weve", "well", "theyre", "theyve", "theyll", "hes", "shes", "thats", "theres", "whats",
            "lets", "heres",
            // an assistant's pleasantries say nothing a document could support
            "sure", "certainly", "course", "okay", "ok", "thanks", "thank", "hello", "hi", "hey", "welcome");

    private StopWords() {
    }

    static boolean contains(String lowerCaseWord) {
        return WORDS.contains(lowerCaseWord);
    }
}
