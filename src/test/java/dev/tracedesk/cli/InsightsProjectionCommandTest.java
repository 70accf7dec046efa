package dev.tracedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.insights.PlantedCalls;
import dev.tracedesk.insights.PlantedCalls.Call;
import dev.tracedesk.insights.IndependentFigures;

/** {@code tracedesk insights projection}: monthly cost per model and prompt, and a model switch, recomputed from the rows. */
class InsightsProjectionCommandTest {

    private static final PlantedCalls GENERATED = PlantedCalls.generate();
    private static final String GPT = "gpt-4o-2024-08-06";

    @TempDir
    Path tempDir;

    private SeededWorkspaceCli cli() {
        return new SeededWorkspaceCli("h2", tempDir, dsl -> dsl.connection(GENERATED::insert));
    }

    private static Map<String, List<Call>> byModelAndPrompt() {
        return GENERATED.calls().stream().collect(Collectors.groupingBy(call -> call.model() + "|"
                + IndependentFigures.key(call, CallGrouping.PROMPT), TreeMap::new, Collectors.toList()));
    }

    @Test
    void aMonthAtNRequestsADaySplitsNByObservedShareTimesMeasuredCostPerRequest() {
        try (SeededWorkspaceCli cli = cli()) {
            assertThat(cli.run("insights", "projection", "--per-day", "1000", "--json")).isZero();

            JsonNode json = cli.json();
            assertThat(InsightsCommandTest.fieldNames(json)).containsExactly("range", "observed", "requestsPerDay",
                    "daysPerMonth", "groups", "monthlyTotalUsd", "unpricedGroups", "switch");
            int all = GENERATED.calls().size();
            long first = GENERATED.calls().stream().mapToLong(Call::startNs).min().orElseThrow();
            long last = GENERATED.calls().stream().mapToLong(Call::startNs).max().orElseThrow();
            double days = Math.max(1.0, (last - first) / 86_400e9);
            assertThat(json.at("/observed/requests").asLong()).isEqualTo(all);
            assertThat(json.at("/observed/days").asDouble()).isCloseTo(days, within(1e-6));
            assertThat(json.at("/observed/requestsPerDay").asLong()).isEqualTo(Math.round(all / days));
            assertThat(json.get("requestsPerDay").asLong()).isEqualTo(1000);
            assertThat(json.get("switch").isNull()).isTrue();

            Map<String, List<Call>> expected = byModelAndPrompt();
            assertThat(json.get("groups")).hasSize(expected.size());
            BigDecimal total = BigDecimal.ZERO;
            int unpriced = 0;
            for (JsonNode group : json.get("groups")) {
                List<Call> calls = expected.get(group.get("model").asText() + "|" + group.get("prompt").asText());
                BigDecimal cost = IndependentFigures.sum(calls, Call::cost);
                long withCost = calls.stream().filter(call -> call.cost() != null).count();
                assertThat(group.get("requestsPerDay").asDouble()).isCloseTo(1000.0 * calls.size() / all, within(1e-4));
                if (withCost == 0) {
                    assertThat(group.get("monthlyUsd").isNull()).as("a group without any cost").isTrue();
                    unpriced++;
                    continue;
                }
                BigDecimal monthly = BigDecimal.valueOf(1000L * calls.size() * 30).multiply(cost)
                        .divide(BigDecimal.valueOf((long) all * withCost), 6, RoundingMode.HALF_UP);
                assertThat(group.get("monthlyUsd").decimalValue()).as(group.toString()).isEqualByComparingTo(monthly);
                total = total.add(monthly);
            }
            assertThat(json.get("monthlyTotalUsd").decimalValue()).isEqualByComparingTo(total);
            assertThat(json.get("unpricedGroups").asInt()).isEqualTo(unpriced);
        }
    }

    @Test
    void switchingAModelPricesItsAverageTokensWithTheTargetsRow() {
        try (SeededWorkspaceCli cli = cli()) {
            assertThat(cli.run("insights", "projection", "--per-day", "1000", "--switch", GPT + "=gpt-4o-mini-2024-07-18",
                    "--json")).isZero();

            JsonNode change = cli.json().get("switch");
            assertThat(change.get("from").asText()).isEqualTo(GPT);
            // V3's default row; the longest pattern wins over gpt-4o
            assertThat(change.at("/price/modelPattern").asText()).isEqualTo("gpt-4o-mini");
            assertThat(change.at("/price/inputUsdPerMtok").decimalValue()).isEqualByComparingTo("0.15");
            assertThat(change.at("/price/outputUsdPerMtok").decimalValue()).isEqualByComparingTo("0.6");
            assertThat(change.get("noPrice").isNull()).isTrue();
            double switched = 0;
            int all = GENERATED.calls().size();
            for (Map.Entry<String, List<Call>> entry : byModelAndPrompt().entrySet()) {
                if (!entry.getKey().startsWith(GPT + "|")) {
                    continue;
                }
                List<Call> calls = entry.getValue();
                double avgIn = calls.stream().mapToLong(Call::inputTokens).average().orElseThrow();
                double avgOut = calls.stream().mapToLong(Call::outputTokens).average().orElseThrow();
                double perRequest = (avgIn * 0.15 + avgOut * 0.6) / 1e6;
                switched += 1000.0 * calls.size() / all * 30 * perRequest;
            }
            assertThat(change.get("groups")).hasSize(GENERATED.calls().stream().filter(call -> call.model().equals(GPT))
                    .map(call -> IndependentFigures.key(call, CallGrouping.PROMPT)).distinct().toList().size());
            assertThat(change.get("switchedMonthlyUsd").asDouble()).isCloseTo(switched, within(1e-5));
            assertThat(change.get("differenceMonthlyUsd").decimalValue()).isEqualByComparingTo(
                    change.get("switchedMonthlyUsd").decimalValue().subtract(change.get("currentMonthlyUsd").decimalValue()));
        }
    }

    @Test
    void aTargetWithoutAPriceSaysSoAndABadSwitchIsAUsageError() {
        try (SeededWorkspaceCli cli = cli()) {
            assertThat(cli.run("insights", "projection", "--switch", GPT + "=acme-9", "--json")).isZero();
            assertThat(cli.json().at("/switch/noPrice").asText()).isEqualTo("no price for acme-9");
            assertThat(cli.json().at("/switch/price").isNull()).isTrue();
            assertThat(cli.json().at("/switch/switchedMonthlyUsd").isNull()).isTrue();
            // the default N is the observed rate
            assertThat(cli.json().get("requestsPerDay").asLong()).isEqualTo(cli.json().at("/observed/requestsPerDay").asLong());

            assertThat(cli.run("insights", "projection", "--switch", "gpt-4o")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--switch 'gpt-4o' is not FROM=TO");
            assertThat(cli.run("insights", "projection", "--per-day", "-5")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--per-day must be zero or more");

            assertThat(cli.run("insights", "projection", "--switch", GPT + "=claude-3-5-haiku")).isZero();
            assertThat(cli.out()).contains("Observed", "first to last call start, at least 1 day", "MODEL", "$ / MONTH",
                    "Switching " + GPT + " → claude-3-5-haiku", "price used: claude-3-5-haiku, $0.8 in / $4 out");
        }
    }
}
