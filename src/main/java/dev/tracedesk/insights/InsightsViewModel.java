package dev.tracedesk.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.model.CallGrouping;
import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.store.calls.LlmCallFacts;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.Workspace;

/**
 * The Insights dashboard: for a time range and a grouping, each group's requests, errors, latency
 * percentiles, tokens and costs; the same per hour or day; and latency per number of calls in flight.
 * Every change of range, grouping or granularity reads everything again in one background task,
 * which first brings {@code llm_call} up to date; a result overtaken by a later change is dropped.
 * A row, bucket or point drills into the calls behind it ({@link CallDrill}), which Traces lists.
 */
public final class InsightsViewModel {

    /** What the section shows instead of the dashboard. */
    public enum Emptiness { NONE, NO_CALLS }

    /** What one reading found; {@code bounds} null when the workspace holds no LLM call. */
    record Reading(long[] bounds, InsightsQuery query, Granularity granularity, List<GroupStats> groups,
                   List<TimeBucket> buckets, List<LoadLevel> loadLevels) {
    }

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final Consumer<CallDrill> openCalls;
    private final ZoneId zone;
    private final ObjectProperty<RangePreset> preset = new SimpleObjectProperty<>(this, "preset", RangePreset.ALL);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>(this, "customFrom");
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>(this, "customTo");
    private final ObjectProperty<CallGrouping> grouping = new SimpleObjectProperty<>(this, "grouping", CallGrouping.MODEL);
    private final ObjectProperty<Granularity> granularityChoice = new SimpleObjectProperty<>(this, "granularityChoice");
    private final ObservableList<GroupStats> groups = FXCollections.observableArrayList();
    private final ObservableList<TimeBucket> buckets = FXCollections.observableArrayList();
    private final ObservableList<LoadLevel> loadLevels = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<InsightsQuery> shownQuery =
            new ReadOnlyObjectWrapper<>(this, "shownQuery", InsightsQuery.everything(CallGrouping.MODEL));
    private final ReadOnlyObjectWrapper<Granularity> shownGranularity =
            new ReadOnlyObjectWrapper<>(this, "shownGranularity", Granularity.HOUR);
    private final ReadOnlyObjectWrapper<Emptiness> emptiness = new ReadOnlyObjectWrapper<>(this, "emptiness", Emptiness.NONE);
    private final ReadOnlyStringWrapper emptyTitle = new ReadOnlyStringWrapper(this, "emptyTitle", "Nothing to measure yet");
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper(this, "rangeText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyIntegerWrapper readings = new ReadOnlyIntegerWrapper(this, "readings");
    private final ProjectionViewModel projection;
    private final BudgetsViewModel budgets;
    private final PricesViewModel prices;
    private long spansSeen = -1;
    private boolean upToDate;
    private int ticket;

    /**
     * @param openCalls what a drill does: the window switches to Traces and lists the calls
     * @param zone      where days and hours start, and what the custom dates mean
     */
    public InsightsViewModel(TaskRunner tasks, ObservableValue<WorkspaceStats> stats, Supplier<Optional<Workspace>> workspace,
                             Consumer<CallDrill> openCalls, ZoneId zone) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.openCalls = openCalls;
        this.zone = zone;
        this.projection = new ProjectionViewModel(tasks, workspace);
        this.budgets = new BudgetsViewModel(tasks, workspace);
        // a price edit re-estimates costs: every figure may have moved
        this.prices = new PricesViewModel(tasks, workspace, this::refresh);
        for (ObservableValue<?> choice : List.of(preset, customFrom, customTo, grouping, granularityChoice)) {
            choice.addListener((observable, before, after) -> refresh());
        }
        // New spans (an import) may hold new calls; other changes of the counts (labels) leave the figures alone.
        spansSeen = stats.getValue() == null ? -1 : stats.getValue().spans();
        // an empty workspace shows its empty state at once, not an empty dashboard until the first reading
        if (spansSeen <= 0) {
            emptiness.set(Emptiness.NO_CALLS);
        }
        stats.addListener((observable, before, after) -> {
            if (after != null && after.spans() != spansSeen) {
                spansSeen = after.spans();
                upToDate = false;
                refresh();
            }
        });
    }

    public ObjectProperty<RangePreset> presetProperty() {
        return preset;
    }

    /** The first day of a custom range (inclusive); null = from the first call. */
    public ObjectProperty<LocalDate> customFromProperty() {
        return customFrom;
    }

    /** The last day of a custom range (inclusive); null = to the newest call. */
    public ObjectProperty<LocalDate> customToProperty() {
        return customTo;
    }

    public ObjectProperty<CallGrouping> groupingProperty() {
        return grouping;
    }

    /** Hours or days for the over-time charts; null = whichever suits the range. */
    public ObjectProperty<Granularity> granularityChoiceProperty() {
        return granularityChoice;
    }

    /** One row per group, most requests first. */
    public ObservableList<GroupStats> groups() {
        return groups;
    }

    /** Per group and hour or day, oldest first. */
    public ObservableList<TimeBucket> buckets() {
        return buckets;
    }

    /** Per model and number of calls in flight at the start. */
    public ObservableList<LoadLevel> loadLevels() {
        return loadLevels;
    }

    /** The range and grouping the figures shown were read for. */
    public ReadOnlyObjectProperty<InsightsQuery> shownQueryProperty() {
        return shownQuery.getReadOnlyProperty();
    }

    /** The width of the buckets shown. */
    public ReadOnlyObjectProperty<Granularity> shownGranularityProperty() {
        return shownGranularity.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Emptiness> emptinessProperty() {
        return emptiness.getReadOnlyProperty();
    }

    /** The empty state's title: nothing at all, or spans but no LLM call among them. */
    public ReadOnlyStringProperty emptyTitleProperty() {
        return emptyTitle.getReadOnlyProperty();
    }

    /** "412 LLM calls, 2025-03-01 09:00 – 2025-03-14 17:20, per hour". */
    public ReadOnlyStringProperty rangeTextProperty() {
        return rangeText.getReadOnlyProperty();
    }

    /** What is being done, or what went wrong; empty when the figures are current. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Counts the readings shown: it moves once every list of a reading is in place. */
    public ReadOnlyIntegerProperty readingsProperty() {
        return readings.getReadOnlyProperty();
    }

    /** The "Cost projection" tab, read for the range shown. */
    public ProjectionViewModel projection() {
        return projection;
    }

    /** The "Budgets" tab and the over-budget marks of the groups table, read for the range shown. */
    public BudgetsViewModel budgets() {
        return budgets;
    }

    /** The price table dialog; a change reads the dashboard again. */
    public PricesViewModel prices() {
        return prices;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Reads everything again for the current choices. */
    public void refresh() {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        int mine = ++ticket;
        RangePreset chosenPreset = preset.get() == null ? RangePreset.ALL : preset.get();
        LocalDate from = customFrom.get();
        LocalDate to = customTo.get();
        CallGrouping chosenGrouping = grouping.get() == null ? CallGrouping.NONE : grouping.get();
        Granularity chosenGranularity = granularityChoice.get();
        loading.set(true);
        // The first reading after an import may have many calls to copy into llm_call: say why it takes a while.
        status.set(upToDate ? "Reading…" : "Bringing Insights up to date…");
        tasks.submit(upToDate ? "Reading Insights" : "Bringing Insights up to date", context -> {
            new LlmCallFacts(open.get().dsl()).refresh();
            context.progress(0, 0, "Reading Insights");
            InsightsQueries queries = new InsightsQueries(open.get().dsl());
            long[] bounds = queries.startBounds();
            if (bounds == null) {
                return new Reading(null, InsightsQuery.everything(chosenGrouping), Granularity.HOUR, List.of(), List.of(), List.of());
            }
            InsightsQuery query = new InsightsQuery(null, null, chosenGrouping).withRange(
                    fromOf(chosenPreset, from, bounds), toOf(chosenPreset, to, bounds));
            Granularity granularity = chosenGranularity != null ? chosenGranularity : Granularity.suiting(spanOf(query, bounds));
            return new Reading(bounds, query, granularity, queries.groups(query),
                    queries.overTime(query, granularity, zoneOffsetNs(bounds[1])), queries.byConcurrency(query));
        }, reading -> {
            if (mine == ticket) {
                show(reading);
            }
        }, failure -> {
            if (mine == ticket) {
                loading.set(false);
                status.set("Could not read Insights: " + failure.getMessage());
            }
        });
    }

    private void show(Reading reading) {
        upToDate = true;
        loading.set(false);
        status.set("");
        shownQuery.set(reading.query());
        shownGranularity.set(reading.granularity());
        groups.setAll(reading.groups());
        buckets.setAll(reading.buckets());
        loadLevels.setAll(reading.loadLevels());
        emptyTitle.set(spansSeen > 0 ? "No LLM calls to measure yet" : "Nothing to measure yet");
        emptiness.set(reading.bounds() == null ? Emptiness.NO_CALLS : Emptiness.NONE);
        rangeText.set(reading.bounds() == null ? "" : describe(reading));
        readings.set(readings.get() + 1);
        if (reading.bounds() != null) {
            // the tabs follow the range shown, each in its own background reading after the figures
            projection.load(reading.query().fromNs(), reading.query().toNs());
            budgets.load(reading.query().fromNs(), reading.query().toNs());
        }
    }

    private String describe(Reading reading) {
        long calls = reading.groups().stream().mapToLong(GroupStats::requests).sum();
        long first = reading.query().fromNs() != null ? reading.query().fromNs() : reading.bounds()[0];
        long last = reading.query().toNs() != null ? reading.query().toNs() - 1 : reading.bounds()[1];
        return InsightsFormat.count(calls) + (calls == 1 ? " LLM call, " : " LLM calls, ")
                + InsightsFormat.instant(first, zone) + " – " + InsightsFormat.instant(last, zone)
                + (reading.granularity() == Granularity.HOUR ? ", per hour" : ", per day");
    }

    private Long fromOf(RangePreset chosen, LocalDate from, long[] bounds) {
        if (chosen == RangePreset.CUSTOM) {
            return from == null ? null : epochNs(from);
        }
        return chosen.rangeEndingAt(bounds[1])[0];
    }

    private Long toOf(RangePreset chosen, LocalDate to, long[] bounds) {
        if (chosen == RangePreset.CUSTOM) {
            return to == null ? null : epochNs(to.plusDays(1));
        }
        return chosen.rangeEndingAt(bounds[1])[1];
    }

    private static long spanOf(InsightsQuery query, long[] bounds) {
        long from = query.fromNs() == null ? bounds[0] : Math.max(query.fromNs(), bounds[0]);
        long to = query.toNs() == null ? bounds[1] : Math.min(query.toNs(), bounds[1]);
        return Math.max(0, to - from);
    }

    private long epochNs(LocalDate date) {
        return date.atStartOfDay(zone).toInstant().toEpochMilli() * 1_000_000L;
    }

    /** The zone's offset at the newest call, so buckets start at its midnights and full hours. */
    private long zoneOffsetNs(long atNs) {
        return zone.getRules().getOffset(Instant.EPOCH.plusNanos(atNs)).getTotalSeconds() * 1_000_000_000L;
    }

    /** The calls behind a group's row: the group within the range shown. */
    public CallDrill drillTarget(GroupStats group) {
        InsightsQuery query = shownQuery.get();
        return new CallDrill(query.fromNs(), query.toNs(), query.grouping(), group.key());
    }

    /** The calls behind a bucket: its hour or day (within the range shown), of its group. */
    public CallDrill drillTarget(TimeBucket bucket) {
        InsightsQuery query = shownQuery.get();
        long from = bucket.startNs();
        long to = from + shownGranularity.get().nanos();
        return new CallDrill(query.fromNs() == null ? from : Math.max(from, query.fromNs()),
                query.toNs() == null ? to : Math.min(to, query.toNs()), query.grouping(), bucket.key());
    }

    /** The calls behind a latency-vs-load point: the model's calls within the range shown. */
    public CallDrill drillTarget(LoadLevel level) {
        InsightsQuery query = shownQuery.get();
        return new CallDrill(query.fromNs(), query.toNs(), CallGrouping.MODEL, level.model());
    }

    /** Lists the calls in Traces. */
    public void open(CallDrill drill) {
        openCalls.accept(drill);
    }
}
