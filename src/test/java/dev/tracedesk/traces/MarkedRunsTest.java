package dev.tracedesk.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarkedRunsTest {

    private static MarkedRuns.Mark<String> mark(int start, int end, String value) {
        return new MarkedRuns.Mark<>(start, end, value);
    }

    @Test
    void theRunsCoverTheTextWithPlainTextBetweenTheMarks() {
        MarkedRuns<String> runs = MarkedRuns.of("One. Two. Three.", List.of(mark(0, 4, "a"), mark(10, 16, "c")), 100, 10);

        assertThat(runs.runs()).containsExactly(new MarkedRuns.Run<>("One.", "a"), new MarkedRuns.Run<>(" Two. ", null),
                new MarkedRuns.Run<>("Three.", "c"));
        assertThat(runs.cut()).isFalse();
    }

    @Test
    void pastTheMarkCapTheRestOfTheTextIsPlainAndCounted() {
        MarkedRuns<String> runs = MarkedRuns.of("One. Two. Three.", List.of(mark(0, 4, "a"), mark(5, 9, "b"),
                mark(10, 16, "c")), 100, 2);

        assertThat(runs.runs()).extracting(MarkedRuns.Run::text).containsExactly("One.", " ", "Two.", " Three.");
        assertThat(runs.runs().get(3).mark()).isNull();
        assertThat(runs.shownMarks()).isEqualTo(2);
        assertThat(runs.totalMarks()).isEqualTo(3);
        assertThat(runs.cut()).isTrue();
    }

    @Test
    void aLongTextIsCutAndAMarkReachingPastTheCutIsLeftOut() {
        String text = "a".repeat(100_000);
        MarkedRuns<String> runs = MarkedRuns.of(text, List.of(mark(0, 10, "a"), mark(19_990, 20_010, "b")), 20_000, 300);

        assertThat(runs.runs()).extracting(run -> run.text().length()).containsExactly(10, 19_990);
        assertThat(runs.shownChars()).isEqualTo(20_000);
        assertThat(runs.totalChars()).isEqualTo(100_000);
        assertThat(runs.shownMarks()).isEqualTo(1);
        assertThat(runs.cut()).isTrue();
    }

    @Test
    void noTextGivesNoRuns() {
        assertThat(MarkedRuns.of(null, List.<MarkedRuns.Mark<String>>of(), 10, 10).runs()).isEmpty();
    }
}
