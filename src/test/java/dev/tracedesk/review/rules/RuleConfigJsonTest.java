package dev.tracedesk.review.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tracedesk.review.rules.RuleConfig.CheckFailed;
import dev.tracedesk.review.rules.RuleConfig.CostAbove;
import dev.tracedesk.review.rules.RuleConfig.EvalCaseFailed;
import dev.tracedesk.review.rules.RuleConfig.JsonSchema;
import dev.tracedesk.review.rules.RuleConfig.LatencyAbove;
import dev.tracedesk.review.rules.RuleConfig.NegativeFeedback;
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
                new NegativeFeedback(List.of("FEEDBACK"), -1.0, List.of("bad")), new SpotCheck(2.5));
        for (RuleConfig config : configs) {
            assertThat(RuleConfigJson.parse(config.type(), RuleConfigJson.write(config))).isEqualTo(config);
            assertThat(RuleDraft.toConfig(config.type(), RuleDraft.fieldsOf(config))).isEqualTo(config);
        }
    }

    @Test
    void aSettingThatCannotBeUsedIsNamed() {
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
