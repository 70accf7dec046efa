package dev.tracedesk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.store.calls.LlmCallFacts;
import dev.tracedesk.ingest.write.PriceTableEdits;
import dev.tracedesk.insights.PlantedCalls.Call;
import dev.tracedesk.store.EngineWorkspace;

/** {@link CostProjection} directly: the observed rate's day count, ranges, and prices for switches. */
class CostProjectionTest {

    private static final PlantedCalls GENERATED = PlantedCalls.generate();

    @TempDir
    Path tempDir;

    @Test
    void aRangeShorterThanADayCountsAsOneDaySoTheRateIsTheCallCount() throws Exception {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            GENERATED.insert(workspace.workspace());
            new LlmCallFacts(workspace.dsl()).refresh();
            long from = PlantedCalls.START_NS;
            long to = from + 6 * PlantedCalls.HOUR_NS;
            List<Call> inRange = GENERATED.calls().stream().filter(call -> call.startNs() >= from && call.startNs() < to).toList();

            CostProjection projection = CostProjection.observe(workspace.dsl(), from, to);

            assertThat(projection.requests()).isEqualTo(inRange.size());
            assertThat(projection.daysObserved()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(projection.observedRequestsPerDay()).isEqualTo(inRange.size());
            assertThat(projection.firstStartNs()).isEqualTo(inRange.stream().mapToLong(Call::startNs).min().orElseThrow());
            assertThat(projection.project(0).totalUsd()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThatThrownBy(() -> projection.project(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("requests per day");
        }
    }

    @Test
    void aSwitchUsesTheLongestMatchingPatternOfAnyProviderAndSaysWhenNoneMatches() throws Exception {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            GENERATED.insert(workspace.workspace());
            new LlmCallFacts(workspace.dsl()).refresh();
            new PriceTableEdits(workspace.dsl()).set("acmeco", "acme", new BigDecimal("7"), new BigDecimal("9"));
            CostProjection projection = CostProjection.observe(workspace.dsl(), null, null);

            ModelSwitch toAcme = projection.switchTo("mistral-large-2411", "acme-2", 100);
            ModelSwitch toNothing = projection.switchTo("mistral-large-2411", "zeta-1", 100);
            ModelSwitch fromNothing = projection.switchTo("no-such-model", "gpt-4o", 100);

            assertThat(toAcme.price().modelPattern()).isEqualTo("acme");
            assertThat(toAcme.price().provider()).isEqualTo("acmeco");
            assertThat(toAcme.noPrice()).isNull();
            assertThat(toNothing.price()).isNull();
            assertThat(toNothing.noPrice()).isEqualTo("no price for zeta-1");
            assertThat(toNothing.switchedMonthlyUsd()).isNull();
            assertThat(fromNothing.groups()).isEmpty();
            assertThat(fromNothing.currentMonthlyUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        }
    }

    @Test
    void priceEditsRefuseNegativePricesNamingTheField() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            PriceTableEdits edits = new PriceTableEdits(workspace.dsl());
            assertThatThrownBy(() -> edits.set("", "x", new BigDecimal("-1"), BigDecimal.ONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("input price");
            assertThatThrownBy(() -> edits.set("", "x", BigDecimal.ONE, new BigDecimal("-0.1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("output price");
            assertThatThrownBy(() -> edits.set("", " ", BigDecimal.ONE, BigDecimal.ONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("model pattern");
        }
    }

    @Test
    void aPriceEditReachesTheHourlyRollupsToo() throws Exception {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            GENERATED.insert(workspace.workspace());
            new LlmCallFacts(workspace.dsl()).refresh();

            new PriceTableEdits(workspace.dsl()).set("", "gpt-4o", new BigDecimal("100"), new BigDecimal("200"));

            BigDecimal expected = BigDecimal.ZERO;
            for (Call call : GENERATED.calls()) {
                if (call.model().startsWith("gpt-4o") && !"REPORTED".equals(call.costSource())) {
                    expected = expected.add(BigDecimal.valueOf(call.inputTokens() * 100 + call.outputTokens() * 200)
                            .divide(BigDecimal.valueOf(1_000_000)));
                }
            }
            InsightsQuery byModel = InsightsQuery.everything(dev.tracedesk.core.model.CallGrouping.MODEL);
            for (InsightsQueries queries : List.of(new InsightsQueries(workspace.dsl()), new InsightsQueries(workspace.dsl(), 0))) {
                GroupStats gpt = queries.groups(byModel).stream().filter(group -> group.key().startsWith("gpt-4o"))
                        .findFirst().orElseThrow();
                assertThat(gpt.costEstimatedUsd()).as(queries.percentileMethod(byModel).name()).isEqualByComparingTo(expected);
            }
        }
    }
}
