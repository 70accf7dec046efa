package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.ingest.write.PriceTable.Price;
import dev.tracedesk.store.Workspace;

/**
 * The "Cost projection" tab: what a month costs at N requests a day per model and prompt version,
 * from the measured cost per request, and what moving one model's traffic to another would cost.
 * The calls are aggregated once per range in the background ({@link CostProjection#observe}); typing
 * another N or choosing another model only recomputes in memory, so the tab follows every key.
 */
public final class ProjectionViewModel {

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final StringProperty requestsPerDay = new SimpleStringProperty(this, "requestsPerDay", "");
    private final ObjectProperty<String> fromModel = new SimpleObjectProperty<>(this, "fromModel");
    private final ObjectProperty<String> toModel = new SimpleObjectProperty<>(this, "toModel");
    private final ObservableList<MonthlyCost.Group> rows = FXCollections.observableArrayList();
    private final ObservableList<String> modelsPresent = FXCollections.observableArrayList();
    private final ObservableList<String> switchTargets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper observedRate = new ReadOnlyStringWrapper(this, "observedRate", "");
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper(this, "total", "");
    private final ReadOnlyStringWrapper switchResult = new ReadOnlyStringWrapper(this, "switchResult", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private CostProjection projection;
    private MonthlyCost monthly;
    private ModelSwitch modelSwitch;
    private int ticket;

    public ProjectionViewModel(TaskRunner tasks, Supplier<Optional<Workspace>> workspace) {
        this.tasks = tasks;
        this.workspace = workspace;
        requestsPerDay.addListener((observable, before, after) -> recompute());
        fromModel.addListener((observable, before, after) -> recomputeSwitch());
        toModel.addListener((observable, before, after) -> recomputeSwitch());
    }

    /** What the user typed; empty = the observed rate. */
    public StringProperty requestsPerDayProperty() {
        return requestsPerDay;
    }

    /** The model whose traffic would move. */
    public ObjectProperty<String> fromModelProperty() {
        return fromModel;
    }

    /** Where it would move: a price-table pattern or a model present. */
    public ObjectProperty<String> toModelProperty() {
        return toModel;
    }

    /** Per model and prompt version: share, requests a day, measured cost per request, month. */
    public ObservableList<MonthlyCost.Group> rows() {
        return rows;
    }

    public ObservableList<String> modelsPresent() {
        return modelsPresent;
    }

    public ObservableList<String> switchTargets() {
        return switchTargets;
    }

    /** "Observed: 412 requests a day (1,236 calls over 3.0 days) — the default". */
    public ReadOnlyStringProperty observedRateProperty() {
        return observedRate.getReadOnlyProperty();
    }

    /** "A month (30 days) at 412 a day: $123.45". */
    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** The switched month against the current one, and which price was used (or "no price for X"). */
    public ReadOnlyStringProperty switchResultProperty() {
        return switchResult.getReadOnlyProperty();
    }

    /** Why the typed number is not used; empty when it is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The month last computed; null before the first reading. */
    public MonthlyCost monthly() {
        return monthly;
    }

    /** The switch last computed; null when no pair is chosen. */
    public ModelSwitch modelSwitch() {
        return modelSwitch;
    }

    /** Observes the calls in [fromNs, toNs) in the background, then recomputes. */
    public void load(Long fromNs, Long toNs) {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        int mine = ++ticket;
        tasks.submit("Projecting costs", context -> CostProjection.observe(open.get().dsl(), fromNs, toNs), observed -> {
            if (mine == ticket) {
                show(observed);
            }
        }, failure -> {
            if (mine == ticket) {
                error.set("Could not project costs: " + failure.getMessage());
            }
        });
    }

    private void show(CostProjection observed) {
        projection = observed;
        Set<String> models = new LinkedHashSet<>();
        observed.groups().forEach(group -> models.add(group.model()));
        modelsPresent.setAll(models);
        Set<String> targets = new LinkedHashSet<>();
        // the price table's patterns first: those are the models a switch can be priced for
        observed.prices().prices().forEach(price -> targets.add(price.modelPattern()));
        targets.addAll(models);
        switchTargets.setAll(targets);
        if (fromModel.get() == null || !models.contains(fromModel.get())) {
            fromModel.set(models.isEmpty() ? null : models.iterator().next());
        }
        observedRate.set("Observed: " + InsightsFormat.count(observed.observedRequestsPerDay()) + " requests a day ("
                + InsightsFormat.count(observed.requests()) + " calls over " + observed.daysObserved().setScale(1, RoundingMode.HALF_UP)
                + " days) — used when the field is empty");
        recompute();
    }

    private void recompute() {
        if (projection == null) {
            return;
        }
        Long perDay = typedRequestsPerDay();
        if (perDay == null) {
            return;
        }
        monthly = projection.project(perDay);
        rows.setAll(monthly.groups());
        total.set("A month (" + CostProjection.DAYS_PER_MONTH + " days) at " + InsightsFormat.count(perDay) + " requests a day: "
                + InsightsFormat.usd(monthly.totalUsd())
                + (monthly.unpricedGroups() == 0 ? "" : " — " + monthly.unpricedGroups() + " group(s) without any cost left out"));
        recomputeSwitch();
    }

    /** The typed N, or the observed rate when empty; null (and the error said) when it is no whole number ≥ 0. */
    private Long typedRequestsPerDay() {
        String text = requestsPerDay.get() == null ? "" : requestsPerDay.get().trim().replace(",", "");
        if (text.isEmpty()) {
            error.set("");
            return projection.observedRequestsPerDay();
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                error.set("Requests per day must be zero or more.");
                return null;
            }
            error.set("");
            return value;
        } catch (NumberFormatException e) {
            error.set("Requests per day must be a whole number, not \u201c" + requestsPerDay.get().trim() + "\u201d.");
            return null;
        }
    }

    private void recomputeSwitch() {
        if (projection == null || monthly == null || fromModel.get() == null || toModel.get() == null
                || toModel.get().isBlank()) {
            modelSwitch = null;
            switchResult.set("Choose a model and where its traffic would go.");
            return;
        }
        modelSwitch = projection.switchTo(fromModel.get(), toModel.get().trim(), monthly.requestsPerDay());
        switchResult.set(describe(modelSwitch));
    }

    static String describe(ModelSwitch change) {
        String now = "now " + InsightsFormat.usd(change.currentMonthlyUsd()) + " a month";
        if (change.price() == null) {
            return now + "; " + change.noPrice() + " in the price table (Prices…, Alt+P)";
        }
        Price price = change.price();
        String used = "priced with " + (price.provider().isEmpty() ? "" : price.provider() + " ") + "\u201c" + price.modelPattern()
                + "\u201d: $" + price.inputPerMillion().stripTrailingZeros().toPlainString() + " in / $"
                + price.outputPerMillion().stripTrailingZeros().toPlainString() + " out per million tokens";
        if (change.switchedMonthlyUsd() == null) {
            return now + "; after the switch: unknown — some calls recorded no tokens (" + used + ")";
        }
        BigDecimal difference = change.differenceMonthlyUsd();
        String delta = difference.signum() >= 0 ? "+" + InsightsFormat.usd(difference) : "−" + InsightsFormat.usd(difference.negate());
        return "After the switch " + InsightsFormat.usd(change.switchedMonthlyUsd()) + " a month, " + now + " (" + delta
                + "); " + used;
    }
}
