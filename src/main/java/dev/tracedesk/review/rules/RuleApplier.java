package dev.tracedesk.review.rules;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.review.rules.RuleConfig.CallScope;
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
import dev.tracedesk.review.rules.RuleScope.IdRange;
import dev.tracedesk.store.calls.LlmCallFacts;

/**
 * Applies the enabled flag rules (decision 0012): each rule, one window of ids at a time, finds
 * its targets in SQL and puts them into the Flagged queue and the queues made from it. The spot
 * check runs last, so it only draws from calls no other rule flagged. A rule that cannot be
 * applied (a broken config) is reported in the result and the others still run. Daily budgets
 * (decision 0022) judge every (group, UTC day) the new calls fell into, over all its calls.
 */
public final class RuleApplier {

    private static final Logger LOG = LoggerFactory.getLogger(RuleApplier.class);

    /** Ids per query: bounds memory on a big workspace; each window is a primary-key range scan. */
    static final long WINDOW = 50_000;

    /** For applications nobody watches or cancels (after an import, the command line). */
    public static final TaskContext UNATTENDED = new TaskContext() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private final DSLContext dsl;

    public RuleApplier(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Evaluates every span, eval case and check in the workspace ("Re-apply to existing data", {@code rules apply}). */
    public ApplyResult applyAll(TaskContext context) {
        // Budgets read llm_call; a workspace from before V9, or one whose last import could not
        // refresh it, catches up first (nothing to do otherwise).
        new LlmCallFacts(dsl).refresh();
        RuleWatermarks marks = new RuleWatermarks(dsl);
        return apply(marks, marks.everything(), context);
    }

    public ApplyResult applyAll() {
        return applyAll(UNATTENDED);
    }

    public ApplyResult applyNew() {
        return applyNew(UNATTENDED);
    }

    /** Evaluates only what was added since the last application (after an import). */
    public ApplyResult applyNew(TaskContext context) {
        RuleWatermarks marks = new RuleWatermarks(dsl);
        return apply(marks, marks.sinceMarks(), context);
    }

    /**
     * {@link #applyNew} for the end of an import: never throws, so the import never fails because
     * of a rule. Empty when every rule applied; otherwise what to tell the user.
     */
    public Optional<String> applyAfterImport() {
        try {
            ApplyResult result = applyNew(UNATTENDED);
            result.problems().ifPresent(problems -> LOG.warn("{}", problems));
            return result.problems();
        } catch (RuntimeException failed) {
            LOG.warn("Flag rules could not be applied after the import", failed);
            return Optional.of("Flag rules could not be applied (" + (failed.getMessage() == null ? failed.toString()
                    : failed.getMessage()) + "); run 'tracedesk rules apply' to try again.");
        }
    }

    private ApplyResult apply(RuleWatermarks marks, RuleScope scope, TaskContext context) {
        List<FlagRule> rules = new ArrayList<>(new FlagRules(dsl).list().stream().filter(FlagRule::enabled).toList());
        rules.sort(Comparator.comparing(rule -> RuleType.SPOT_CHECK.name().equalsIgnoreCase(rule.ruleType())));
        RuleQueues queues = RuleQueues.load(dsl);
        ReviewItemWriter writer = new ReviewItemWriter(dsl, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            FlagRule rule = rules.get(i);
            context.progress(i, rules.size(), "Applying rule \u201c" + rule.name() + "\u201d");
            RuleConfig config;
            try {
                config = rule.config();
                if (config instanceof JsonSchema schema) {
                    JsonSchemaCheck.of(schema.schemaJson());
                }
            } catch (RuleConfigException broken) {
                outcomes.add(new RuleOutcome(rule.id(), rule.name(), rule.ruleType(), 0, broken.getMessage()));
                continue;
            }
            FlagRule named = new FlagRule(rule.id(), rule.name(), config.type().name(), rule.configJson(), true);
            int matched = new RuleRun(named, config, queues.queuesFor(rule.name()), writer, context).run(scope);
            outcomes.add(new RuleOutcome(rule.id(), rule.name(), config.type().name(), matched, null));
        }
        marks.advanceTo(scope);
        context.progress(rules.size(), rules.size(), writer.created() + " new review items");
        return new ApplyResult(writer.created(), writer.updated(), outcomes);
    }

    /** One rule over the scope, window by window. */
    private final class RuleRun {

        private final FlagRule rule;
        private final RuleConfig config;
        private final List<Long> queues;
        private final ReviewItemWriter writer;
        private final TaskContext context;
        private int matched;

        RuleRun(FlagRule rule, RuleConfig config, List<Long> queues, ReviewItemWriter writer, TaskContext context) {
            this.rule = rule;
            this.config = config;
            this.queues = queues;
            this.writer = writer;
            this.context = context;
        }

        int run(RuleScope scope) {
            SpanRuleQueries spans = new SpanRuleQueries(dsl);
            CaseRuleQueries cases = new CaseRuleQueries(dsl);
            CheckRuleQueries checks = new CheckRuleQueries(dsl);
            if (config instanceof EvalCaseFailed c) {
                forEachWindow(scope.cases(), window -> cases.failed(c.includeErrored(), window));
            } else if (config instanceof CheckFailed c) {
                forEachWindow(scope.checks(), window -> checks.failed(c, window));
            } else if (config instanceof ScoreBelow c) {
                forEachWindow(scope.checks(), window -> checks.scoreBelow(c, window));
            } else if (config instanceof NegativeFeedback c) {
                forEachWindow(scope.checks(), window -> checks.negativeFeedback(c, window));
            } else if (config instanceof LatencyAbove c && c.scoped()) {
                forEachWindow(scope.spans(), window -> new ScopedCallQueries(dsl).slowerThan(c, window));
            } else if (config instanceof LatencyAbove c) {
                forEachWindow(scope.spans(), window -> spans.slowerThan(c.budgetMs(), window));
                forEachWindow(scope.cases(), window -> cases.slowerThan(c.budgetMs(), window));
            } else if (config instanceof CostAbove c && c.scoped()) {
                forEachWindow(scope.spans(), window -> new ScopedCallQueries(dsl).costlierThan(c, window));
            } else if (config instanceof CostAbove c) {
                forEachWindow(scope.spans(), window -> spans.costlierThan(c.budgetUsd(), window));
                forEachWindow(scope.cases(), window -> cases.costlierThan(c.budgetUsd(), window));
            } else if (config instanceof P95LatencyAbove c) {
                forEachDayTouched(c, scope.spans(), (day, keys) -> new DailyBudgetQueries(dsl).overP95(c, day, keys));
            } else if (config instanceof DailyCostAbove c) {
                forEachDayTouched(c, scope.spans(), (day, keys) -> new DailyBudgetQueries(dsl).overDailyCost(c, day, keys));
            } else if (config instanceof JsonSchema c) {
                JsonSchemaCheck check = JsonSchemaCheck.of(c.schemaJson());
                if (!scope.spans().isEmpty()) {
                    List<Long> calls = spans.callsOfTemplate(c.promptTemplate(), scope.spans());
                    for (int from = 0; from < calls.size(); from += ReviewItemWriter.CHUNK) {
                        checkCancelled();
                        write(spans.invalidOutputs(check, calls.subList(from, Math.min(calls.size(), from + ReviewItemWriter.CHUNK))));
                    }
                }
                forEachWindow(scope.cases(), window -> cases.invalidOutputs(c.promptTemplate(), check, window));
            } else if (config instanceof SpotCheck c) {
                SpotCheckSample sample = new SpotCheckSample(dsl);
                forEachWindow(scope.spans(), window -> sample.drawn(c, window));
            }
            return matched;
        }

        private void forEachWindow(IdRange range, java.util.function.Function<IdRange, List<RuleMatch>> query) {
            for (long after = range.after(); after < range.upTo(); after += WINDOW) {
                checkCancelled();
                write(query.apply(new IdRange(after, Math.min(range.upTo(), after + WINDOW))));
            }
        }

        /**
         * A daily budget judges whole (group, day)s: the days new calls fell into are evaluated
         * again over all their calls, one day at a time.
         */
        private void forEachDayTouched(CallScope budget, IdRange spans, BiFunction<Long, Set<String>, List<RuleMatch>> query) {
            if (spans.isEmpty()) {
                return;
            }
            for (Map.Entry<Long, Set<String>> day : new DailyBudgetQueries(dsl).daysTouched(budget, spans).entrySet()) {
                checkCancelled();
                write(query.apply(day.getKey(), day.getValue()));
            }
        }

        private void write(List<RuleMatch> matches) {
            if (!matches.isEmpty()) {
                matched += writer.write(rule, queues, matches);
            }
        }

        private void checkCancelled() {
            if (context.isCancelled()) {
                throw new CancellationException("Applying the flag rules was cancelled.");
            }
        }
    }
}
