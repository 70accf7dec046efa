package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.SPAN;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Counts beside the filter sidebar's values: for each facet, how many spans (LLM calls when calls
 * are listed) match the filter without that facet's own dimension, so the other values stay
 * visible and show what choosing them would give. One grouped scan of the narrow span table per facet.
 */
public final class FacetQueries {

    /** A facet lists its most frequent values; the rest are reachable through search. */
    public static final int VALUES_PER_FACET = 30;

    private final DSLContext dsl;

    public FacetQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Map<Facet, List<FacetCount>> counts(TraceFilter filter, boolean llmCallsOnly) {
        Map<Facet, List<FacetCount>> counts = new EnumMap<>(Facet.class);
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            for (Facet facet : Facet.values()) {
                Condition where = DSL.and(SpanConditions.of(filter.without(facet), true),
                        llmCallsOnly ? SPAN.KIND.eq(SpanConditions.LLM) : DSL.noCondition());
                counts.put(facet, facet == Facet.PROMPT ? promptCounts(tx, where) : valueCounts(tx, facet, where));
            }
        });
        return counts;
    }

    private static List<FacetCount> valueCounts(DSLContext tx, Facet facet, Condition where) {
        var column = switch (facet) {
            case PROVIDER -> SPAN.PROVIDER;
            case SERVED_MODEL -> SPAN.SERVED_MODEL;
            case KIND -> SPAN.KIND;
            case STATUS -> SPAN.STATUS;
            case PROMPT -> throw new IllegalArgumentException("prompts count by name and version");
        };
        var count = DSL.count();
        return tx.select(column, count).from(SPAN)
                .where(where).and(column.isNotNull())
                .groupBy(column)
                .orderBy(count.desc(), column.asc())
                .limit(VALUES_PER_FACET)
                .fetch(row -> new FacetCount(facet, row.value1(), null, row.value2()));
    }

    private static List<FacetCount> promptCounts(DSLContext tx, Condition where) {
        var count = DSL.count();
        return tx.select(SPAN.PROMPT_TEMPLATE_NAME, SPAN.PROMPT_TEMPLATE_VERSION, count).from(SPAN)
                .where(where).and(SPAN.PROMPT_TEMPLATE_NAME.isNotNull())
                .groupBy(SPAN.PROMPT_TEMPLATE_NAME, SPAN.PROMPT_TEMPLATE_VERSION)
                .orderBy(count.desc(), SPAN.PROMPT_TEMPLATE_NAME.asc(), SPAN.PROMPT_TEMPLATE_VERSION.asc())
                .limit(VALUES_PER_FACET)
                .fetch(row -> new FacetCount(Facet.PROMPT, row.value1(), row.value2(), row.value3()));
    }
}
