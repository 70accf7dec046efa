package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.MODEL_PRICE;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.jooq.DSLContext;

import dev.tracedesk.ingest.write.PriceTable.Price;

/**
 * Edits the workspace's {@code model_price} rows (list, set, delete) and, after each change,
 * re-estimates the costs that came from the table ({@link CostReEstimate}), so estimated costs
 * always reflect the table as it is now. Reported costs are never touched.
 */
public final class PriceTableEdits {

    /** What a change did to the estimates. */
    public record Outcome(boolean changed, CostReEstimate.Counts reEstimated) {
    }

    private final DSLContext dsl;

    public PriceTableEdits(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every row, by provider and then pattern. */
    public List<Price> list() {
        return dsl.selectFrom(MODEL_PRICE).orderBy(MODEL_PRICE.PROVIDER, MODEL_PRICE.MODEL_PATTERN)
                .fetch(row -> new Price(row.getProvider(), row.getModelPattern(), row.getInputUsdPerMtok(),
                        row.getOutputUsdPerMtok()));
    }

    /**
     * Adds the price, or replaces the one with the same provider and pattern, then re-estimates.
     *
     * @param provider empty or null: any provider
     * @throws IllegalArgumentException for an empty pattern or a missing or negative price, naming the field
     */
    public Outcome set(String provider, String modelPattern, BigDecimal inputUsdPerMtok, BigDecimal outputUsdPerMtok) {
        String pattern = normalizedPattern(modelPattern);
        String providerKey = normalizedProvider(provider);
        requireZeroOrMore("input price (USD per million tokens)", inputUsdPerMtok);
        requireZeroOrMore("output price (USD per million tokens)", outputUsdPerMtok);
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            int updated = tx.update(MODEL_PRICE)
                    .set(MODEL_PRICE.INPUT_USD_PER_MTOK, inputUsdPerMtok)
                    .set(MODEL_PRICE.OUTPUT_USD_PER_MTOK, outputUsdPerMtok)
                    .where(MODEL_PRICE.PROVIDER.eq(providerKey)).and(MODEL_PRICE.MODEL_PATTERN.eq(pattern))
                    .execute();
            if (updated == 0) {
                tx.insertInto(MODEL_PRICE, MODEL_PRICE.PROVIDER, MODEL_PRICE.MODEL_PATTERN, MODEL_PRICE.INPUT_USD_PER_MTOK,
                        MODEL_PRICE.OUTPUT_USD_PER_MTOK).values(providerKey, pattern, inputUsdPerMtok, outputUsdPerMtok).execute();
            }
        });
        return new Outcome(true, new CostReEstimate(dsl).run());
    }

    /** Removes the price; re-estimates only when there was one (calls it priced may now have no estimate). */
    public Outcome delete(String provider, String modelPattern) {
        int deleted = dsl.deleteFrom(MODEL_PRICE)
                .where(MODEL_PRICE.PROVIDER.eq(normalizedProvider(provider)))
                .and(MODEL_PRICE.MODEL_PATTERN.eq(normalizedPattern(modelPattern)))
                .execute();
        return deleted == 0 ? new Outcome(false, CostReEstimate.Counts.NOTHING)
                : new Outcome(true, new CostReEstimate(dsl).run());
    }

    /** Patterns match lower-cased model names by prefix, so they are stored lower case. */
    private static String normalizedPattern(String modelPattern) {
        String pattern = modelPattern == null ? "" : modelPattern.trim().toLowerCase(Locale.ROOT);
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("model pattern must not be empty");
        }
        if (pattern.length() > 200) {
            throw new IllegalArgumentException("model pattern is longer than 200 characters");
        }
        return pattern;
    }

    private static String normalizedProvider(String provider) {
        return provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
    }

    private static void requireZeroOrMore(String field, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + " must be zero or more, not " + value.toPlainString());
        }
    }
}
