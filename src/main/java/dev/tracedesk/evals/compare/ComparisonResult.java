package dev.tracedesk.evals.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Two runs compared case by case, provider by provider (in the baseline's provider order). */
public record ComparisonResult(ComparedRun baseline, ComparedRun other, List<ProviderComparison> providers) {

    public ComparisonResult {
        providers = List.copyOf(providers);
    }

    /** Across providers, every outcome with its count (zeros included): the numbers on top. */
    public Map<CaseOutcome, Integer> counts() {
        Map<CaseOutcome, Integer> total = new EnumMap<>(CaseOutcome.class);
        providers.forEach(provider -> provider.counts().forEach((outcome, n) -> total.merge(outcome, n, Integer::sum)));
        return total;
    }

    public List<CasePair> pairs(CaseOutcome outcome) {
        return providers.stream().flatMap(provider -> provider.pairs(outcome).stream()).toList();
    }

    public boolean hasRegressions() {
        return counts().get(CaseOutcome.REGRESSED) > 0;
    }
}
