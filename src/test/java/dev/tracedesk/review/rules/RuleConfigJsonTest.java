package dev.tracedesk.review.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.review.rules.RuleConfig.CheckFailed;
import dev.tracedesk.review.rules.RuleConfig.CostAbove;
import dev.tracedesk.review.rules.RuleConfig.DailyCostAbove;
import dev.tracedesk.review.rules.RuleConfig.EvalCaseFailed;
import dev.tracedesk.review.rules.RuleConfig.JsonSchema;
import dev.tracedesk.review.rules.RuleConfig.LatencyAbove;
import dev.tracedesk.review.rules.RuleConfig.NegativeFeedback;
import dev.tracedesk.review.rules.RuleConfig.P95LatencyAbove;
import dev.tracedesk.review.rules.RuleConfig.ScoreBelow;
import dev.tracedesk.review.rules.RuleConfig.SpotCheck;

class RuleConfigJsonTest {

    @Test
    void readingIsTolerantOfStringNumbersCommaListsUnknownKeysAndMissingDefaults() {
        assertThat(RuleConfigJson.parse(RuleType.LATENCY_ABOVE, "{\"budgetMs\":\"30000\",\"note\":\"x\"}"))
                .isEqualTo(new LatencyAbove(30_000));
        assertThat(RuleConfigJson.parse(RuleType.CHECK_FAILED, "{\"sources\":\"guardrail, evaluation\"}"))
                .isEqualTo(new CheckFailed(List.of("GUARDRAIL", "EVALUATION"), null));
        assertThat(RuleConfigJson.parse(RuleType.CHECK_FAILED, "")).isEqualTo(new CheckFailed(List.of("GUARDRAIL"), null));
        assertThat(RuleConfigJson.parse(RuleType.EVAL_CASE_FAILED, "{}")).isEqualTo(new EvalCaseFailed(true));
        assertThat(RuleConfigJson.parse(RuleType.NEGATIVE_FEEDBACK, "{}")).isEqualTo(new NegativeFeedback(
                List.of("FEEDBACK", "ANNOTATION"), 0.0, RuleConfigJson.DEFAULT_NEGATIVE_LABELS));
        assertThat(RuleConfigJson.parse(RuleType.NEGATIVE_FEEDBACK, "{\"scoreBelow\":null,\"labels\":[]}"))
                .isEqualTo(new NegativeFeedback(List.of("FEEDBACK", "ANNOTATION"), null, List.of()));
        assertThat(RuleConfigJson.parse(RuleType.JSON_SCHEMA, "{\"promptTemplate\":\"t\",\"schema\":\"{\\\"type\\\":\\\"object\\\"}\"}"))
                .isEqualTo(new JsonSchema("t", "{\"type\":\"object\"}"));
    }

    @Test
    void everyConfigSurvivesARoundTrip() {
        List<RuleConfig> configs = List.of(new EvalCaseFailed(false), new CheckFailed(List.of(), "pii"),
                new ScoreBelow("confidence", 0.5, List.of("EVALUATION")), new JsonSchema("t", "{\"type\":\"object\"}"),
                new LatencyAbove(1_500), new CostAbove(new BigDecimal("0.05")),
                new NegativeFeedback(List.of("FEEDBACK"), -1.0, List.of("bad")), new SpotCheck(2.5),
                new LatencyAbove(2_000, CallGrouping.MODEL, "gpt-4o"), new CostAbove(new BigDecimal("0.01"), CallGrouping.PROMPT, "triage@3"),
                new LatencyAbove(2_000, CallGrouping.ROUTE, null),
                new P95LatencyAbove(2_000, CallGrouping.MODEL, null), new P95LatencyAbove(900, CallGrouping.NONE, null),
                new DailyCostAbove(new BigDecimal("5.5"), CallGrouping.PROVIDER, "openai"));
        for (RuleConfig config : configs) {
            assertThat(RuleConfigJson.parse(config.type(), RuleConfigJson.write(config))).isEqualTo(config);
            assertThat(RuleDraft.toConfig(config.type(), RuleDraft.fieldsOf(config))).isEqualTo(config);
        }
    }

    @Test
    void budgetsWrittenBeforeScopesReadAsUnscopedAndStayWrittenTheSameWay() {
        assertThat(RuleConfigJson.parse(RuleType.LATENCY_ABOVE, "{\"budgetMs\":30000}"))
                .isEqualTo(new LatencyAbove(30_000, CallGrouping.NONE, null));
        assertThat(RuleConfigJson.write(new CostAbove(new BigDecimal("0.05")))).isEqualTo("{\"budgetUsd\":0.05}");
        assertThat(RuleConfigJson.write(new LatencyAbove(1_000, CallGrouping.MODEL, "gpt-4o")))
                .isEqualTo("{\"budgetMs\":1000,\"groupBy\":\"model\",\"groupKey\":\"gpt-4o\"}");
        assertThat(RuleConfigJson.parse(RuleType.P95_LATENCY_ABOVE, "{\"budgetMs\":\"2000\",\"groupBy\":\"MODEL\"}"))
                .isEqualTo(new P95LatencyAbove(2_000, CallGrouping.MODEL, null));
        assertThat(RuleConfigJson.write(new DailyCostAbove(new BigDecimal("5"), CallGrouping.NONE, null)))
                .isEqualTo("{\"budgetUsd\":5,\"groupBy\":\"none\"}");
        assertThat(new P95LatencyAbove(2_000, CallGrouping.MODEL, null).summary()).isEqualTo("daily p95 latency over 2 s, each model");
        assertThat(new DailyCostAbove(new BigDecimal("5"), CallGrouping.MODEL, "gpt-4o").summary())
                .isEqualTo("daily cost over $5.00, model gpt-4o only");
        assertThat(new LatencyAbove(1_000, CallGrouping.MODEL, "gpt-4o").summary()).isEqualTo("latency over 1 s, model gpt-4o only");
        assertThat(RuleDraft.fieldsOf(new LatencyAbove(30_000))).containsEntry(RuleField.GROUP_BY, "none").containsEntry(RuleField.GROUP_KEY, "");
        assertThat(RuleDraft.defaultsOf(RuleType.DAILY_COST_ABOVE)).containsEntry(RuleField.BUDGET_USD, "10")
                .containsEntry(RuleField.GROUP_BY, "model");
    }

    @Test
    void aSettingThatCannotBeUsedIsNamed() {
        assertThatThrownBy(() -> RuleConfigJson.parse(RuleType.DAILY_COST_ABOVE, "{\"budgetUsd\":1,\"groupBy\":\"team\"}"))
                .hasMessage("'groupBy' must be one of none, model, provider, prompt, route, not 'team'");
        assertThatThrownBy(() -> RuleConfigJson.parse(RuleType.COST_ABOVE, "{\"budgetUsd\":1,\"groupKey\":\"gpt-4o\"}"))
                .hasMessage("'groupKey' needs 'groupBy' (model, provider, prompt or route)");
        assertThatThrownBy(() -> RuleConfigJson.parse(RuleType.LATENCY_ABOVE, "{\"budgetMs\":0}"))
                .hasMessage("'budgetMs' must be above 0, not 0");
        assertThatThrownBy(() -> RuleConfigJson.parse(RuleType.COST_ABOVE, "{}")).hasMessage("'budgetUsd' is missing: give a number");
        assertThatThrownBy(() -> RuleConfigJson.parse(RuleType.SPOT_CHECK, "{\"percent\":150}"))
                .hasMessage("'percent' must be from 0.01 to 100, not 150");
        assertThatThrownBy(() -> RuleConfigJson.parse(RuleType.CHECK_FAILED, "{\"sources\":[\"USER\"]}"))
                .hasMessageStartingWith("'sources' holds 'USER'; a source is one of");
        assertThatThrownBy(() -> RuleConfigJson.parse(RuleType.SCORE_BELOW, "[1]")).hasMessage("the config must be a JSON object, not array");
        assertThatThrownBy(() -> RuleConfigJson.parse(RuleType.SCORE_BELOW, "{oops")).hasMessageStartingWith("the config is not valid JSON");
        assertThatThrownBy(() -> RuleConfigJson.parse(RuleType.JSON_SCHEMA, "{\"promptTemplate\":\"t\",\"schema\":{\"type\":\"objekt\"}}"))
                .hasMessageStartingWith("the JSON Schema is not a valid schema: /type");
        assertThatThrownBy(() -> RuleConfigJson.parse(RuleType.JSON_SCHEMA,
                "{\"promptTemplate\":\"t\",\"schema\":{\"$ref\":\"https://example.com/remote.json\"}}"))
                .isInstanceOf(RuleConfigException.class).hasMessageStartingWith("the JSON Schema cannot be used");
        assertThatThrownBy(() -> new FlagRule(1, "r", "NO_SUCH", "{}", true).config())
                .hasMessage("Rule 'r': this build does not know the rule type 'NO_SUCH'");
    }

    @Test
    void theSpotChecksBucketIsAFixedFunctionOfTheIds() {
        assertThat(SpotCheckSample.bucket("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"))
                .isEqualTo(SpotCheckSample.bucket("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"))
                .isNotEqualTo(SpotCheckSample.bucket("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b8"));
        assertThat(new SpotCheck(2).cutoff()).isEqualTo(200);
    }
}
