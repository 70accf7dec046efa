package dev.tracedesk.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.review.rules.RuleConfig.CheckFailed;
import dev.tracedesk.review.rules.RuleConfig.CostAbove;
import dev.tracedesk.review.rules.RuleConfig.EvalCaseFailed;
import dev.tracedesk.review.rules.RuleConfig.JsonSchema;
import dev.tracedesk.review.rules.RuleConfig.LatencyAbove;
import dev.tracedesk.review.rules.RuleConfig.NegativeFeedback;
import dev.tracedesk.review.rules.RuleConfig.ScoreBelow;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/** Each rule type on minimal rows: what it flags, what it leaves alone, and the reason it writes. */
class RuleTypesTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private interface Body {
        void run(RuleRows rows, FlagRules rules, RuleApplier applier);
    }

    private void inWorkspace(String engine, Body body) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            RuleRows rows = new RuleRows(workspace.dsl());
            rows.disableAllRules();
            body.run(rows, new FlagRules(workspace.dsl()), new RuleApplier(workspace.dsl()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void evalCaseFailedTakesFailedCasesAndErroredOnesOnlyWhenAsked(String engine) {
        inWorkspace(engine, (rows, rules, applier) -> {
            long run = rows.run();
            long passed = rows.evalCase(run, "PASS", null, null);
            long failed = rows.evalCase(run, "FAIL", null, null);
            long errored = rows.evalCase(run, "ERROR", null, null);
            rules.create("failed only", new EvalCaseFailed(false), true);

            ApplyResult result = applier.applyAll();

            assertThat(result.itemsCreated()).isEqualTo(1);
            assertThat(rows.flagged(TargetKind.EVAL_CASE)).containsOnlyKeys(failed);
            rules.create("failed or errored", new EvalCaseFailed(true), true);
            applier.applyAll();
            assertThat(rows.flagged(TargetKind.EVAL_CASE)).containsOnlyKeys(failed, errored).doesNotContainKey(passed);
            assertThat(rows.flagged(TargetKind.EVAL_CASE).get(failed)).containsExactly("failed only", "failed or errored");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aFailedCheckFlagsItsLlmCallOrEveryLlmCallOfTheTraceOfAGuardrailSpan(String engine) {
        inWorkspace(engine, (rows, rules, applier) -> {
            long trace = rows.trace("t1");
            long root = rows.span(trace, "root", "CHAIN", 100, null);
            long call1 = rows.span(trace, "c1", "LLM", 10, null);
            long call2 = rows.span(trace, "c2", "LLM", 10, null);
            long guard = rows.span(trace, "guard", "GUARDRAIL", 5, null);
            long otherTrace = rows.trace("t2");
            long otherCall = rows.span(otherTrace, "c3", "LLM", 10, null);
            long calm = rows.span(otherTrace, "c4", "LLM", 10, null);
            rows.spanCheck(guard, "GUARDRAIL", "toxicity", "toxic", null, false);
            rows.spanCheck(otherCall, "GUARDRAIL", "pii", null, null, false);
            rows.spanCheck(calm, "GUARDRAIL", "pii", null, null, true);
            rows.spanCheck(calm, "EVALUATION", "exact-match", null, 0.0, false);
            long run = rows.run();
            long evalCase = rows.evalCase(run, "PASS", null, null);
            rows.caseCheck(evalCase, "GUARDRAIL", "guardrails", "flagged", null, false);
            rules.create("guardrail rule", new CheckFailed(List.of("GUARDRAIL"), null), true);

            applier.applyAll();

            assertThat(rows.flagged(TargetKind.SPAN)).containsOnlyKeys(call1, call2, otherCall).doesNotContainKeys(root, guard);
            assertThat(rows.flagged(TargetKind.EVAL_CASE)).containsOnlyKeys(evalCase);
            assertThat(rows.reasons(TargetKind.SPAN, call1)).singleElement().satisfies(reason -> {
                assertThat(reason.type()).isEqualTo("CHECK_FAILED");
                assertThat(reason.detail()).isEqualTo("guardrail 'toxicity' failed (toxic) (on the GUARDRAIL span 'guard' of this call's trace)");
            });
            assertThat(rows.reasons(TargetKind.SPAN, otherCall).get(0).detail()).isEqualTo("guardrail 'pii' failed");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void scoreBelowLooksAtTheNamedScoreOnly(String engine) {
        inWorkspace(engine, (rows, rules, applier) -> {
            long trace = rows.trace("t1");
            long low = rows.span(trace, "low", "LLM", 10, null);
            long high = rows.span(trace, "high", "LLM", 10, null);
            long other = rows.span(trace, "other", "LLM", 10, null);
            rows.spanCheck(low, "EVALUATION", "Confidence", null, 0.3, null);
            rows.spanCheck(high, "EVALUATION", "confidence", null, 0.7, null);
            rows.spanCheck(other, "EVALUATION", "relevance", null, 0.1, null);
            rules.create("confidence rule", new ScoreBelow("confidence", 0.5, List.of()), true);

            applier.applyAll();

            assertThat(rows.flagged(TargetKind.SPAN)).containsOnlyKeys(low);
            assertThat(rows.reasons(TargetKind.SPAN, low).get(0).detail()).isEqualTo("Confidence 0.3 below 0.5");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void latencyAndCostBudgetsFlagLlmCallsAndEvalCasesOverThem(String engine) {
        inWorkspace(engine, (rows, rules, applier) -> {
            long trace = rows.trace("t1");
            long slow = rows.span(trace, "slow", "LLM", 31_000, "0.01");
            long quick = rows.span(trace, "quick", "LLM", 29_000, "0.0600");
            long slowChain = rows.span(trace, "chain", "CHAIN", 60_000, "1");
            long run = rows.run();
            long slowCase = rows.evalCase(run, "PASS", 40_000L, null);
            long costlyCase = rows.evalCase(run, "PASS", 100L, "0.07");
            rules.create("slow rule", new LatencyAbove(30_000), true);
            rules.create("costly rule", new CostAbove(new BigDecimal("0.05")), true);

            applier.applyAll();

            assertThat(rows.flagged(TargetKind.SPAN)).containsOnly(Map.entry(slow, List.of("slow rule")),
                    Map.entry(quick, List.of("costly rule"))).doesNotContainKey(slowChain);
            assertThat(rows.flagged(TargetKind.EVAL_CASE)).containsOnly(Map.entry(slowCase, List.of("slow rule")),
                    Map.entry(costlyCase, List.of("costly rule")));
            assertThat(rows.reasons(TargetKind.SPAN, slow).get(0).detail()).isEqualTo("latency 31 s over the 30 s budget");
            assertThat(rows.reasons(TargetKind.SPAN, quick).get(0).detail()).isEqualTo("cost $0.06 over the $0.05 budget");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void negativeFeedbackIsPassedFalseAScoreBelowTheThresholdOrANegativeLabelFromFeedbackOrAnnotations(String engine) {
        inWorkspace(engine, (rows, rules, applier) -> {
            long trace = rows.trace("t1");
            long thumbsDown = rows.span(trace, "a", "LLM", 10, null);
            long falseFlag = rows.span(trace, "b", "LLM", 10, null);
            long minusOne = rows.span(trace, "c", "LLM", 10, null);
            long friendly = rows.span(trace, "d", "LLM", 10, null);
            long evaluation = rows.span(trace, "e", "LLM", 10, null);
            rows.spanCheck(thumbsDown, "FEEDBACK", "user-feedback", "Thumbs_Down", null, null);
            rows.spanCheck(falseFlag, "FEEDBACK", "user-feedback", "False", 0.0, false);
            rows.spanCheck(minusOne, "ANNOTATION", "rating", null, -1.0, null);
            rows.spanCheck(friendly, "ANNOTATION", "tone", "friendly", 0.0, null);
            rows.spanCheck(evaluation, "EVALUATION", "exact-match", "bad", 0.0, false);
            rules.create("feedback rule", new NegativeFeedback(List.of("FEEDBACK", "ANNOTATION"), 0.0,
                    RuleConfigJson.DEFAULT_NEGATIVE_LABELS), true);

            applier.applyAll();

            assertThat(rows.flagged(TargetKind.SPAN)).containsOnlyKeys(thumbsDown, falseFlag, minusOne);
            assertThat(rows.reasons(TargetKind.SPAN, thumbsDown).get(0).detail()).isEqualTo("feedback 'user-feedback': 'Thumbs_Down'");
            assertThat(rows.reasons(TargetKind.SPAN, falseFlag).get(0).detail()).isEqualTo("feedback 'user-feedback': negative (False)");
            assertThat(rows.reasons(TargetKind.SPAN, minusOne).get(0).detail()).isEqualTo("annotation 'rating': score -1 below 0");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void jsonSchemaFlagsOutputsOfTheTemplateThatAreNotJsonOrNotValid(String engine) {
        inWorkspace(engine, (rows, rules, applier) -> {
            String schema = "{\"type\":\"object\",\"required\":[\"category\"],"
                    + "\"properties\":{\"category\":{\"enum\":[\"billing\",\"shipping\"]}}}";
            long trace = rows.trace("t1");
            long valid = rows.span(trace, "valid", "LLM", 10, null, "triage-json", "{\"category\":\"billing\"}");
            long wrongValue = rows.span(trace, "wrong", "LLM", 10, null, "triage-json", "{\"category\":\"weather\"}");
            long notJson = rows.span(trace, "prose", "LLM", 10, null, "triage-json", "It is about billing.");
            long noOutput = rows.span(trace, "none", "LLM", 10, null, "triage-json", null);
            long otherTemplate = rows.span(trace, "other", "LLM", 10, null, "triage-word", "billing");
            long run = rows.run();
            long validCase = rows.evalCase(run, "PASS", null, null, "triage-json", "{\"category\":\"shipping\"}");
            long invalidCase = rows.evalCase(run, "PASS", null, null, "triage-json", "{}");
            rules.create("Triage is JSON", new JsonSchema("triage-json", schema), true);

            ApplyResult result = applier.applyAll();

            assertThat(result.failedRules()).isEmpty();
            assertThat(rows.flagged(TargetKind.SPAN)).containsOnlyKeys(wrongValue, notJson)
                    .doesNotContainKeys(valid, noOutput, otherTemplate);
            assertThat(rows.flagged(TargetKind.EVAL_CASE)).containsOnlyKeys(invalidCase).doesNotContainKey(validCase);
            assertThat(rows.reasons(TargetKind.SPAN, notJson).get(0).detail()).startsWith("output is not JSON: ");
            assertThat(rows.reasons(TargetKind.SPAN, wrongValue).get(0).detail())
                    .startsWith("output does not match the schema: ").contains("category");
            assertThat(rows.reasons(TargetKind.EVAL_CASE, invalidCase).get(0).detail()).contains("category");
        });
    }
}
