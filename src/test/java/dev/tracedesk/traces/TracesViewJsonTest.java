package dev.tracedesk.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A Traces view definition to JSON and back, and the reader's tolerance. */
class TracesViewJsonTest {

    private static final TraceFilter EVERY_FIELD = new TraceFilter(1L, 2L, "openai", "gpt-4o-2024-08-06", "gpt-4o",
            "refund-answer", "3", "LLM", "ERROR", true, 100L, 200L, new BigDecimal("0.0001"), new BigDecimal("12.50"),
            7L, false, "answer question", null);

    @Test
    void everyPartOfAViewSurvivesTheRoundTrip() {
        TracesViewDefinition view = new TracesViewDefinition(EVERY_FIELD, "refund policy", true,
                new TraceSort(TraceSort.Column.COST, true),
                List.of(new TracesViewDefinition.ViewColumn("cost", 90), new TracesViewDefinition.ViewColumn("time", 140)));

        assertThat(TracesViewJson.read(TracesViewJson.write(view))).isEqualTo(view);
    }

    @Test
    void theSearchsSpanRowIdsAreNeverSaved() {
        TracesViewDefinition view = new TracesViewDefinition(TraceFilter.NONE.withSpanRowIds(Set.of(1L, 2L)), "x", false,
                null, null);

        assertThat(view.filter().spanRowIds()).isNull();
        assertThat(TracesViewJson.write(view)).doesNotContain("spanRowIds");
    }

    @Test
    void unknownKeysAreIgnoredAndMissingKeysTakeTheirDefaults() {
        TracesViewDefinition view = TracesViewJson.read("""
                {"version": 9, "future": {"x": 1}, "filter": {"servedModel": "gpt-4o", "colour": "red"},
                 "sort": {"column": "SOMETHING_NEW", "ascending": true}}""");

        assertThat(view.filter()).isEqualTo(TraceFilter.NONE.withServedModel("gpt-4o"));
        assertThat(view.sort()).isEqualTo(TraceSort.NEWEST_FIRST);
        assertThat(view.searchText()).isEmpty();
        assertThat(view.llmCalls()).isFalse();
        assertThat(view.columns()).isEmpty();
        assertThat(TracesViewJson.read("{}")).isEqualTo(TracesViewDefinition.DEFAULT);
    }

    @Test
    void labeledIsSavedAndAViewSavedBeforeItExistedShowsEveryRow() {
        TracesViewDefinition labeled = new TracesViewDefinition(TraceFilter.NONE.withLabeled(true), "", true, null,
                List.of(new TracesViewDefinition.ViewColumn("verdict", 80), new TracesViewDefinition.ViewColumn("flags", 50)));

        assertThat(TracesViewJson.write(labeled)).contains("\"labeled\":true").contains("\"id\":\"verdict\"");
        assertThat(TracesViewJson.read(TracesViewJson.write(labeled))).isEqualTo(labeled);
        // as saved by the build before labeled / unlabeled: no key, so no restriction
        TracesViewDefinition old = TracesViewJson.read("""
                {"version":1,"filter":{"servedModel":"gpt-4o"},"search":"","llmCalls":false,
                 "sort":{"column":"TIME","ascending":false},"columns":[{"id":"time","width":140}]}""");
        assertThat(old.filter().labeled()).isNull();
        assertThat(old.filter()).isEqualTo(TraceFilter.NONE.withServedModel("gpt-4o"));
        assertThatThrownBy(() -> TracesViewJson.read("{\"filter\": {\"labeled\": \"yes\"}}"))
                .hasMessage("\"labeled\" is not true or false");
    }

    @Test
    void textThatCannotBeAViewIsRefusedInWords() {
        assertThatThrownBy(() -> TracesViewJson.read("{not json")).isInstanceOf(UnreadableViewException.class)
                .hasMessageStartingWith("it is not JSON");
        assertThatThrownBy(() -> TracesViewJson.read("[1, 2]")).hasMessage("it is not a JSON object");
        assertThatThrownBy(() -> TracesViewJson.read("{\"filter\": {\"minLatencyNs\": \"fast\"}}"))
                .hasMessage("\"minLatencyNs\" is not a whole number");
        assertThatThrownBy(() -> TracesViewJson.read("{\"columns\": 3}")).hasMessage("\"columns\" is not a list");
    }

    @Test
    void aViewWithOtherWidthsShowsTheSameButOtherColumnsDoNot() {
        TracesViewDefinition view = new TracesViewDefinition(TraceFilter.NONE, "", false, null,
                List.of(new TracesViewDefinition.ViewColumn("time", 140)));

        assertThat(view.showsTheSameAs(new TracesViewDefinition(TraceFilter.NONE, " ", false, null,
                List.of(new TracesViewDefinition.ViewColumn("time", 141))))).isTrue();
        assertThat(view.showsTheSameAs(new TracesViewDefinition(TraceFilter.NONE, "", false, null,
                List.of(new TracesViewDefinition.ViewColumn("name", 140))))).isFalse();
        assertThat(view.showsTheSameAs(null)).isFalse();
    }
}
