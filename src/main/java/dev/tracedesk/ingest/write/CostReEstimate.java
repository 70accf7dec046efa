package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;
import static dev.tracedesk.store.generated.Tables.SPAN;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.CostSource;
import dev.tracedesk.store.calls.LlmCallFacts;

/**
 * Recomputes, from the price table as it is now, every cost the table produced: spans whose cost
 * is {@code ESTIMATED}, and spans with tokens but no cost (a new price may cover them). The import
 * estimates the same way ({@link SpanBatchWriter}: the served model, else the requested one). A
 * span whose price is gone loses its estimate. {@code llm_call.cost_estimated_usd} follows in the
 * same transaction, and the hourly cost sums are rebuilt when anything moved. Reported costs are
 * never read or written.
 *
 * <p>Walks the spans by id in windows of {@value #BATCH}, one transaction each, so a workspace of
 * millions of spans never holds one long transaction; only rows whose cost changes are written.
 */
public final class CostReEstimate {

    /** How many spans were looked at and how many got a new, changed or no longer any estimate. */
    public record Counts(long spansExamined, long costsChanged) {
        public static final Counts NOTHING = new Counts(0, 0);
    }

    /** One window's counts and the last span id it read, where the next window starts. */
    private record Window(Counts counts, long lastId) {
    }

    static final int BATCH = 5_000;

    private final DSLContext dsl;

    public CostReEstimate(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Counts run() {
        // llm_call must hold every call before its estimates are corrected, or a late copy would carry old ones
        new LlmCallFacts(dsl).refresh();
        PriceTable prices = PriceTable.load(dsl);
        long afterId = 0;
        long examined = 0;
        long changed = 0;
        while (true) {
            Window window = reEstimateWindow(prices, afterId);
            if (window == null) {
                if (changed > 0) {
                    // the hourly rollups sum estimated costs too (decision 0021)
                    new LlmCallFacts(dsl).rebuildCostRollups();
                }
                return new Counts(examined, changed);
            }
            examined += window.counts().spansExamined();
            changed += window.counts().costsChanged();
            afterId = window.lastId();
        }
    }

    /** Null when no span above {@code afterId} has an estimable cost. */
    private Window reEstimateWindow(PriceTable prices, long afterId) {
        var spans = dsl.select(SPAN.ID, SPAN.PROVIDER, SPAN.SERVED_MODEL, SPAN.REQUESTED_MODEL,
                        SPAN.INPUT_TOKENS, SPAN.OUTPUT_TOKENS, SPAN.COST_USD)
                .from(SPAN)
                .where(SPAN.ID.gt(afterId))
                .and(SPAN.COST_SOURCE.eq(CostSource.ESTIMATED.name())
                        .or(SPAN.COST_USD.isNull().and(SPAN.INPUT_TOKENS.isNotNull().or(SPAN.OUTPUT_TOKENS.isNotNull()))))
                .orderBy(SPAN.ID)
                .limit(BATCH)
                .fetch();
        if (spans.isEmpty()) {
            return null;
        }
        List<Query> updates = new ArrayList<>();
        for (var span : spans) {
            String model = span.get(SPAN.SERVED_MODEL) != null ? span.get(SPAN.SERVED_MODEL) : span.get(SPAN.REQUESTED_MODEL);
            Optional<BigDecimal> estimate = prices.estimate(span.get(SPAN.PROVIDER), model,
                    span.get(SPAN.INPUT_TOKENS), span.get(SPAN.OUTPUT_TOKENS));
            BigDecimal now = span.get(SPAN.COST_USD);
            BigDecimal next = estimate.orElse(null);
            if (sameAmount(now, next)) {
                continue;
            }
            long id = span.get(SPAN.ID);
            updates.add(dsl.update(SPAN).set(SPAN.COST_USD, next)
                    .set(SPAN.COST_SOURCE, next == null ? null : CostSource.ESTIMATED.name())
                    .where(SPAN.ID.eq(id)));
            updates.add(dsl.update(LLM_CALL).set(LLM_CALL.COST_ESTIMATED_USD, next).where(LLM_CALL.SPAN_ID.eq(id)));
        }
        if (!updates.isEmpty()) {
            dsl.transaction(configuration -> DSL.using(configuration).batch(updates).execute());
        }
        return new Window(new Counts(spans.size(), updates.size() / 2), spans.get(spans.size() - 1).get(SPAN.ID));
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
