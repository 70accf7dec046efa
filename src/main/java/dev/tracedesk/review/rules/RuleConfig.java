package dev.tracedesk.review.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * The typed config of a flag rule, one record per {@link RuleType}. {@link RuleConfigJson} reads
 * and writes it as the rule's {@code config_json}.
 */
public sealed interface RuleConfig {

    RuleType type();

    /** One line for the rules dialog and {@code rules list}. */
    String summary();

    /** Eval cases whose status is FAIL (and, when asked, ERROR). */
    record EvalCaseFailed(boolean includeErrored) implements RuleConfig {
        @Override
        public RuleType type() {
            return RuleType.EVAL_CASE_FAILED;
        }

        @Override
        public String summary() {
            return includeErrored ? "eval cases that failed or errored" : "eval cases that failed";
        }
    }

    /** A check with passed = false from one of the sources (empty: any), optionally of one name. */
    record CheckFailed(List<String> sources, String checkName) implements RuleConfig {
        public CheckFailed {
            sources = List.copyOf(sources);
        }

        @Override
        public RuleType type() {
            return RuleType.CHECK_FAILED;
        }

        @Override
        public String summary() {
            return (checkName == null ? "any" : "'" + checkName + "'") + " check failed"
                    + (sources.isEmpty() ? "" : ", from " + String.join(" or ", sources));
        }
    }

    /** A check named {@code scoreName} (case-insensitive) whose score is below {@code threshold}. */
    record ScoreBelow(String scoreName, double threshold, List<String> sources) implements RuleConfig {
        public ScoreBelow {
            sources = List.copyOf(sources);
        }

        @Override
        public RuleType type() {
            return RuleType.SCORE_BELOW;
        }

        @Override
        public String summary() {
            return "score '" + scoreName + "' below " + RuleNumbers.plain(threshold)
                    + (sources.isEmpty() ? "" : ", from " + String.join(" or ", sources));
        }
    }

    /** Outputs of a prompt template (LLM calls, and eval cases by prompt label) must be valid against the schema. */
    record JsonSchema(String promptTemplate, String schemaJson) implements RuleConfig {
        @Override
        public RuleType type() {
            return RuleType.JSON_SCHEMA;
        }

        @Override
        public String summary() {
            return "output of '" + promptTemplate + "' not valid against its JSON Schema";
        }
    }

    /** LLM calls (duration) and eval cases (latency) slower than the budget. */
    record LatencyAbove(long budgetMs) implements RuleConfig {
        @Override
        public RuleType type() {
            return RuleType.LATENCY_ABOVE;
        }

        @Override
        public String summary() {
            return "latency over " + RuleNumbers.duration(budgetMs);
        }
    }

    /** LLM calls and eval cases that cost more than the budget. */
    record CostAbove(BigDecimal budgetUsd) implements RuleConfig {
        @Override
        public RuleType type() {
            return RuleType.COST_ABOVE;
        }

        @Override
        public String summary() {
            return "cost over " + RuleNumbers.usd(budgetUsd);
        }
    }

    /**
     * A feedback or annotation check that is negative: passed = false, a score below
     * {@code scoreBelow} (null: scores are not looked at), or one of the negative labels.
     */
    record NegativeFeedback(List<String> sources, Double scoreBelow, List<String> labels) implements RuleConfig {
        public NegativeFeedback {
            sources = List.copyOf(sources);
            labels = List.copyOf(labels);
        }

        @Override
        public RuleType type() {
            return RuleType.NEGATIVE_FEEDBACK;
        }

        @Override
        public String summary() {
            return "negative " + (sources.isEmpty() ? "feedback or annotation" : String.join(" or ", sources))
                    + ": passed = false"
                    + (scoreBelow == null ? "" : ", score below " + RuleNumbers.plain(scoreBelow))
                    + (labels.isEmpty() ? "" : ", or label " + String.join(" / ", labels));
        }
    }

    /** A deterministic sample of LLM calls no other rule flagged (decision 0012). */
    record SpotCheck(double percent) implements RuleConfig {
        @Override
        public RuleType type() {
            return RuleType.SPOT_CHECK;
        }

        @Override
        public String summary() {
            return RuleNumbers.plain(percent) + "% of otherwise unflagged LLM calls";
        }

        /** The sample takes a call when its hash mod 10,000 is below this. */
        public int cutoff() {
            return (int) Math.round(percent * 100);
        }
    }
}
