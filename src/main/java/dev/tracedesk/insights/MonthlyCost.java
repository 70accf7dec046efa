package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a month ({@value CostProjection#DAYS_PER_MONTH} days) costs at {@code requestsPerDay},
 * split over the model and prompt groups by their observed share of the traffic.
 *
 * @param totalUsd        the sum over groups with a measured cost
 * @param unpricedGroups  groups none of whose calls had a cost: their share is in the requests, not in the total
 */
public record MonthlyCost(long requestsPerDay, List<Group> groups, BigDecimal totalUsd, int unpricedGroups) {

    /**
     * @param share          the group's fraction of the observed calls
     * @param monthlyUsd     null when the group has no measured cost per request
     */
    public record Group(String model, String prompt, BigDecimal share, BigDecimal requestsPerDay,
                        BigDecimal costPerRequestUsd, BigDecimal monthlyUsd) {
    }
}
