package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.util.List;

import dev.tracedesk.ingest.write.PriceTable.Price;

/**
 * What a month would cost if the traffic of {@code fromModel} went to {@code toModel}: each of its
 * prompt groups' average tokens per call priced with the target's row of the price table, at the
 * same requests per day.
 *
 * @param price   the price-table row used; null when none matches {@code toModel}
 * @param noPrice "no price for X" when {@code price} is null, else null
 */
public record ModelSwitch(String fromModel, String toModel, long requestsPerDay, Price price, String noPrice,
                          List<Group> groups, BigDecimal currentMonthlyUsd, BigDecimal switchedMonthlyUsd) {

    /** Null when the switch could not be priced. */
    public BigDecimal differenceMonthlyUsd() {
        return switchedMonthlyUsd == null || currentMonthlyUsd == null ? null : switchedMonthlyUsd.subtract(currentMonthlyUsd);
    }

    /**
     * @param switchedCostPerRequestUsd the average tokens at the target's price; null without a price or tokens
     */
    public record Group(String prompt, BigDecimal requestsPerDay, BigDecimal avgInputTokens, BigDecimal avgOutputTokens,
                        BigDecimal currentCostPerRequestUsd, BigDecimal switchedCostPerRequestUsd,
                        BigDecimal currentMonthlyUsd, BigDecimal switchedMonthlyUsd) {
    }
}
