package dev.tracedesk.review.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import dev.tracedesk.core.model.CallGrouping;

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

    /**
     * LLM calls (duration) and eval cases (latency) slower than the budget. With a group
     * ({@code groupKey} non-null) only the LLM calls of that group of {@code groupBy} are looked at.
     */
    record LatencyAbove(long budgetMs, CallGrouping groupBy, String groupKey) implements RuleConfig, CallScope {
        public LatencyAbove {
            groupBy = CallScope.grouping(groupBy);
        }

        /** Every call and case, as before budgets had a scope. */
        public LatencyAbove(long budgetMs) {
            this(budgetMs, CallGrouping.NONE, null);
        }

        @Override
        public RuleType type() {
            return RuleType.LATENCY_ABOVE;
        }

        @Override
        public String summary() {
            return "latency over " + RuleNumbers.duration(budgetMs) + scopeSummary();
        }
    }

    /** LLM calls and eval cases that cost more than the budget; with a group, only that group's LLM calls. */
    record CostAbove(BigDecimal budgetUsd, CallGrouping groupBy, String groupKey) implements RuleConfig, CallScope {
        public CostAbove {
            groupBy = CallScope.grouping(groupBy);
        }

        /** Every call and case, as before budgets had a scope. */
        public CostAbove(BigDecimal budgetUsd) {
            this(budgetUsd, CallGrouping.NONE, null);
        }

        @Override
        public RuleType type() {
            return RuleType.COST_ABOVE;
        }

        @Override
        public String summary() {
            return "cost over " + RuleNumbers.usd(budgetUsd) + scopeSummary();
        }
    }

    /**
     * Per UTC day and group of {@code groupBy} (only {@code groupKey} when set), the p95 latency of
     * the day's LLM calls; a day over budget flags its calls slower than the budget.
     */
    record P95LatencyAbove(long budgetMs, CallGrouping groupBy, String groupKey) implements RuleConfig, CallScope {
        public P95LatencyAbove {
            groupBy = CallScope.grouping(groupBy);
        }

        @Override
        public RuleType type() {
            return RuleType.P95_LATENCY_ABOVE;
        }

        @Override
        public String summary() {
            return "daily p95 latency over " + RuleNumbers.duration(budgetMs) + dailyScopeSummary();
        }
    }

    /**
     * Per UTC day and group, the total cost (reported and estimated) of the LLM calls; a day over
     * budget flags the one call at which its running total first went over.
     */
    record DailyCostAbove(BigDecimal budgetUsd, CallGrouping groupBy, String groupKey) implements RuleConfig, CallScope {
        public DailyCostAbove {
            groupBy = CallScope.grouping(groupBy);
        }

        @Override
        public RuleType type() {
            return RuleType.DAILY_COST_ABOVE;
        }

        @Override
        public String summary() {
            return "daily cost over " + RuleNumbers.dollars(budgetUsd) + dailyScopeSummary();
        }
    }

    /** The group a budget looks at: a {@link CallGrouping} and one of its keys (null: every group). */
    sealed interface CallScope permits LatencyAbove, CostAbove, P95LatencyAbove, DailyCostAbove {

        RuleType type();

        CallGrouping groupBy();

        String groupKey();

        /** A per-call budget with a key looks only at that group's LLM calls. */
        default boolean scoped() {
            return groupKey() != null;
        }

        /** A grouping left out means none. */
        static CallGrouping grouping(CallGrouping groupBy) {
            return groupBy == null ? CallGrouping.NONE : groupBy;
        }

        default String scopeSummary() {
            return groupKey() == null ? "" : ", " + groupBy().label().toLowerCase(Locale.ROOT) + " " + groupKey() + " only";
        }

        default String dailyScopeSummary() {
            if (groupKey() != null) {
                return scopeSummary();
            }
            return groupBy() == CallGrouping.NONE ? ", all calls together" : ", each " + groupBy().label().toLowerCase(Locale.ROOT);
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
