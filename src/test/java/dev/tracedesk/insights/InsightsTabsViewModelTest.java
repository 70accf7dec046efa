package dev.tracedesk.insights;

import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.beans.property.SimpleObjectProperty;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.review.rules.BudgetBreaches.Breach;
import dev.tracedesk.review.rules.RuleType;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.calls.LlmCallFacts;
import dev.tracedesk.ui.StatsFixtures;

/**
 * The Cost projection and Budgets tabs and the price dialog over four LLM calls written with plain
 * JDBC on 2025-03-14 (UTC), figures worked out by hand:
 * <pre>
 *  gpt-4o   refund@2  100 ms  $0.01 reported  100 in / 20 out
 *  gpt-4o   refund@2  300 ms  $0.03 reported  100 in / 20 out
 *  gpt-4o   refund@2  500 ms  $0.02 reported  100 in / 20 out
 *  acme-llm (none)   200 ms  no cost        1000 in / 500 out
 * </pre>
 * Observed: 4 calls within a day = 4 a day; gpt-4o's cost per request $0.02, share 3/4.
 */
class InsightsTabsViewModelTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = Instant.parse("2025-03-14T09:00:00Z").toEpochMilli() * MS;
    private static final String GPT = "gpt-4o";
    private static final String ACME = "acme-llm-1";

    @TempDir
    Path tempDir;

    private final List<CallDrill> opened = new ArrayList<>();

    private InsightsViewModel viewModel(EngineWorkspace workspace) {
        SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(StatsFixtures.empty());
        InsightsViewModel viewModel = new InsightsViewModel(new ImmediateTaskRunner(), stats,
                () -> Optional.of(workspace.workspace()), opened::add, ZoneOffset.UTC);
        viewModel.refresh();
        return viewModel;
    }

    private EngineWorkspace seeded() throws Exception {
        EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir);
        workspace.dsl().connection(connection -> {
            long trace = trace(connection);
            call(connection, trace, "a", T0, 100, GPT, "refund", "2", "0.01", 100, 20);
            call(connection, trace, "b", T0 + 60_000 * MS, 300, GPT, "refund", "2", "0.03", 100, 20);
            call(connection, trace, "c", T0 + 120_000 * MS, 500, GPT, "refund", "2", "0.02", 100, 20);
            call(connection, trace, "d", T0 + 180_000 * MS, 200, ACME, null, null, null, 1000, 500);
        });
        new LlmCallFacts(workspace.dsl()).refresh();
        return workspace;
    }

    private static long trace(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO trace (external_trace_id, source_system, name, start_ns, end_ns, status) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "T");
            insert.setString(2, "otlp");
            insert.setString(3, "answer");
            insert.setLong(4, T0);
            insert.setLong(5, T0 + 200_000 * MS);
            insert.setString(6, "OK");
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void call(Connection connection, long traceId, String id, long startNs, long durationMs, String model,
                             String prompt, String version, String cost, long in, long out) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO span (trace_id, external_span_id, kind, name,"
                + " start_ns, duration_ns, status, served_model, provider, prompt_template_name, prompt_template_version,"
                + " cost_usd, cost_source, input_tokens, output_tokens) VALUES (?, ?, 'LLM', 'chat', ?, ?, 'OK', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, traceId);
            insert.setString(2, id);
            insert.setLong(3, startNs);
            insert.setLong(4, durationMs * MS);
            insert.setString(5, model);
            insert.setString(6, model.startsWith("gpt") ? "openai" : "acme");
            insert.setString(7, prompt);
            insert.setString(8, version);
            insert.setBigDecimal(9, cost == null ? null : new BigDecimal(cost));
            insert.setString(10, cost == null ? null : "REPORTED");
            insert.setLong(11, in);
            insert.setLong(12, out);
            insert.executeUpdate();
        }
    }

    @Test
    void theProjectionAtATypedRateIsTheShareTimesTheMeasuredCostTimesThirtyDays() throws Exception {
        try (EngineWorkspace workspace = seeded()) {
            ProjectionViewModel projection = viewModel(workspace).projection();

            assertThat(projection.observedRateProperty().get()).startsWith("Observed: 4 requests a day (4 calls over 1.0 days)");
            assertThat(projection.monthly().requestsPerDay()).as("empty field = the observed rate").isEqualTo(4);
            projection.requestsPerDayProperty().set("1,000");

            // gpt-4o: 1000 × 3/4 = 750 a day × 30 days × $0.02 = $450; acme-llm has no cost: left out of the total
            assertThat(projection.rows()).extracting(MonthlyCost.Group::model, MonthlyCost.Group::prompt,
                            row -> row.requestsPerDay().doubleValue(), row -> row.monthlyUsd() == null ? null : row.monthlyUsd().doubleValue())
                    .containsExactly(tuple(ACME, CallGrouping.NO_VALUE, 250.0, null), tuple(GPT, "refund@2", 750.0, 450.0));
            assertThat(projection.monthly().totalUsd()).isEqualByComparingTo("450");
            assertThat(projection.totalProperty().get())
                    .isEqualTo("A month (30 days) at 1,000 requests a day: $450 — 1 group(s) without any cost left out");

            projection.requestsPerDayProperty().set("-3");
            assertThat(projection.errorProperty().get()).isEqualTo("Requests per day must be zero or more.");
            assertThat(projection.monthly().requestsPerDay()).as("the last good number stays").isEqualTo(1000);
        }
    }

    @Test
    void aSwitchIsPricedWithThePriceRowAndAPriceEditReEstimatesAndReloads() throws Exception {
        try (EngineWorkspace workspace = seeded()) {
            InsightsViewModel viewModel = viewModel(workspace);
            PricesViewModel prices = viewModel.prices();
            prices.patternProperty().set("cheap");
            prices.inputPriceProperty().set("-1");
            prices.outputPriceProperty().set("2");
            prices.save();
            assertThat(prices.errorProperty().get()).isEqualTo("Input price (USD per million tokens) must be zero or more, not -1.");
            prices.inputPriceProperty().set("1");
            prices.save();
            assertThat(prices.errorProperty().get()).isEmpty();
            assertThat(prices.outcomeProperty().get()).isEqualTo("Saved cheap — re-estimated 0 calls");
            assertThat(prices.prices()).extracting(price -> price.modelPattern()).contains("cheap");

            ProjectionViewModel projection = viewModel.projection();
            assertThat(projection.switchTargets()).contains("cheap", GPT, ACME);
            projection.requestsPerDayProperty().set("1000");
            projection.fromModelProperty().set(GPT);
            projection.toModelProperty().set("cheap");
            // (100 × $1 + 20 × $2) / 1M = $0.00014 a request × 750 a day × 30 days = $3.15, against $450 now
            ModelSwitch change = projection.modelSwitch();
            assertThat(change.price().modelPattern()).isEqualTo("cheap");
            assertThat(change.switchedMonthlyUsd()).isEqualByComparingTo("3.15");
            assertThat(change.currentMonthlyUsd()).isEqualByComparingTo("450");
            assertThat(projection.switchResultProperty().get()).startsWith("After the switch $3.15 a month, now $450 a month (−$447)")
                    .contains("\u201ccheap\u201d: $1 in / $2 out per million tokens");
            projection.toModelProperty().set("nonexistent-model");
            assertThat(projection.switchResultProperty().get()).contains("no price for nonexistent-model");

            // acme-llm (no default price): (1000 × $3 + 500 × $15) / 1M = $0.0105 estimated; the dashboard reads it again at once
            prices.providerProperty().set("");
            prices.patternProperty().set("acme");
            prices.inputPriceProperty().set("3");
            prices.outputPriceProperty().set("15");
            prices.save();
            assertThat(prices.outcomeProperty().get()).isEqualTo("Saved acme — re-estimated 1 call");
            GroupStats acme = viewModel.groups().stream().filter(group -> group.key().equals(ACME)).findFirst().orElseThrow();
            assertThat(acme.costEstimatedUsd()).isEqualByComparingTo("0.0105");
            assertThat(acme.costReportedUsd()).isEqualByComparingTo("0");
            assertThat(projection.monthly().unpricedGroups()).as("the projection was read again too").isZero();
        }
    }

    @Test
    void aP95BudgetOverOneGroupMarksItListsTheBreachAndFlagsItsCallsOnRequest() throws Exception {
        try (EngineWorkspace workspace = seeded()) {
            InsightsViewModel viewModel = viewModel(workspace);
            BudgetsViewModel budgets = viewModel.budgets();
            assertThat(budgets.rules()).as("the default per-call budgets, off")
                    .extracting(rule -> rule.name(), rule -> rule.enabled())
                    .containsExactly(tuple("Costly call", false), tuple("Slow call", false));

            budgets.prefill(CallGrouping.MODEL, GPT);
            budgets.typeProperty().set(RuleType.P95_LATENCY_ABOVE);
            budgets.amountProperty().set("2.5");
            budgets.add();
            assertThat(budgets.errorProperty().get()).isEqualTo("Budget (ms) must be a whole number of milliseconds above zero.");
            budgets.amountProperty().set("400");
            budgets.add();

            assertThat(budgets.errorProperty().get()).isEmpty();
            assertThat(budgets.rules()).extracting(rule -> rule.name())
                    .contains("Budget: daily p95 latency over 400 ms, model gpt-4o only");
            // gpt-4o's p95 by nearest rank of 100, 300, 500 ms is 500 ms; acme-llm.s 200 ms is under
            assertThat(budgets.breaches()).extracting(Breach::groupKey, Breach::day, breach -> breach.measured().longValue(),
                            breach -> breach.budget().longValue(), Breach::callsOverBudget)
                    .containsExactly(tuple(GPT, LocalDate.of(2025, 3, 14), 500L, 400L, 1L));
            GroupStats gpt = viewModel.groups().stream().filter(group -> group.key().equals(GPT)).findFirst().orElseThrow();
            GroupStats acme = viewModel.groups().stream().filter(group -> group.key().equals(ACME)).findFirst().orElseThrow();
            assertThat(budgets.overBudget(CallGrouping.MODEL, GPT, gpt.callLatency().p95Ns())).get().asString()
                    .contains("p95 500 ms is over");
            assertThat(budgets.overBudget(CallGrouping.MODEL, ACME, acme.callLatency().p95Ns())).isEmpty();

            Breach breach = budgets.breaches().get(0);
            long day = Instant.parse("2025-03-14T00:00:00Z").toEpochMilli() * MS;
            assertThat(budgets.drillTarget(breach)).isEqualTo(new CallDrill(day, day + 86_400_000 * MS, CallGrouping.MODEL, GPT));

            assertThat(budgets.offerFlaggingProperty().get()).isTrue();
            budgets.flagExistingCallsNow();
            assertThat(workspace.dsl().fetchCount(REVIEW_ITEM)).as("the 500 ms call").isEqualTo(1);
            assertThat(budgets.outcomeProperty().get()).startsWith("Flagged existing calls: 1 new review item, 0 updated");
            assertThat(budgets.offerFlaggingProperty().get()).isFalse();

            budgets.setEnabled(budgets.rules().stream().filter(rule -> rule.name().startsWith("Budget:")).findFirst().orElseThrow(), false);
            assertThat(budgets.overBudget(CallGrouping.MODEL, GPT, gpt.callLatency().p95Ns())).as("off: listed, not marked").isEmpty();
        }
    }
}
