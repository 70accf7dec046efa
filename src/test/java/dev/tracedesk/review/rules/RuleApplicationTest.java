package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.FLAG_RULE;
import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.review.rules.RuleConfig.EvalCaseFailed;
import dev.tracedesk.review.rules.RuleConfig.LatencyAbove;
import dev.tracedesk.review.rules.RuleConfig.SpotCheck;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/** Applying again, merging reasons, queues made from rules, the watermark, broken rules, the spot check. */
class RuleApplicationTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void applyingAgainChangesNothingAndANewRuleAddsItsReasonWithoutTouchingTheItemsState(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            RuleRows rows = new RuleRows(workspace.dsl());
            rows.disableAllRules();
            FlagRules rules = new FlagRules(workspace.dsl());
            RuleApplier applier = new RuleApplier(workspace.dsl());
            long run = rows.run();
            long slowFailure = rows.evalCase(run, "FAIL", 50_000L, null);
            long failure = rows.evalCase(run, "FAIL", 10L, null);
            long slowPass = rows.evalCase(run, "PASS", 50_000L, null);
            rules.create("failed", new EvalCaseFailed(true), true);

            assertThat(applier.applyAll().itemsCreated()).isEqualTo(2);
            workspace.dsl().update(REVIEW_ITEM).set(REVIEW_ITEM.STATE, "DONE").set(REVIEW_ITEM.ASSIGNEE, "ana").execute();
            String before = workspace.dsl().selectFrom(REVIEW_ITEM).orderBy(REVIEW_ITEM.ID).fetch().formatJSON();

            ApplyResult again = applier.applyAll();
            assertThat(again.itemsCreated()).isZero();
            assertThat(again.itemsUpdated()).isZero();
            assertThat(again.byRule()).singleElement().extracting(RuleOutcome::matched).isEqualTo(2);
            assertThat(workspace.dsl().selectFrom(REVIEW_ITEM).orderBy(REVIEW_ITEM.ID).fetch().formatJSON()).isEqualTo(before);

            rules.create("slow", new LatencyAbove(30_000), true);
            ApplyResult merged = applier.applyAll();
            assertThat(merged.itemsCreated()).isEqualTo(1);
            assertThat(merged.itemsUpdated()).isEqualTo(1);
            assertThat(rows.flagged(TargetKind.EVAL_CASE)).containsOnly(Map.entry(slowFailure, List.of("failed", "slow")),
                    Map.entry(failure, List.of("failed")), Map.entry(slowPass, List.of("slow")));
            assertThat(workspace.dsl().select(REVIEW_ITEM.STATE, REVIEW_ITEM.ASSIGNEE).from(REVIEW_ITEM)
                    .where(REVIEW_ITEM.TARGET_ID.eq(slowFailure)).fetchOne().intoList()).containsExactly("DONE", "ana");
            assertThat(applier.applyAll().itemsUpdated()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aQueueMadeFromRulesGetsTheItemsOfItsRulesOnly(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            RuleRows rows = new RuleRows(workspace.dsl());
            rows.disableAllRules();
            FlagRules rules = new FlagRules(workspace.dsl());
            long run = rows.run();
            long slowFailure = rows.evalCase(run, "FAIL", 50_000L, null);
            long failure = rows.evalCase(run, "FAIL", 10L, null);
            rules.create("failed", new EvalCaseFailed(true), true);
            rules.create("slow", new LatencyAbove(30_000), true);
            long slowQueue = rows.queue("Slow ones", "{\"kind\":\"RULES\",\"rules\":[\"slow\",\"not a rule\"]}");

            ApplyResult result = new RuleApplier(workspace.dsl()).applyAll();

            assertThat(result.itemsCreated()).isEqualTo(3);
            assertThat(rows.items(slowQueue, TargetKind.EVAL_CASE)).containsOnly(Map.entry(slowFailure, List.of("slow")));
            assertThat(rows.flagged(TargetKind.EVAL_CASE)).containsOnlyKeys(slowFailure, failure);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void applyingNewRowsLooksOnlyAboveTheWatermarkButChecksArrivingLaterStillCount(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            RuleRows rows = new RuleRows(workspace.dsl());
            RuleApplier applier = new RuleApplier(workspace.dsl());
            long run = rows.run();
            long first = rows.evalCase(run, "FAIL", null, null);
            long trace = rows.trace("t1");
            long call = rows.span(trace, "c1", "LLM", 10, null);
            assertThat(applier.applyNew().itemsCreated()).isEqualTo(1);

            // A rule that did not exist then would flag the first case, but applyNew no longer looks at it.
            new FlagRules(workspace.dsl()).create("passing cases too", new LatencyAbove(1), true);
            workspace.dsl().update(dev.tracedesk.store.generated.Tables.EVAL_CASE)
                    .set(dev.tracedesk.store.generated.Tables.EVAL_CASE.LATENCY_MS, 500L).execute();
            long second = rows.evalCase(run, "ERROR", null, null);
            rows.spanCheck(call, "FEEDBACK", "thumbs", "thumbs_down", null, null);

            ApplyResult result = applier.applyNew();

            assertThat(result.byRule()).filteredOn(outcome -> outcome.rule().equals("Eval case failed or errored"))
                    .singleElement().extracting(RuleOutcome::matched).isEqualTo(1);
            assertThat(rows.flagged(TargetKind.EVAL_CASE)).containsOnlyKeys(first, second);
            assertThat(rows.flagged(TargetKind.EVAL_CASE).get(first)).containsExactly("Eval case failed or errored");
            assertThat(rows.flagged(TargetKind.SPAN)).containsOnlyKeys(call);
            assertThat(applier.applyNew().byRule()).allSatisfy(outcome -> assertThat(outcome.matched()).isZero());

            applier.applyAll();
            assertThat(rows.flagged(TargetKind.EVAL_CASE).get(first)).containsExactly("Eval case failed or errored", "passing cases too");
        }
    }

    @Test
    void aBrokenRuleIsReportedAndTheOthersStillApply() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            RuleRows rows = new RuleRows(workspace.dsl());
            long failure = rows.evalCase(rows.run(), "FAIL", null, null);
            workspace.dsl().update(FLAG_RULE).set(FLAG_RULE.RULE_TYPE, "JSON_SCHEMA")
                    .set(FLAG_RULE.CONFIG_JSON, "{\"promptTemplate\":\"x\",\"schema\":{\"type\":12}}")
                    .set(FLAG_RULE.ENABLED, true).where(FLAG_RULE.NAME.eq("Slow call")).execute();

            ApplyResult result = new RuleApplier(workspace.dsl()).applyAll();

            assertThat(rows.flagged(TargetKind.EVAL_CASE)).containsOnlyKeys(failure);
            assertThat(result.failedRules()).singleElement().satisfies(outcome -> {
                assertThat(outcome.rule()).isEqualTo("Slow call");
                assertThat(outcome.error()).startsWith("Rule 'Slow call' (JSON_SCHEMA): the JSON Schema is not a valid schema");
            });
            assertThat(result.problems()).hasValueSatisfying(text -> assertThat(text).startsWith("Flag rules not applied: Rule 'Slow call'"));
            assertThat(new RuleApplier(workspace.dsl()).applyAfterImport()).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theSpotCheckDrawsByTheHashOfTheCallsIdsSkipsFlaggedCallsAndNeverChangesItsSample(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            RuleRows rows = new RuleRows(workspace.dsl());
            rows.disableAllRules();
            FlagRules rules = new FlagRules(workspace.dsl());
            Set<Long> expected = new TreeSet<>();
            List<Long> slow = new ArrayList<>();
            for (int t = 0; t < 40; t++) {
                long trace = rows.trace("trace-" + t);
                for (int s = 0; s < 5; s++) {
                    boolean isSlow = t % 10 == 0;
                    long call = rows.span(trace, "span-" + s, "LLM", isSlow ? 60_000 : 10, null);
                    rows.span(trace, "tool-" + s, "TOOL", 10, null);
                    if (isSlow) {
                        slow.add(call);
                    } else if (SpotCheckSample.bucket("trace-" + t, "span-" + s) < 2_500) {
                        expected.add(call);
                    }
                }
            }
            rules.create("slow", new LatencyAbove(30_000), true);
            rules.create("sample", new SpotCheck(25), true);
            RuleApplier applier = new RuleApplier(workspace.dsl());

            ApplyResult result = applier.applyAll();

            Map<Long, List<String>> items = rows.flagged(TargetKind.SPAN);
            assertThat(items.entrySet()).filteredOn(item -> item.getValue().equals(List.of("sample")))
                    .extracting(Map.Entry::getKey).containsExactlyElementsOf(expected);
            assertThat(expected).hasSizeBetween(25, 75);
            assertThat(items).containsKeys(slow.toArray(Long[]::new));
            assertThat(result.byRule().get(result.byRule().size() - 1).rule()).isEqualTo("sample");

            applier.applyAll();
            assertThat(rows.flagged(TargetKind.SPAN)).isEqualTo(items);
            assertThat(SpotCheckSample.bucket("trace-1", "span-1")).isEqualTo(SpotCheckSample.bucket("trace-1", "span-1"))
                    .isBetween(0, 9_999);
        }
    }
}
