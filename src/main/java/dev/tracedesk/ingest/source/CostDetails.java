package dev.tracedesk.ingest.source;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Langfuse's cost details ({@code {"input": 0.00002, "output": 0.00004, "total": 0.00006}}), as its
 * API, its exports and its OTel attributes all write them.
 */
public final class CostDetails {

    private CostDetails() {
    }

    /** The reported total, or the sum of the reported parts when no total is given; null when none. */
    public static BigDecimal totalOrSumOfParts(JsonNode details) {
        if (details == null || !details.isObject() || details.isEmpty()) {
            return null;
        }
        BigDecimal total = JsonValues.asDecimal(details.get("total"));
        if (total != null) {
            return total;
        }
        BigDecimal sum = null;
        for (Map.Entry<String, JsonNode> part : details.properties()) {
            BigDecimal value = JsonValues.asDecimal(part.getValue());
            if (value != null) {
                sum = sum == null ? value : sum.add(value);
            }
        }
        return sum;
    }
}
