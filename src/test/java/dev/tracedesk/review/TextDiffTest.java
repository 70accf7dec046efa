package dev.tracedesk.review;

import static dev.tracedesk.review.TextDiff.Change.ADDED;
import static dev.tracedesk.review.TextDiff.Change.REMOVED;
import static dev.tracedesk.review.TextDiff.Change.SAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void aChangedWordShowsAsOneWordOutAndOneIn() {
        assertThat(TextDiff.of("The capital of France is Lyon.", "The capital of France is Paris."))
                .containsExactly(new TextDiff.Run(SAME, "The capital of France is "),
                        new TextDiff.Run(REMOVED, "Lyon."), new TextDiff.Run(ADDED, "Paris."));
    }

    @Test
    void insertionsAndDeletionsInTheMiddleKeepWhatIsShared() {
        List<TextDiff.Run> runs = TextDiff.of("Refunds take 5 days by card.", "Refunds take 30 days, by bank card.");

        assertThat(runs).extracting(TextDiff.Run::change).containsExactly(SAME, REMOVED, ADDED, SAME, ADDED, SAME);
        assertThat(String.join("", runs.stream().filter(r -> r.change() != REMOVED).map(TextDiff.Run::text).toList()))
                .isEqualTo("Refunds take 30 days, by bank card.");
        assertThat(String.join("", runs.stream().filter(r -> r.change() != ADDED).map(TextDiff.Run::text).toList()))
                .isEqualTo("Refunds take 5 days by card.");
    }

    @Test
    void identicalAndEmptyTexts() {
        assertThat(TextDiff.of("same", "same")).containsExactly(new TextDiff.Run(SAME, "same"));
        assertThat(TextDiff.of("", "new text")).containsExactly(new TextDiff.Run(ADDED, "new text"));
        assertThat(TextDiff.of(null, null)).isEmpty();
    }

    @Test
    void hugeRewritesFallBackToOneRemovalAndOneAdditionInsteadOfFreezing() {
        String original = "a ".repeat(5_000) + "end";
        String corrected = "b ".repeat(5_000) + "end";

        List<TextDiff.Run> runs = TextDiff.of(original, corrected);

        assertThat(runs).extracting(TextDiff.Run::change).containsExactly(REMOVED, ADDED, SAME);
        assertThat(runs.get(2).text()).isEqualTo("end");
    }
}
