package dev.tracedesk.evals.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One provider's compared cases, in test order, and how many fell in each outcome. */
public record ProviderComparison(String provider, List<CasePair> pairs) {

    public ProviderComparison {
        pairs = List.copyOf(pairs);
    }

    public List<CasePair> pairs(CaseOutcome outcome) {
        return pairs.stream().filter(pair -> pair.outcome() == outcome).toList();
    }

    /** Every outcome, zero included, in the enum's order. */
    public Map<CaseOutcome, Integer> counts() {
        Map<CaseOutcome, Integer> counts = new EnumMap<>(CaseOutcome.class);
        for (CaseOutcome outcome : CaseOutcome.values()) {
            counts.put(outcome, 0);
        }
        pairs.forEach(pair -> counts.merge(pair.outcome(), 1, Integer::sum));
        return counts;
    }
}
