package dev.tracedesk.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tracedesk.grounding.GroundednessHint;
import dev.tracedesk.grounding.GroundingDocument;

class SpanHintTest {

    private static final List<GroundingDocument> POLICY = List.of(new GroundingDocument("retrieve", 1, "kb-returns",
            "Return any item within 30 days of delivery for a full refund. Refunds reach the card in 5 business days."));

    private static SpanHint hint(String output) {
        return new SpanHint(output, GroundednessHint.of(output, POLICY));
    }

    @Test
    void theSummaryCountsTheSentencesWithLittleSupport() {
        assertThat(hint("Return any item within 30 days of delivery. Refunds take 14 days. Penguins sing opera.").summary())
                .isEqualTo("2 of 3 sentences have little support in the retrieved context");
        assertThat(hint("Return any item within 30 days of delivery. Penguins sing opera.").summary())
                .isEqualTo("1 of 2 sentences has little support in the retrieved context");
        assertThat(hint("Penguins sing opera.").summary())
                .isEqualTo("1 of 1 sentence has little support in the retrieved context");
    }

    @Test
    void theSummarySaysWhenEverySentenceFindsItsWords() {
        assertThat(hint("Return any item within 30 days of delivery. Refunds reach the card in 5 business days.").summary())
                .isEqualTo("All 2 sentences find their words in the retrieved context.");
        assertThat(hint("Sure!").summary()).isEqualTo("The output has no sentence with content words to compare.");
    }

    @Test
    void onlyAnLlmCallWithOutputAndContextHasAHintAndItIndexesTheOutputMessages() {
        TraceDetail trace = new TraceBuilder()
                .span("chain", null, "CHAIN", 0L)
                .retriever("retrieve", "chain", 10L, "kb-1")
                .llm("llm", "chain", 20L, "The text of kb-1.")
                .build();

        assertThat(SpanHint.of(trace, trace.spans().get(0))).isEmpty();
        assertThat(SpanHint.of(trace, trace.spans().get(1))).isEmpty();
        assertThat(SpanHint.of(trace, trace.spans().get(2))).hasValueSatisfying(hint -> {
            assertThat(hint.output()).isEqualTo(SpanGrounding.outputText(trace.spans().get(2)));
            assertThat(hint.result().sentences()).hasSize(1);
        });
    }
}
