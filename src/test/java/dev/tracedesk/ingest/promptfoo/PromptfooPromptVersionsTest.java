package dev.tracedesk.ingest.promptfoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.Rejection;

/**
 * Two promptfoo 0.121.20 runs of the same tests under two prompt versions (fixtures/promptfoo
 * run-prompt-v1.json, run-prompt-v2.json): the case keys must let them be compared case by case,
 * and the comparison must be the one the fixtures' README designed.
 */
class PromptfooPromptVersionsTest {

    private static final String MINI = "openai:chat:gpt-4o-mini";
    private static final String NANO = "openai:chat:gpt-4.1-nano";

    private static CollectingSink v1;
    private static CollectingSink v2;

    @BeforeAll
    static void readBothRuns() throws IOException {
        v1 = PromptfooFiles.read(new PromptfooJsonReader(), PromptfooFiles.fixture("fixtures/promptfoo/run-prompt-v1.json"));
        v2 = PromptfooFiles.read(new PromptfooJsonReader(), PromptfooFiles.fixture("fixtures/promptfoo/run-prompt-v2.json"));
    }

    private static Map<CaseStatus, Long> statusCounts(CollectingSink sink) {
        return sink.cases.stream().collect(Collectors.groupingBy(c -> c.status, Collectors.counting()));
    }

    /** The tests (by description) of one provider whose v1 and v2 statuses match the predicates. */
    private static Set<String> tests(String provider, Predicate<CaseStatus> before, Predicate<CaseStatus> after) {
        Map<String, CanonicalEvalCase> later = v2.cases.stream().filter(c -> c.provider.equals(provider))
                .collect(Collectors.toMap(c -> c.caseKey, Function.identity()));
        return v1.cases.stream().filter(c -> c.provider.equals(provider))
                .filter(c -> before.test(c.status) && after.test(later.get(c.caseKey).status))
                .map(c -> c.description).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Predicate<CaseStatus> is(CaseStatus status) {
        return status::equals;
    }

    @Test
    void eachRunIsNamedAndCountedAsPromptfooReportedIt() {
        assertThat(v1.runs.get(0).externalRunId).isEqualTo("eval-sDi-2026-11-27T06:03:09");
        assertThat(v1.runs.get(0).name).isEqualTo("Capital cities (prompt v1)");
        assertThat(v2.runs.get(0).externalRunId).isEqualTo("eval-eiS-2026-11-27T06:03:23");
        assertThat(statusCounts(v1)).containsExactlyInAnyOrderEntriesOf(
                Map.of(CaseStatus.PASS, 13L, CaseStatus.FAIL, 3L, CaseStatus.ERROR, 2L));
        assertThat(statusCounts(v2)).containsExactlyInAnyOrderEntriesOf(
                Map.of(CaseStatus.PASS, 9L, CaseStatus.FAIL, 7L, CaseStatus.ERROR, 2L));
        assertThat(v1.cases).extracting(c -> c.promptLabel).containsOnly("capital-v1");
        assertThat(v2.cases).extracting(c -> c.promptLabel).containsOnly("capital-v2");
    }

    @Test
    void theSameTestHasTheSameCaseKeyInBothRuns() {
        Set<String> keys1 = v1.cases.stream().map(c -> c.caseKey).collect(Collectors.toSet());
        Set<String> keys2 = v2.cases.stream().map(c -> c.caseKey).collect(Collectors.toSet());
        assertThat(keys1).hasSize(9).isEqualTo(keys2);
    }

    @Test
    void comparingByCaseKeyAndProviderFindsTheDesignedRegressionsAndImprovements() {
        Predicate<CaseStatus> pass = is(CaseStatus.PASS);
        Predicate<CaseStatus> notPass = pass.negate();
        assertThat(tests(MINI, pass, notPass)).containsExactly("DR Congo", "France", "Switzerland");
        assertThat(tests(MINI, notPass, pass)).containsExactly("Australia");
        assertThat(tests(MINI, is(CaseStatus.ERROR), is(CaseStatus.ERROR))).containsExactly("Atlantis");
        assertThat(tests(NANO, pass, notPass)).containsExactly("Canada", "DR Congo", "France");
        assertThat(tests(NANO, notPass, pass)).containsExactly("Brazil");
        assertThat(tests(NANO, is(CaseStatus.FAIL), is(CaseStatus.FAIL))).containsExactly("Nigeria");
        assertThat(tests(NANO, pass, pass)).containsExactly("Australia", "Japan", "Switzerland");
    }

    @Test
    void theExpectedOutputIsTheEqualsValueOrTheRenderedCapital() {
        Map<String, String> expected = v1.cases.stream().filter(c -> c.provider.equals(MINI))
                .collect(Collectors.toMap(c -> c.description, c -> String.valueOf(c.expectedOutput)));
        assertThat(expected).containsEntry("France", "Paris").containsEntry("Australia", "Canberra")
                .containsEntry("Brazil", "Brasília");
    }

    @Test
    void aWrongAnswerShowsTheRenderedAssertionThatFailed() throws IOException {
        CanonicalEvalCase sydney = v1.cases.stream()
                .filter(c -> c.provider.equals(MINI) && "Australia".equals(c.description)).findFirst().orElseThrow();
        assertThat(sydney.status).isEqualTo(CaseStatus.FAIL);
        assertThat(sydney.actualOutput).contains("Sydney");
        assertThat(sydney.errorMessage).isEqualTo("Expected output to contain \"Canberra\"");
        assertThat(PromptfooFiles.tree(sydney.assertionsJson).get(0).get("value").asText()).isEqualTo("Canberra");
        assertThat(sydney.promptText).isEqualTo("What is the capital of Australia? Answer with the city name only.");
    }

    @Test
    void resultsThatAreNullOrHaveNullPartsImportWhatTheyHave() throws IOException {
        CollectingSink sink = PromptfooFiles.read(new PromptfooJsonReader(),
                PromptfooFiles.fixture("fixtures/bad/promptfoo-nulls.json"));
        assertThat(sink.runs.get(0).promptsJson).as("results.prompts is null").isNull();
        assertThat(sink.cases).extracting(c -> c.testIndex).containsExactly(0, 1);
        assertThat(sink.rejections).extracting(Rejection::locator, Rejection::rawText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.results.results[1]", "null"));
        CanonicalEvalCase hollow = sink.cases.get(1);
        assertThat(hollow.status).isEqualTo(CaseStatus.FAIL);
        assertThat(hollow.varsJson).isEqualTo("{\"country\":\"Australia\",\"capital\":\"Canberra\"}");
        assertThat(hollow.caseKey).isEqualTo(v1.cases.stream().filter(c -> "Australia".equals(c.description))
                .findFirst().orElseThrow().caseKey);
        assertThat(hollow.actualOutput).isNull();
        assertThat(hollow.assertionsJson).isNull();
        assertThat(hollow.promptLabel).isEqualTo("capital-v1");
    }
}
