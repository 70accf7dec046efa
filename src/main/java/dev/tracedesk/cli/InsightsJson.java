package dev.tracedesk.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tracedesk.insights.GroupStats;
import dev.tracedesk.insights.LoadLevel;
import dev.tracedesk.insights.Percentiles;

/** The JSON of {@code tracedesk insights}: one group, one load level, latency in ms. */
final class InsightsJson {

    private InsightsJson() {
    }

    static Map<String, Object> group(GroupStats group) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", group.key());
        json.put("requests", group.requests());
        json.put("errors", group.errors());
        json.put("errorRate", group.requests() == 0 ? BigDecimal.ZERO
                : DisplayValues.plain(BigDecimal.valueOf(group.errors()).divide(BigDecimal.valueOf(group.requests()), 4,
                        RoundingMode.HALF_UP)));
        json.put("latencyMs", millis(group.callLatency(), true));
        json.put("traceLatencyMs", millis(group.traceLatency(), true));
        // recorded by few sources: null rather than an object of nulls when no call of the group has it
        json.put("timeToFirstTokenMs", group.timeToFirstToken().isEmpty() ? null : millis(group.timeToFirstToken(), false));
        json.put("inputTokens", group.inputTokens());
        json.put("outputTokens", group.outputTokens());
        json.put("costUsd", DisplayValues.plain(group.costReportedUsd()));
        json.put("costEstimatedUsd", DisplayValues.plain(group.costEstimatedUsd()));
        json.put("costTotalUsd", DisplayValues.plain(group.costUsd()));
        json.put("callsWithCost", group.callsWithCost());
        json.put("costPerRequestUsd", DisplayValues.plain(group.costPerRequestUsd()));
        json.put("costPer1000RequestsUsd", DisplayValues.plain(group.costPer1000RequestsUsd()));
        return json;
    }

    static Map<String, Object> loadLevel(LoadLevel level) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", level.model());
        json.put("inFlight", level.inFlight());
        json.put("calls", level.calls());
        json.put("latencyMs", millis(new Percentiles(level.p50Ns(), level.p95Ns(), null), false));
        return json;
    }

    private static Map<String, Object> millis(Percentiles percentiles, boolean withP99) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("p50", DisplayValues.millisFromNanos(percentiles.p50Ns()));
        json.put("p95", DisplayValues.millisFromNanos(percentiles.p95Ns()));
        if (withP99) {
            json.put("p99", DisplayValues.millisFromNanos(percentiles.p99Ns()));
        }
        return json;
    }
}
