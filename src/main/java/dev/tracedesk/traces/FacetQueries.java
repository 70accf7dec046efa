package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.SPAN;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Counts beside the filter sidebar's values: for each facet, how many spans (LLM calls when calls
 * are listed) match the filter without that facet's own dimension, so the other values stay
 * visible and show what choosing them would give.
 *
 * <p>One scan for all five facets: the spans matching the filter's other parts (time, latency,
 * cost, errors, requested model, import, labeled, search) are grouped by every facet column at once in
 * SQL — a few hundred combinations — and each facet is then counted in Java from the
 * combinations that match the other facets' choices. The facets are plain equality on those
 * columns, so this gives the same counts as one grouped scan per facet, at a fifth of the cost
 * (docs/benchmarks.md).
 */
public final class FacetQueries {

    /** A facet lists its most frequent values; the rest are reachable through search. */
    public static final int VALUES_PER_FACET = 30;

    private final DSLContext dsl;

    public FacetQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The facet columns of a group of spans, and how many spans it holds. */
    private record Combination(String provider, String servedModel, String promptName, String promptVersion,
                               String kind, String status, long spans) {

        boolean matchesAllBut(Facet excluded, TraceFilter filter) {
            return (excluded == Facet.PROVIDER || filter.provider() == null || filter.provider().equals(provider))
                    && (excluded == Facet.SERVED_MODEL || filter.servedModel() == null || filter.servedModel().equals(servedModel))
                    && (excluded == Facet.PROMPT || ((filter.promptName() == null || filter.promptName().equals(promptName))
                            && (filter.promptVersion() == null || filter.promptVersion().equals(promptVersion))))
                    && (excluded == Facet.KIND || filter.kind() == null || filter.kind().equals(kind))
                    && (excluded == Facet.STATUS || filter.status() == null || filter.status().equals(status));
        }
    }

    public Map<Facet, List<FacetCount>> counts(TraceFilter filter, boolean llmCallsOnly) {
        TraceFilter otherParts = filter;
        for (Facet facet : Facet.values()) {
            otherParts = otherParts.without(facet);
        }
        Condition where = DSL.and(SpanConditions.of(otherParts, true), SpanConditions.labeled(filter, llmCallsOnly),
                llmCallsOnly ? SPAN.KIND.eq(SpanConditions.LLM) : DSL.noCondition());
        List<Combination> combinations = dsl.transactionResult(configuration -> configuration.dsl()
                .select(SPAN.PROVIDER, SPAN.SERVED_MODEL, SPAN.PROMPT_TEMPLATE_NAME, SPAN.PROMPT_TEMPLATE_VERSION,
                        SPAN.KIND, SPAN.STATUS, DSL.count())
                .from(SPAN)
                .where(where)
                .groupBy(SPAN.PROVIDER, SPAN.SERVED_MODEL, SPAN.PROMPT_TEMPLATE_NAME, SPAN.PROMPT_TEMPLATE_VERSION,
                        SPAN.KIND, SPAN.STATUS)
                .fetch(row -> new Combination(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6(), row.value7())));
        Map<Facet, List<FacetCount>> counts = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            counts.put(facet, count(facet, filter, combinations));
        }
        return counts;
    }

    private static List<FacetCount> count(Facet facet, TraceFilter filter, List<Combination> combinations) {
        Map<List<String>, Long> byValue = new HashMap<>();
        for (Combination combination : combinations) {
            if (!combination.matchesAllBut(facet, filter)) {
                continue;
            }
            List<String> value = switch (facet) {
                case PROVIDER -> Arrays.asList(combination.provider(), null);
                case SERVED_MODEL -> Arrays.asList(combination.servedModel(), null);
                case PROMPT -> Arrays.asList(combination.promptName(), combination.promptVersion());
                case KIND -> Arrays.asList(combination.kind(), null);
                case STATUS -> Arrays.asList(combination.status(), null);
            };
            if (value.get(0) != null || value.get(1) != null) {
                byValue.merge(value, combination.spans(), Long::sum);
            }
        }
        Comparator<Map.Entry<List<String>, Long>> mostFirst = Map.Entry.<List<String>, Long>comparingByValue().reversed();
        return byValue.entrySet().stream()
                .sorted(mostFirst.thenComparing(entry -> entry.getKey().get(0), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(entry -> entry.getKey().get(1), Comparator.nullsFirst(Comparator.naturalOrder())))
                .limit(VALUES_PER_FACET)
                .map(entry -> new FacetCount(facet, entry.getKey().get(0), entry.getKey().get(1), entry.getValue()))
                .toList();
    }
}
