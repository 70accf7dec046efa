package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.review.rules.BudgetBreaches;
import dev.tracedesk.review.rules.BudgetBreaches.Breach;
import dev.tracedesk.review.rules.FlagRule;
import dev.tracedesk.review.rules.FlagRules;
import dev.tracedesk.review.rules.RuleApplier;
import dev.tracedesk.review.rules.RuleConfig;
import dev.tracedesk.review.rules.RuleType;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.calls.LlmCallFacts;

/**
 * The "Budgets" tab. Budgets are flag rules (decision 0022): the tab lists the budget rules with
 * their on/off state (on = they flag review items), adds, deletes and toggles them through
 * {@link FlagRules}, lists their breaches in the dashboard's range ({@link BudgetBreaches}) and says
 * which groups of the groups table are over budget ({@link #overBudget}). "Flag existing calls now"
 * runs {@link RuleApplier#applyAll()}: rules otherwise judge only what later imports bring.
 */
public final class BudgetsViewModel {

    /** The budget types, in the order the form offers them. */
    public static final List<RuleType> TYPES = List.of(RuleType.P95_LATENCY_ABOVE, RuleType.LATENCY_ABOVE,
            RuleType.COST_ABOVE, RuleType.DAILY_COST_ABOVE);

    private record Loaded(List<FlagRule> rules, List<Breach> breaches) {
    }

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final ObservableList<FlagRule> rules = FXCollections.observableArrayList();
    private final ObservableList<Breach> breaches = FXCollections.observableArrayList();
    private final ObjectProperty<RuleType> type = new SimpleObjectProperty<>(this, "type", RuleType.P95_LATENCY_ABOVE);
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final ObjectProperty<CallGrouping> groupBy = new SimpleObjectProperty<>(this, "groupBy", CallGrouping.MODEL);
    private final StringProperty groupKey = new SimpleStringProperty(this, "groupKey", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyBooleanWrapper offerFlagging = new ReadOnlyBooleanWrapper(this, "offerFlagging");
    private final ReadOnlyBooleanWrapper flagging = new ReadOnlyBooleanWrapper(this, "flagging");
    private final ReadOnlyIntegerWrapper loads = new ReadOnlyIntegerWrapper(this, "loads");
    private Runnable afterFlagging = () -> { };
    private Long fromNs;
    private Long toNs;
    private int ticket;

    public BudgetsViewModel(TaskRunner tasks, Supplier<Optional<Workspace>> workspace) {
        this.tasks = tasks;
        this.workspace = workspace;
    }

    /** The budget rules, on or off, by name. */
    public ObservableList<FlagRule> rules() {
        return rules;
    }

    /** Every budget rule's breaches in the range shown. */
    public ObservableList<Breach> breaches() {
        return breaches;
    }

    public ObjectProperty<RuleType> typeProperty() {
        return type;
    }

    /** Milliseconds for a latency budget, US dollars for a cost budget. */
    public StringProperty amountProperty() {
        return amount;
    }

    public ObjectProperty<CallGrouping> groupByProperty() {
        return groupBy;
    }

    /** One group of {@link #groupByProperty()}; empty = each group (per-call budgets: every call). */
    public StringProperty groupKeyProperty() {
        return groupKey;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last change or flagging did. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** True after a budget was added or switched on: its breaches so far are not review items yet. */
    public ReadOnlyBooleanProperty offerFlaggingProperty() {
        return offerFlagging.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty flaggingProperty() {
        return flagging.getReadOnlyProperty();
    }

    /** Moves once the rules and breaches of a reading are in place, so the groups table can repaint. */
    public ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    /** What runs after "Flag existing calls now" made review items: the window's counts are read again. */
    public void setAfterFlagging(Runnable afterFlagging) {
        this.afterFlagging = afterFlagging == null ? () -> { } : afterFlagging;
    }

    /** Fills the form's group from a row of the groups table. */
    public void prefill(CallGrouping grouping, String key) {
        groupBy.set(grouping);
        groupKey.set(grouping == CallGrouping.NONE || key == null ? "" : key);
    }

    /** Reads the budget rules and their breaches among the calls in [fromNs, toNs), in the background. */
    public void load(Long from, Long to) {
        fromNs = from;
        toNs = to;
        reload();
    }

    private void reload() {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        int mine = ++ticket;
        Long from = fromNs;
        Long to = toNs;
        tasks.submit("Checking budgets", context -> new Loaded(budgetRules(open.get()),
                new BudgetBreaches(open.get().dsl()).breaches(from, to)), loaded -> {
            if (mine == ticket) {
                rules.setAll(loaded.rules());
                breaches.setAll(loaded.breaches());
                loads.set(loads.get() + 1);
            }
        }, failure -> error.set("Could not check the budgets: " + failure.getMessage()));
    }

    private static List<FlagRule> budgetRules(Workspace open) {
        return new FlagRules(open.dsl()).list().stream()
                .filter(rule -> RuleType.parse(rule.ruleType()).map(RuleType::isBudget).orElse(false)).toList();
    }

    /** Adds the form's budget, switched on; refused with the field named. */
    public void add() {
        RuleConfig config = config();
        Optional<Workspace> open = workspace.get();
        if (config == null || open.isEmpty()) {
            return;
        }
        error.set("");
        tasks.submit("Adding a budget", context -> {
            FlagRules flagRules = new FlagRules(open.get().dsl());
            return flagRules.create(freeName(flagRules, "Budget: " + config.summary()), config, true);
        }, created -> {
            outcome.set("Added \u201c" + created.name() + "\u201d. Calls from later imports over it become review items.");
            offerFlagging.set(true);
            amount.set("");
            reload();
        }, failure -> error.set(failure.getMessage()));
    }

    private static String freeName(FlagRules flagRules, String wanted) {
        String name = wanted.length() > FlagRules.MAX_NAME_LENGTH - 6 ? wanted.substring(0, FlagRules.MAX_NAME_LENGTH - 6) : wanted;
        String candidate = name;
        for (int n = 2; flagRules.findByName(candidate).isPresent(); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    /** The form as a config, or null with the error naming the field. */
    RuleConfig config() {
        RuleType chosen = type.get() == null ? RuleType.P95_LATENCY_ABOVE : type.get();
        boolean latency = chosen == RuleType.LATENCY_ABOVE || chosen == RuleType.P95_LATENCY_ABOVE;
        String text = amount.get() == null ? "" : amount.get().trim();
        CallGrouping grouping = groupBy.get() == null ? CallGrouping.NONE : groupBy.get();
        String key = groupKey.get() == null || groupKey.get().isBlank() || grouping == CallGrouping.NONE ? null : groupKey.get().trim();
        BigDecimal value;
        try {
            value = new BigDecimal(text.startsWith("$") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            error.set((latency ? "Budget (ms)" : "Budget (USD)") + (text.isEmpty() ? " is missing." : " must be a number, not \u201c" + text + "\u201d."));
            return null;
        }
        if (value.signum() <= 0 || (latency && value.stripTrailingZeros().scale() > 0)) {
            error.set(latency ? "Budget (ms) must be a whole number of milliseconds above zero." : "Budget (USD) must be above zero.");
            return null;
        }
        return switch (chosen) {
            case LATENCY_ABOVE -> new RuleConfig.LatencyAbove(value.longValueExact(), grouping, key);
            case P95_LATENCY_ABOVE -> new RuleConfig.P95LatencyAbove(value.longValueExact(), grouping, key);
            case COST_ABOVE -> new RuleConfig.CostAbove(value, grouping, key);
            default -> new RuleConfig.DailyCostAbove(value, grouping, key);
        };
    }

    /** Switches a budget on (it flags review items) or off. */
    public void setEnabled(FlagRule rule, boolean enabled) {
        workspace.get().ifPresent(open -> tasks.submit(enabled ? "Switching a budget on" : "Switching a budget off",
                context -> new FlagRules(open.dsl()).setEnabled(rule.id(), enabled), done -> {
                    outcome.set((enabled ? "Switched on \u201c" : "Switched off \u201c") + rule.name() + "\u201d.");
                    if (enabled) {
                        offerFlagging.set(true);
                    }
                    reload();
                }, failure -> error.set(failure.getMessage())));
    }

    /** Deletes a budget; the review items it made stay. */
    public void delete(FlagRule rule) {
        workspace.get().ifPresent(open -> tasks.submit("Deleting a budget", context -> new FlagRules(open.dsl()).delete(rule.id()),
                done -> {
                    outcome.set("Deleted \u201c" + rule.name() + "\u201d; the review items it made stay.");
                    reload();
                }, failure -> error.set(failure.getMessage())));
    }

    /** Applies every enabled rule to the calls already in the workspace; says how many items it made. */
    public void flagExistingCallsNow() {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty() || flagging.get()) {
            return;
        }
        flagging.set(true);
        outcome.set("Flagging existing calls…");
        tasks.submit("Flagging existing calls", context -> {
            // budgets judge llm_call, which review.rules cannot bring up to date itself (decision 0022)
            new LlmCallFacts(open.get().dsl()).refresh();
            return new RuleApplier(open.get().dsl()).applyAll(context);
        }, result -> {
            flagging.set(false);
            offerFlagging.set(false);
            outcome.set("Flagged existing calls: " + result.summary() + result.problems().map(p -> ". " + p).orElse("."));
            afterFlagging.run();
        }, failure -> {
            flagging.set(false);
            outcome.set("Could not flag existing calls: " + failure.getMessage());
        });
    }

    /**
     * Why a row of the groups table (its grouping and key, its p95 call latency over the range shown)
     * is over budget, or empty: an enabled P95 budget for that group or for every group of its grouping
     * (or all calls) below the p95, or a breach of an enabled budget by that group. Budgets switched off
     * (such as the default "Slow call" and "Costly call") are listed with their breaches but mark nothing.
     */
    public Optional<String> overBudget(CallGrouping grouping, String key, Long p95Ns) {
        for (FlagRule rule : rules) {
            RuleConfig config;
            try {
                config = rule.config();
            } catch (RuntimeException unreadable) {
                continue;
            }
            if (rule.enabled() && config instanceof RuleConfig.P95LatencyAbove budget && p95Ns != null
                    && (budget.groupBy() == CallGrouping.NONE
                        || budget.groupBy() == grouping && (budget.groupKey() == null || budget.groupKey().equals(key)))
                    && p95Ns > budget.budgetMs() * 1_000_000L) {
                return Optional.of("p95 " + InsightsFormat.duration(p95Ns) + " is over \u201c" + rule.name() + "\u201d");
            }
        }
        return breaches.stream().filter(breach -> breach.ruleEnabled() && breach.groupBy() == grouping && breach.groupKey().equals(key))
                .findFirst()
                .map(breach -> "Breaks \u201c" + breach.ruleName() + "\u201d" + (breach.day() == null ? "" : " on " + breach.day())
                        + ": " + measured(breach) + " against " + budget(breach));
    }

    /** "2,300 ms" or "$1.20". */
    public static String measured(Breach breach) {
        return amount(breach, breach.measured());
    }

    public static String budget(Breach breach) {
        return amount(breach, breach.budget());
    }

    private static String amount(Breach breach, BigDecimal value) {
        return "ms".equals(breach.unit()) ? InsightsFormat.count(value.longValue()) + " ms" : InsightsFormat.usd(value);
    }

    /** The calls behind a breach: its UTC day (per-call budgets: the range shown) and its group. */
    public CallDrill drillTarget(Breach breach) {
        if (breach.day() == null) {
            return new CallDrill(fromNs, toNs, breach.groupBy(), breach.groupKey());
        }
        return new CallDrill(epochNs(breach.day()), epochNs(breach.day().plusDays(1)), breach.groupBy(), breach.groupKey());
    }

    private static long epochNs(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }
}
