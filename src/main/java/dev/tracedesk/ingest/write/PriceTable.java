package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.MODEL_PRICE;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jooq.DSLContext;

/**
 * Prices per million tokens from the workspace's {@code model_price} table, for estimating the
 * cost of calls whose source reported none. A model matches a pattern by prefix, so the dated
 * version that answered ({@code gpt-4o-mini-2024-07-18}) finds {@code gpt-4o-mini}; the longest
 * matching pattern wins, so {@code gpt-4o-mini} beats {@code gpt-4o}.
 */
public final class PriceTable {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public record Price(String provider, String modelPattern, BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    }

    private final List<Price> prices;

    public PriceTable(List<Price> prices) {
        this.prices = prices.stream()
                .sorted(Comparator.comparingInt((Price price) -> price.modelPattern().length()).reversed())
                .toList();
    }

    public static PriceTable load(DSLContext dsl) {
        return new PriceTable(dsl.selectFrom(MODEL_PRICE).fetch(row -> new Price(row.getProvider(),
                row.getModelPattern().toLowerCase(Locale.ROOT), row.getInputUsdPerMtok(), row.getOutputUsdPerMtok())));
    }

    /** The estimated cost in USD, or empty when no price matches or no tokens are known. */
    public Optional<BigDecimal> estimate(String provider, String model, Long inputTokens, Long outputTokens) {
        if (model == null || (inputTokens == null && outputTokens == null)) {
            return Optional.empty();
        }
        return priceFor(provider, model).map(price -> cost(price, inputTokens, outputTokens));
    }

    /**
     * The price an estimate for this model uses: the longest matching pattern whose provider is
     * empty or the given one (a null provider matches only provider-less rows, as at import).
     */
    public Optional<Price> priceFor(String provider, String model) {
        if (model == null) {
            return Optional.empty();
        }
        String normalized = stripProviderPrefix(model.toLowerCase(Locale.ROOT));
        String providerKey = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
        return prices.stream()
                .filter(price -> normalized.startsWith(price.modelPattern()))
                .filter(price -> price.provider().isEmpty() || price.provider().equalsIgnoreCase(providerKey))
                .findFirst();
    }

    /**
     * For pricing a model no call has used yet (a "what if we switched" question): the longest
     * matching pattern of any provider, a provider-less row winning a tie.
     */
    public Optional<Price> priceForAnyProvider(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String normalized = stripProviderPrefix(model.toLowerCase(Locale.ROOT));
        return prices.stream()
                .filter(price -> normalized.startsWith(price.modelPattern()))
                .min(Comparator.comparingInt((Price price) -> -price.modelPattern().length())
                        .thenComparing(price -> !price.provider().isEmpty()));
    }

    /** Every row, longest pattern first (the order matching tries them). */
    public List<Price> prices() {
        return prices;
    }

    private static BigDecimal cost(Price price, Long inputTokens, Long outputTokens) {
        BigDecimal input = price.inputPerMillion().multiply(BigDecimal.valueOf(inputTokens == null ? 0 : inputTokens));
        BigDecimal output = price.outputPerMillion().multiply(BigDecimal.valueOf(outputTokens == null ? 0 : outputTokens));
        return input.add(output).divide(MILLION, MathContext.DECIMAL64).setScale(10, java.math.RoundingMode.HALF_UP);
    }

    /** "openai/gpt-4o" (Inspect, LiteLLM) and "openai:gpt-4o" (promptfoo) name the model after the slash or colon. */
    private static String stripProviderPrefix(String model) {
        int cut = Math.max(model.lastIndexOf('/'), model.lastIndexOf(':'));
        return cut >= 0 ? model.substring(cut + 1) : model;
    }
}
