package dev.tracedesk.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        return SentenceSplitter.split(text).stream().map(range -> range.of(text)).toList();
    }

    @Test
    void sentencesEndAtAStopQuestionOrExclamationFollowedByASpace() {
        assertThat(sentences("Returns take 30 days. Do you ship to Canada? Yes!  We do."))
                .containsExactly("Returns take 30 days.", "Do you ship to Canada?", "Yes!", "We do.");
    }

    @Test
    void abbreviationsInitialsAndDecimalsDoNotEndASentence() {
        assertThat(sentences("Use a card, e.g. Visa or Amex. The fee is 3.5 percent, i.e. small. Ask J. Smith."))
                .containsExactly("Use a card, e.g. Visa or Amex.", "The fee is 3.5 percent, i.e. small.", "Ask J. Smith.");
    }

    @Test
    void aDotBeforeALowerCaseWordDoesNotEndASentence() {
        assertThat(sentences("We sell phones, tablets, etc. and cables. Shipping is free."))
                .containsExactly("We sell phones, tablets, etc. and cables.", "Shipping is free.");
    }

    @Test
    void everyLineIsASentenceAndMarkdownMarkersAreLeftOut() {
        String text = "## Policy\n- Returns: 30 days.\n* Refunds: 5–7 business days\n\n1. Pack the item. Ship it.\n> Quoted line";

        assertThat(sentences(text)).containsExactly("Policy", "Returns: 30 days.", "Refunds: 5–7 business days",
                "Pack the item.", "Ship it.", "Quoted line");
    }

    @Test
    void rangesPointIntoTheOriginalText() {
        String text = "  First one.\n- Second one!";

        List<TextRange> ranges = SentenceSplitter.split(text);

        assertThat(ranges).containsExactly(new TextRange(2, 12), new TextRange(15, 26));
    }

    @Test
    void closingQuotesAndEllipsesStayWithTheirSentence() {
        assertThat(sentences("He said \"no.\" Then... Nothing (really.) Done"))
                .containsExactly("He said \"no.\"", "Then...", "Nothing (really.)", "Done");
    }

    @Test
    void emptyBlankAndNullTextHaveNoSentences() {
        assertThat(SentenceSplitter.split("")).isEmpty();
        assertThat(SentenceSplitter.split(" \n\n ")).isEmpty();
        assertThat(SentenceSplitter.split(null)).isEmpty();
    }
}
