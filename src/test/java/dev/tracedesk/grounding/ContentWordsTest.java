package dev.tracedesk.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ContentWordsTest {

    private static List<String> surfaces(String text) {
        return ContentWords.distinct(text).stream().map(ContentWord::surface).toList();
    }

    private static List<String> stems(String text) {
        return ContentWords.distinct(text).stream().map(ContentWord::stem).toList();
    }

    @Test
    void stopWordsPunctuationAndOneLetterWordsAreDropped() {
        assertThat(surfaces("You can return an item within 30 days of delivery, for a full refund!"))
                .containsExactly("return", "item", "30", "days", "delivery", "full", "refund");
    }

    @Test
    void numbersAreKeptWithTheirDecimalsAndWithoutThousandsSeparators() {
        assertThat(ContentWords.distinct("A 2-year plan costs $1,000 or 3.5 percent.")).containsExactly(
                new ContentWord("2", "2", true), new ContentWord("year", "year", false),
                new ContentWord("plan", "plan", false), new ContentWord("costs", "cost", false),
                new ContentWord("1,000", "1000", true), new ContentWord("3.5", "3.5", true),
                new ContentWord("percent", "percent", false));
    }

    @Test
    void inflectionsOfAWordShareAStem() {
        assertThat(stems("refunds refunded refund")).containsExactly("refund");
        assertThat(stems("shipping shipped ships ship")).containsExactly("ship");
        assertThat(stems("issued issues issue")).containsExactly("issu");
        assertThat(stems("deliveries delivery")).containsExactly("delivery");
        assertThat(stems("packages package")).containsExactly("packag");
        assertThat(stems("purchases purchase")).containsExactly("purchas");
    }

    @Test
    void wordsWithDigitsAndWordsEndingInSsOrUsAreNotStemmed() {
        assertThat(stems("X200 business status")).containsExactly("x200", "business", "status");
    }

    @Test
    void contractionsAreJoinedSoTheirStopWordsGo() {
        assertThat(surfaces("We don't ship to the company's warehouse")).containsExactly("ship", "company's", "warehouse");
        assertThat(stems("the company's")).containsExactly("company");
    }

    @Test
    void eachWordAppearsOnceInOrderOfFirstUse() {
        assertThat(surfaces("Refund the refund; refunds days day")).containsExactly("refund", "days");
    }
}
