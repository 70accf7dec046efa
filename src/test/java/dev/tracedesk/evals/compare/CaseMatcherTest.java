package dev.tracedesk.evals.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CaseMatcherTest {

    private static long nextId = 1;

    private static ComparedCase evalCase(String key, String provider, String promptLabel, String status) {
        return new ComparedCase(nextId++, key, provider, promptLabel, 0, key, "{}", null, null, status, null, null,
                null, null, null, null, null, null, null, null);
    }

    private static final ProviderAliases NONE = ProviderAliases.fromConfig(null);

    @Test
    void aProviderThatOnlyGainedALabelIsStillTheSameProvider() {
        ProviderAliases labelled = ProviderAliases.fromConfig(
                "{\"providers\":[{\"id\":\"openai:chat:gpt-4o-mini\",\"label\":\"mini\"},{\"id\":\"openai:chat:gpt-4o\"}]}");

        Map<String, List<CaseMatcher.Match>> matches = CaseMatcher.match(
                List.of(evalCase("v:a", "openai:chat:gpt-4o-mini", "p", "PASS"), evalCase("v:a", "openai:chat:gpt-4o", "p", "PASS")),
                NONE,
                List.of(evalCase("v:a", "mini", "p", "FAIL"), evalCase("v:a", "openai:chat:gpt-4o", "p", "PASS")),
                labelled);

        assertThat(matches).containsOnlyKeys("openai:chat:gpt-4o-mini", "openai:chat:gpt-4o");
        CaseMatcher.Match mini = matches.get("openai:chat:gpt-4o-mini").get(0);
        assertThat(mini.baseline().provider()).isEqualTo("openai:chat:gpt-4o-mini");
        assertThat(mini.other().provider()).isEqualTo("mini");
    }

    @Test
    void twoLabelsOfOneIdStayApartWhenTheyCannotBeToldApart() {
        ProviderAliases twoLabels = ProviderAliases.fromConfig(
                "{\"providers\":[{\"id\":\"openai:gpt-4o\",\"label\":\"cold\"},{\"id\":\"openai:gpt-4o\",\"label\":\"hot\"}]}");

        Map<String, List<CaseMatcher.Match>> matches = CaseMatcher.match(
                List.of(evalCase("v:a", "openai:gpt-4o", "", "PASS")), NONE,
                List.of(evalCase("v:a", "cold", "", "PASS"), evalCase("v:a", "hot", "", "PASS")), twoLabels);

        assertThat(matches.get("openai:gpt-4o")).singleElement().satisfies(match -> assertThat(match.other()).isNull());
        assertThat(matches.get("cold")).singleElement().satisfies(match -> assertThat(match.baseline()).isNull());
    }

    @Test
    void casesOnOneSideOnlyAreNewOrRemoved() {
        Map<String, List<CaseMatcher.Match>> matches = CaseMatcher.match(
                List.of(evalCase("v:kept", "p", "", "PASS"), evalCase("v:gone", "p", "", "PASS")), NONE,
                List.of(evalCase("v:kept", "p", "", "PASS"), evalCase("v:added", "p", "", "FAIL")), NONE);

        assertThat(matches.get("p")).extracting(m -> (m.baseline() == null ? "-" : m.baseline().caseKey()) + " "
                + (m.other() == null ? "-" : m.other().caseKey())).containsExactly("v:kept v:kept", "v:gone -", "- v:added");
    }

    @Test
    void severalPromptsOfOneCasePairByLabelAndTheRestOnlyOneToOne() {
        Map<String, List<CaseMatcher.Match>> matches = CaseMatcher.match(
                List.of(evalCase("v:a", "p", "short", "PASS"), evalCase("v:a", "p", "long", "PASS")), NONE,
                List.of(evalCase("v:a", "p", "long", "FAIL"), evalCase("v:a", "p", "longer", "PASS")), NONE);

        assertThat(matches.get("p")).extracting(m -> m.baseline().promptLabel() + " " + m.other().promptLabel())
                .containsExactly("long long", "short longer");
    }

    @Test
    void outcomesCountErrorsAsNotPassing() {
        assertThat(CaseOutcome.of("PASS", "ERROR")).isEqualTo(CaseOutcome.REGRESSED);
        assertThat(CaseOutcome.of("ERROR", "PASS")).isEqualTo(CaseOutcome.IMPROVED);
        assertThat(CaseOutcome.of("ERROR", "FAIL")).isEqualTo(CaseOutcome.STILL_FAILING);
        assertThat(CaseOutcome.of("FAIL", "FAIL")).isEqualTo(CaseOutcome.STILL_FAILING);
        assertThat(CaseOutcome.of("ERROR", "ERROR")).isEqualTo(CaseOutcome.ERRORED_IN_BOTH);
        assertThat(CaseOutcome.of("PASS", "PASS")).isEqualTo(CaseOutcome.UNCHANGED);
        assertThat(CaseOutcome.of(null, "PASS")).isEqualTo(CaseOutcome.NEW);
        assertThat(CaseOutcome.of("FAIL", null)).isEqualTo(CaseOutcome.REMOVED);
    }

    @Test
    void assertionsLineUpByTypeAndTemplateNotByPosition() {
        String before = "[{\"type\":\"equals\",\"value\":\"Paris\",\"pass\":true,\"reason\":\"ok\"},"
                + "{\"type\":\"icontains\",\"value\":\"Paris\",\"template\":\"{{capital}}\",\"pass\":true,\"reason\":\"ok\"}]";
        String after = "[{\"type\":\"icontains\",\"value\":\"Paris\",\"template\":\"{{capital}}\",\"pass\":true,\"reason\":\"ok\"},"
                + "{\"type\":\"equals\",\"value\":\"Paris\",\"pass\":false,\"reason\":\"not equal\"},"
                + "{\"type\":\"latency\",\"pass\":false,\"reason\":\"slow\"}]";

        assertThat(AssertionFlips.between(before, after)).containsExactly(
                new FlippedAssertion("equals", "Paris", true, "ok", false, "not equal"),
                new FlippedAssertion("latency", null, null, null, false, "slow"));
        assertThat(AssertionFlips.between(null, "not json")).isEmpty();
    }
}
