package dev.tracedesk.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tracedesk.insights.CostProjection;
import dev.tracedesk.insights.ModelSwitch;
import dev.tracedesk.insights.MonthlyCost;

/** The JSON of {@code tracedesk insights projection}. */
final class ProjectionJson {

    private ProjectionJson() {
    }

    static Map<String, Object> projection(CostProjection projection, MonthlyCost month) {
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("requests", projection.requests());
        observed.put("firstCall", DisplayValues.isoFromEpochNanos(projection.firstStartNs()));
        observed.put("lastCall", DisplayValues.isoFromEpochNanos(projection.lastStartNs()));
        observed.put("days", DisplayValues.plain(projection.daysObserved()));
        observed.put("requestsPerDay", projection.observedRequestsPerDay());
        observed.put("rate", "calls / days from the first to the last call start, at least 1 day");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("observed", observed);
        json.put("requestsPerDay", month.requestsPerDay());
        json.put("daysPerMonth", CostProjection.DAYS_PER_MONTH);
        json.put("groups", month.groups().stream().map(group -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("model", group.model());
            entry.put("prompt", group.prompt());
            entry.put("share", DisplayValues.plain(group.share()));
            entry.put("requestsPerDay", DisplayValues.plain(group.requestsPerDay()));
            entry.put("costPerRequestUsd", DisplayValues.plain(group.costPerRequestUsd()));
            entry.put("monthlyUsd", DisplayValues.plain(group.monthlyUsd()));
            return entry;
        }).toList());
        json.put("monthlyTotalUsd", DisplayValues.plain(month.totalUsd()));
        json.put("unpricedGroups", month.unpricedGroups());
        return json;
    }

    static Map<String, Object> modelSwitch(ModelSwitch modelSwitch) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", modelSwitch.fromModel());
        json.put("to", modelSwitch.toModel());
        if (modelSwitch.price() == null) {
            json.put("price", null);
        } else {
            Map<String, Object> price = new LinkedHashMap<>();
            price.put("provider", modelSwitch.price().provider());
            price.put("modelPattern", modelSwitch.price().modelPattern());
            price.put("inputUsdPerMtok", DisplayValues.plain(modelSwitch.price().inputPerMillion()));
            price.put("outputUsdPerMtok", DisplayValues.plain(modelSwitch.price().outputPerMillion()));
            json.put("price", price);
        }
        json.put("noPrice", modelSwitch.noPrice());
        json.put("currentMonthlyUsd", DisplayValues.plain(modelSwitch.currentMonthlyUsd()));
        json.put("switchedMonthlyUsd", DisplayValues.plain(modelSwitch.switchedMonthlyUsd()));
        json.put("differenceMonthlyUsd", DisplayValues.plain(modelSwitch.differenceMonthlyUsd()));
        json.put("groups", modelSwitch.groups().stream().map(group -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("prompt", group.prompt());
            entry.put("requestsPerDay", DisplayValues.plain(group.requestsPerDay()));
            entry.put("avgInputTokens", DisplayValues.plain(group.avgInputTokens()));
            entry.put("avgOutputTokens", DisplayValues.plain(group.avgOutputTokens()));
            entry.put("currentCostPerRequestUsd", DisplayValues.plain(group.currentCostPerRequestUsd()));
            entry.put("switchedCostPerRequestUsd", DisplayValues.plain(group.switchedCostPerRequestUsd()));
            entry.put("currentMonthlyUsd", DisplayValues.plain(group.currentMonthlyUsd()));
            entry.put("switchedMonthlyUsd", DisplayValues.plain(group.switchedMonthlyUsd()));
            return entry;
        }).toList());
        return json;
    }
}
