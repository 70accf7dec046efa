package dev.tracedesk.ingest.langfuse;

import static dev.tracedesk.ingest.model.CanonicalSpan.firstNonNull;

import java.math.BigDecimal;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.source.CostDetails;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * Tokens and the reported cost of an observation, from every place Langfuse has kept them:
 * usageDetails / usage_details (current), usage {input, output, total, unit} (deprecated; older
 * SDKs wrote promptTokens / completionTokens / totalTokens in it), the API's flattened
 * promptTokens / completionTokens / totalTokens, then costDetails / cost_details, totalCost /
 * total_cost, calculatedTotalCost (calculatedTotalCostInUSD in the UI's export) and usage.totalCost.
 * Only what Langfuse reports: never estimated.
 */
final class UsageAndCost {

    private static final String[] INPUT = {"input", "promptTokens", "prompt_tokens", "input_tokens", "inputTokens"};
    private static final String[] OUTPUT = {"output", "completionTokens", "completion_tokens", "output_tokens", "outputTokens"};
    private static final String[] TOTAL = {"total", "totalTokens", "total_tokens"};

    private UsageAndCost() {
    }

    static void apply(LangfuseRecord observation, CanonicalSpan span) {
        tokens(observation, span);
        span.costUsd = reportedCost(observation);
    }

    private static void tokens(LangfuseRecord observation, CanonicalSpan span) {
        JsonNode details = observation.structured("usageDetails", "usage_details");
        JsonNode usage = tokenUsage(observation.get("usage"));
        JsonNode flat = observation.node();
        Long input = firstNonNull(whole(details, INPUT), whole(usage, INPUT), whole(flat, "promptTokens", "inputTokens"));
        Long output = firstNonNull(whole(details, OUTPUT), whole(usage, OUTPUT), whole(flat, "completionTokens", "outputTokens"));
        Long total = firstNonNull(whole(details, TOTAL), whole(usage, TOTAL), whole(flat, "totalTokens"));
        // The API reports {input: 0, output: 0, total: 0} for spans and events that called no model.
        boolean nothingCounted = isZeroOrNull(input) && isZeroOrNull(output) && isZeroOrNull(total);
        if (nothingCounted && span.requestedModel == null) {
            return;
        }
        span.inputTokens = input;
        span.outputTokens = output;
        span.totalTokens = total;
    }

    /** The deprecated usage object counts tokens unless its unit says characters, images, seconds…. */
    private static JsonNode tokenUsage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        String unit = JsonValues.text(usage.get("unit"));
        return unit == null || unit.toUpperCase(Locale.ROOT).equals("TOKENS") ? usage : null;
    }

    /**
     * The total of costDetails (or the sum of its parts when it has no total), else the first cost
     * field that holds one. A total_cost of 0 with no cost details is what the blob export writes
     * when Langfuse had no price for the model: it says nothing, so it is not taken as a cost.
     */
    static BigDecimal reportedCost(LangfuseRecord observation) {
        JsonNode details = observation.structured("costDetails", "cost_details");
        BigDecimal fromDetails = CostDetails.totalOrSumOfParts(details);
        if (fromDetails != null) {
            return fromDetails;
        }
        BigDecimal total = JsonValues.asDecimal(observation.get("totalCost", "total_cost"));
        if (total != null && total.signum() != 0) {
            return total;
        }
        BigDecimal calculated = JsonValues.asDecimal(observation.get("calculatedTotalCost", "calculatedTotalCostInUSD"));
        if (calculated != null) {
            return calculated;
        }
        JsonNode usage = observation.get("usage");
        return usage != null && usage.isObject() ? JsonValues.asDecimal(usage.get("totalCost")) : null;
    }


    private static Long whole(JsonNode node, String... keys) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String key : keys) {
            Long value = JsonValues.asLong(node.get(key));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean isZeroOrNull(Long value) {
        return value == null || value == 0L;
    }
}
