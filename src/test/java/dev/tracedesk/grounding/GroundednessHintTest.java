package dev.tracedesk.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The hint on the answers of a customer-support RAG app, with the knowledge-base documents it retrieved. */
class GroundednessHintTest {

    static final GroundingDocument RETURNS = new GroundingDocument("retrieve", 1, "kb-returns-001",
            "Returns: you can return any item within 30 days of delivery for a full refund. "
                    + "Items must be unused and in their original packaging.");
    static final GroundingDocument REFUNDS = new GroundingDocument("retrieve", 2, "kb-returns-003",
            "Refunds are issued to the original payment method within 5–7 business days after we receive the item.");
    static final GroundingDocument SHIPPING = new GroundingDocument("retrieve", 3, "kb-shipping-004",
            "Destinations: we ship to the United States, Canada and Mexico. Orders to Canada arrive within 7–14 business days.");
    static final List<GroundingDocument> CONTEXT = List.of(RETURNS, REFUNDS, SHIPPING);

    private static SentenceGrounding only(String output) {
        List<SentenceGrounding> sentences = GroundednessHint.of(output, CONTEXT).sentences();
        assertThat(sentences).hasSize(1);
        return sentences.get(0);
    }

    @Test
    void anAnswerTakenFromADocumentIsSupportedByThatDocument() {
        SentenceGrounding sentence = only("You can return an item within 30 days of delivery for a full refund.");

        assertThat(sentence.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(sentence.support()).isEqualTo(1.0);
        assertThat(sentence.contentWords()).isEqualTo(7);
        assertThat(sentence.documents()).first().satisfies(best -> {
            assertThat(best.document()).isEqualTo(RETURNS);
            assertThat(best.wordsFound()).isEqualTo(7);
        });
        assertThat(sentence.missingWords()).isEmpty();
        assertThat(sentence.explanation()).isEqualTo("7 of 7 content words of this sentence appear in document kb-returns-001.");
    }

    @Test
    void aParaphraseThatKeepsTheKeyWordsIsSupported() {
        SentenceGrounding sentence = only(
                "Refunds go back to your original payment method, usually 5 to 7 business days after the item reaches us.");

        assertThat(sentence.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(sentence.documents().get(0).document()).isEqualTo(REFUNDS);
        assertThat(sentence.support()).isCloseTo(9.0 / 13, within(1e-9));
        assertThat(sentence.missingWords()).containsExactly("go", "back", "usually", "reaches");
    }

    @Test
    void aNumberTheBestDocumentLacksMakesAnOtherwiseMatchingSentenceWeakEvenWhenAnotherDocumentHasIt() {
        SentenceGrounding sentence = only("You can return an item within 14 days of delivery for a full refund.");

        assertThat(sentence.support()).isCloseTo(6.0 / 7, within(1e-9));
        assertThat(sentence.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(sentence.missingWords()).containsExactly("14");
        assertThat(sentence.explanation()).isEqualTo("6 of 7 content words of this sentence appear in document "
                + "kb-returns-001; not in it: 14 (in other documents: 14); a number that document lacks makes the "
                + "sentence weak at best.");
    }

    @Test
    void aWrongWarrantyLengthIsWeakBecauseOfItsNumber() {
        GroundingDocument warranty = new GroundingDocument("retrieve", 1, "kb-warranty-002",
                "Warranty: the X200 headphones come with a 1-year limited warranty covering manufacturing defects.");

        SentenceGrounding sentence = GroundednessHint.of("The X200 headphones come with a 2-year warranty.",
                List.of(warranty, RETURNS)).sentences().get(0);

        assertThat(sentence.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(sentence.missingWords()).containsExactly("2");
    }

    @Test
    void aClaimNoDocumentMentionsIsUnsupported() {
        SentenceGrounding sentence = only("Our CEO, Jane Smith, founded the company in Oslo.");

        assertThat(sentence.verdict()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(sentence.support()).isZero();
        assertThat(sentence.documents()).isEmpty();
        assertThat(sentence.missingWords()).containsExactly("ceo", "jane", "smith", "founded", "company", "oslo");
        assertThat(sentence.explanation()).isEqualTo("No retrieved document contains any of this sentence's 6 content "
                + "words: ceo, jane, smith, founded, company, oslo.");
    }

    @Test
    void eachSentenceIsJudgedOnItsOwnAndPointsIntoTheOutput() {
        String output = "You can return an item within 30 days of delivery.\n\n"
                + "- Refunds go to the original payment method.\n- We also ship to Japan overnight!";

        List<SentenceGrounding> sentences = GroundednessHint.of(output, CONTEXT).sentences();

        assertThat(sentences).extracting(SentenceGrounding::verdict)
                .containsExactly(Verdict.SUPPORTED, Verdict.SUPPORTED, Verdict.WEAK);
        for (SentenceGrounding sentence : sentences) {
            assertThat(output.substring(sentence.start(), sentence.end())).isEqualTo(sentence.sentence());
        }
        assertThat(sentences.get(2).sentence()).isEqualTo("We also ship to Japan overnight!");
        assertThat(sentences.get(2).documents()).extracting(score -> score.document().documentId())
                .containsExactly("kb-shipping-004");
    }

    @Test
    void documentsAreListedBestFirstAndMissingWordsAreThoseOfTheBestDocument() {
        SentenceGrounding sentence = only("Refunds reach the original payment method within 5–7 business days; "
                + "Canada orders take 7–14 business days.");

        assertThat(sentence.documents()).extracting(score -> score.document().documentId())
                .containsExactly("kb-returns-003", "kb-shipping-004", "kb-returns-001");
        assertThat(sentence.support()).isCloseTo(8.0 / 13, within(1e-9));
        assertThat(sentence.missingWords()).containsExactly("reach", "canada", "orders", "take", "14");
        assertThat(sentence.explanation()).contains("not in it: reach, canada, orders, take, 14 "
                + "(in other documents: canada, orders, 14)");
    }

    @Test
    void aHeavyParaphraseIsFlaggedAlthoughItsFactsAgreeWhichIsAKnownLimit() {
        SentenceGrounding sentence = only("Items can be sent back for a complete refund up to a month after they arrive.");

        assertThat(sentence.support()).isCloseTo(2.0 / 7, within(1e-9));
        assertThat(sentence.verdict()).isEqualTo(Verdict.UNSUPPORTED);
    }

    @Test
    void aNegationIsInvisibleToWordOverlapWhichIsAKnownLimit() {
        SentenceGrounding sentence = only("We do not ship to Canada or Mexico.");

        assertThat(sentence.verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void sentencesWithoutContentWordsAreLeftOut() {
        assertThat(GroundednessHint.of("Sure! Yes, of course.", CONTEXT).sentences()).isEmpty();
    }

    @Test
    void anEmptyOrMissingOutputHasNoSentences() {
        assertThat(GroundednessHint.of("", CONTEXT).sentences()).isEmpty();
        assertThat(GroundednessHint.of(null, CONTEXT).sentences()).isEmpty();
        assertThat(GroundednessHint.of(null, CONTEXT).documents()).allSatisfy(document ->
                assertThat(document.passages()).isEmpty());
    }

    @Test
    void withoutDocumentsEverySentenceIsUnsupported() {
        GroundingResult result = GroundednessHint.of("You can return an item within 30 days.", List.of());

        assertThat(result.sentences()).extracting(SentenceGrounding::verdict).containsExactly(Verdict.UNSUPPORTED);
        assertThat(result.documents()).isEmpty();
    }

    @Test
    void eachDocumentShowsTheSentencesTheOutputDrewOn() {
        String output = "You can return an item within 30 days of delivery for a full refund.";

        List<DocumentPassages> documents = GroundednessHint.of(output, CONTEXT).documents();

        assertThat(documents).extracting(DocumentPassages::document).containsExactly(RETURNS, REFUNDS, SHIPPING);
        List<Passage> returns = documents.get(0).passages();
        assertThat(returns).hasSize(1); // "Items must be unused…" shares only "items"
        assertThat(RETURNS.content().substring(returns.get(0).start(), returns.get(0).end()))
                .isEqualTo("Returns: you can return any item within 30 days of delivery for a full refund.");
        assertThat(returns.get(0).sharedWords()).containsExactly("returns", "item", "30", "days", "delivery",
                "full", "refund");
        assertThat(documents.get(2).passages()).isEmpty();
    }

    @Test
    void aHundredKilobyteOutputAgainstLongDocumentsIsGroundedSentenceBySentence() {
        StringBuilder output = new StringBuilder();
        int written = 0;
        while (output.length() < 100_000) {
            output.append("Answer ").append(written).append(": you can return item ").append(written)
                    .append(" within 30 days of delivery for a full refund.\n");
            written++;
        }
        GroundingDocument longDocument = new GroundingDocument("retrieve", 4, "kb-all",
                "Returns are accepted for 30 days. ".repeat(3_000));

        GroundingResult result = GroundednessHint.of(output.toString(), List.of(RETURNS, REFUNDS, SHIPPING, longDocument));

        assertThat(result.sentences()).hasSize(written);
        SentenceGrounding hundredth = result.sentences().get(100);
        assertThat(hundredth.sentence()).startsWith("Answer 100:");
        assertThat(hundredth.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(hundredth.missingWords()).containsExactly("answer", "100");
        assertThat(result.documents().get(3).passages()).hasSize(3_000);
    }
}
