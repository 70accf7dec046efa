package dev.tracedesk.evals.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;

/**
 * Compares an eval run with a baseline: each case of either run paired with the same case
 * (case key and provider) of the other, and classified as regressed, improved, still failing,
 * errored in both, unchanged, new or removed (decision 0019).
 */
public final class RunComparison {

    private final DSLContext dsl;

    public RunComparison(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * @throws IllegalArgumentException when either workspace id names no run
     */
    public ComparisonResult compare(long baselineRunId, long otherRunId) {
        return dsl.transactionResult(configuration -> {
            ComparisonQueries queries = new ComparisonQueries(configuration.dsl());
            ComparedRun baseline = queries.run(baselineRunId)
                    .orElseThrow(() -> new IllegalArgumentException("No eval run with id " + baselineRunId + "."));
            ComparedRun other = queries.run(otherRunId)
                    .orElseThrow(() -> new IllegalArgumentException("No eval run with id " + otherRunId + "."));
            Map<String, List<CaseMatcher.Match>> matches = CaseMatcher.match(
                    queries.cases(baselineRunId), ProviderAliases.fromConfig(baseline.configJson()),
                    queries.cases(otherRunId), ProviderAliases.fromConfig(other.configJson()));
            List<ProviderComparison> providers = new ArrayList<>();
            matches.forEach((provider, pairs) -> providers.add(
                    new ProviderComparison(provider, pairs.stream().map(RunComparison::pair).toList())));
            return new ComparisonResult(baseline, other, providers);
        });
    }

    private static CasePair pair(CaseMatcher.Match match) {
        ComparedCase before = match.baseline();
        ComparedCase after = match.other();
        CaseOutcome outcome = CaseOutcome.of(before == null ? null : before.status(), after == null ? null : after.status());
        List<FlippedAssertion> flips = before == null || after == null ? List.of()
                : AssertionFlips.between(before.assertionsJson(), after.assertionsJson());
        return new CasePair((after != null ? after : before).caseKey(), match.provider(), outcome, before, after, flips);
    }
}
