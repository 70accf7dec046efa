package dev.tracedesk.insights;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.ingest.write.PriceTable;
import dev.tracedesk.ingest.write.PriceTable.Price;
import dev.tracedesk.store.CallGroupKeys;

/**
 * Cost forecasts from measured traffic: what a month costs at N requests per day per model and
 * prompt version, and what moving one model's traffic to another would cost.
 *
 * <p>{@link #observe} aggregates {@code llm_call} in SQL, one row per (model, prompt) group. The
 * observed rate is the calls divided by the days from the first to the last call start in the
 * range, counted as at least one day (so a burst of calls within an hour is not read as millions
 * a day). {@link #project} splits N over the groups by their share of the observed calls and
 * multiplies by each group's measured cost per request and {@value #DAYS_PER_MONTH} days.
 */
public final class CostProjection {

    public static final int DAYS_PER_MONTH = 30;
    static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final int MONEY_SCALE = 6;

    private final List<TrafficGroup> groups;
    private final long requests;
    private final Long firstStartNs;
    private final Long lastStartNs;
    private final PriceTable prices;

    CostProjection(List<TrafficGroup> groups, Long firstStartNs, Long lastStartNs, PriceTable prices) {
        this.groups = List.copyOf(groups);
        this.requests = groups.stream().mapToLong(TrafficGroup::requests).sum();
        this.firstStartNs = firstStartNs;
        this.lastStartNs = lastStartNs;
        this.prices = prices;
    }

    /** The calls that started in [fromNs, toNs) (either end null = open) and today's price table. */
    public static CostProjection observe(DSLContext dsl, Long fromNs, Long toNs) {
        Field<String> model = CallGroupKeys.keyOf(CallGrouping.MODEL).as("model_key");
        Field<String> prompt = CallGroupKeys.keyOf(CallGrouping.PROMPT).as("prompt_key");
        Condition range = DSL.noCondition();
        if (fromNs != null) {
            range = range.and(LLM_CALL.START_NS.ge(fromNs));
        }
        if (toNs != null) {
            range = range.and(LLM_CALL.START_NS.lt(toNs));
        }
        List<TrafficGroup> groups = new ArrayList<>();
        for (Record row : dsl.select(model, prompt, DSL.count(),
                        DSL.count(DSL.coalesce(LLM_CALL.COST_REPORTED_USD, LLM_CALL.COST_ESTIMATED_USD)),
                        DSL.sum(LLM_CALL.COST_REPORTED_USD), DSL.sum(LLM_CALL.COST_ESTIMATED_USD),
                        DSL.sum(LLM_CALL.INPUT_TOKENS), DSL.count(LLM_CALL.INPUT_TOKENS),
                        DSL.sum(LLM_CALL.OUTPUT_TOKENS), DSL.count(LLM_CALL.OUTPUT_TOKENS))
                .from(LLM_CALL).where(range)
                .groupBy(CallGroupKeys.keyOf(CallGrouping.MODEL), CallGroupKeys.keyOf(CallGrouping.PROMPT))
                .orderBy(DSL.field("model_key"), DSL.field("prompt_key"))
                .fetch()) {
            groups.add(new TrafficGroup(row.get(0, String.class), row.get(1, String.class), row.get(2, Long.class),
                    row.get(3, Long.class), orZero(row.get(4, BigDecimal.class)), orZero(row.get(5, BigDecimal.class)),
                    average(row.get(6, BigDecimal.class), row.get(7, Long.class)),
                    average(row.get(8, BigDecimal.class), row.get(9, Long.class))));
        }
        Record bounds = dsl.select(DSL.min(LLM_CALL.START_NS), DSL.max(LLM_CALL.START_NS))
                .from(LLM_CALL).where(range).fetchOne();
        return new CostProjection(groups, bounds.get(0, Long.class), bounds.get(1, Long.class), PriceTable.load(dsl));
    }

    public List<TrafficGroup> groups() {
        return groups;
    }

    /** The price table the switches are priced with, as it was when the calls were observed. */
    PriceTable prices() {
        return prices;
    }

    public long requests() {
        return requests;
    }

    public Long firstStartNs() {
        return firstStartNs;
    }

    public Long lastStartNs() {
        return lastStartNs;
    }

    /** Days from the first to the last call start, at least 1 (6 decimals). */
    public BigDecimal daysObserved() {
        if (firstStartNs == null) {
            return BigDecimal.ONE;
        }
        BigDecimal days = BigDecimal.valueOf(lastStartNs - firstStartNs).divide(BigDecimal.valueOf(NANOS_PER_DAY), 6,
                RoundingMode.HALF_UP);
        return days.max(BigDecimal.ONE);
    }

    /** Calls per day over {@link #daysObserved()}, rounded to a whole request (the default of N). */
    public long observedRequestsPerDay() {
        return BigDecimal.valueOf(requests).divide(daysObserved(), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** A month at the observed rate. */
    public MonthlyCost project() {
        return project(observedRequestsPerDay());
    }

    /** A month at {@code requestsPerDay}, split by the observed shares. */
    public MonthlyCost project(long requestsPerDay) {
        requireZeroOrMore(requestsPerDay);
        List<MonthlyCost.Group> projected = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int unpriced = 0;
        for (TrafficGroup group : groups) {
            BigDecimal monthly = monthlyAtMeasuredCost(group, requestsPerDay);
            if (monthly == null) {
                unpriced++;
            } else {
                total = total.add(monthly);
            }
            projected.add(new MonthlyCost.Group(group.model(), group.prompt(), share(group), perDay(group, requestsPerDay),
                    group.costPerRequestUsd(), monthly));
        }
        return new MonthlyCost(requestsPerDay, projected, total, unpriced);
    }

    /** Moving {@code fromModel}'s traffic to {@code toModel}, at the observed rate. */
    public ModelSwitch switchTo(String fromModel, String toModel) {
        return switchTo(fromModel, toModel, observedRequestsPerDay());
    }

    /**
     * Moving {@code fromModel}'s traffic (every prompt group of that model key) to {@code toModel}, at
     * {@code requestsPerDay} in all. The current side is the measured cost per request; the switched
     * side prices each group's average tokens per call with the target's price-table row.
     */
    public ModelSwitch switchTo(String fromModel, String toModel, long requestsPerDay) {
        requireZeroOrMore(requestsPerDay);
        Optional<Price> price = prices.priceForAnyProvider(toModel);
        List<ModelSwitch.Group> switched = new ArrayList<>();
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal after = price.isPresent() ? BigDecimal.ZERO : null;
        for (TrafficGroup group : groups) {
            if (!group.model().equals(fromModel)) {
                continue;
            }
            BigDecimal perDay = perDay(group, requestsPerDay);
            BigDecimal currentMonthly = monthlyAtMeasuredCost(group, requestsPerDay);
            BigDecimal switchedPerRequest = price.map(p -> pricedPerRequest(p, group)).orElse(null);
            BigDecimal switchedMonthly = switchedPerRequest == null ? null
                    : perDay.multiply(switchedPerRequest).multiply(BigDecimal.valueOf(DAYS_PER_MONTH))
                            .setScale(MONEY_SCALE, RoundingMode.HALF_UP);
            current = currentMonthly == null ? current : current.add(currentMonthly);
            after = after == null || switchedMonthly == null ? null : after.add(switchedMonthly);
            switched.add(new ModelSwitch.Group(group.prompt(), perDay, group.avgInputTokens(), group.avgOutputTokens(),
                    group.costPerRequestUsd(), switchedPerRequest, currentMonthly, switchedMonthly));
        }
        return new ModelSwitch(fromModel, toModel, requestsPerDay, price.orElse(null),
                price.isPresent() ? null : "no price for " + toModel, switched, current, after);
    }

    /** N × requests / all requests × 30 × cost / calls with cost, divided once at the end so nothing rounds early. */
    private BigDecimal monthlyAtMeasuredCost(TrafficGroup group, long requestsPerDay) {
        if (group.callsWithCost() == 0 || requests == 0) {
            return null;
        }
        BigDecimal numerator = BigDecimal.valueOf(requestsPerDay).multiply(BigDecimal.valueOf(group.requests()))
                .multiply(BigDecimal.valueOf(DAYS_PER_MONTH)).multiply(group.costUsd());
        BigDecimal denominator = BigDecimal.valueOf(requests).multiply(BigDecimal.valueOf(group.callsWithCost()));
        return numerator.divide(denominator, MONEY_SCALE, RoundingMode.HALF_UP);
    }

    private BigDecimal share(TrafficGroup group) {
        return requests == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(group.requests()).divide(BigDecimal.valueOf(requests), 6, RoundingMode.HALF_UP);
    }

    private BigDecimal perDay(TrafficGroup group, long requestsPerDay) {
        return requests == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(requestsPerDay).multiply(BigDecimal.valueOf(group.requests()))
                        .divide(BigDecimal.valueOf(requests), 4, RoundingMode.HALF_UP);
    }

    /** Null when the group recorded no tokens at all: there is nothing to price. */
    private static BigDecimal pricedPerRequest(Price price, TrafficGroup group) {
        if (group.avgInputTokens() == null && group.avgOutputTokens() == null) {
            return null;
        }
        BigDecimal input = orZero(group.avgInputTokens()).multiply(price.inputPerMillion());
        BigDecimal output = orZero(group.avgOutputTokens()).multiply(price.outputPerMillion());
        return input.add(output).divide(MILLION, 10, RoundingMode.HALF_UP);
    }

    private static BigDecimal average(BigDecimal sum, Long count) {
        return count == null || count == 0 || sum == null ? null : sum.divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static void requireZeroOrMore(long requestsPerDay) {
        if (requestsPerDay < 0) {
            throw new IllegalArgumentException("requests per day must be zero or more, not " + requestsPerDay);
        }
    }
}
