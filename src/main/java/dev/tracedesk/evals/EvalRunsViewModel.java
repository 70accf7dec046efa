package dev.tracedesk.evals;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.evals.charts.RunChartsViewModel;
import dev.tracedesk.evals.compare.CompareViewModel;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.Workspace;

/**
 * The Eval runs section: the workspace's runs, newest first, and the chosen run's cases behind a
 * filter (failures or errors, an assertion type, a provider, text), with the chosen case's detail
 * and a way to its trace. Every read runs in the background; the filter works on the cases in hand.
 */
public final class EvalRunsViewModel {

    /** The first entry of the assertion-type choice: no narrowing. */
    public static final String ANY_ASSERTION = "Any assertion";
    /** The first entry of the provider choice: no narrowing. */
    public static final String ANY_PROVIDER = "All providers";

    /** Where "open trace" goes: the case's trace, at its span when the case names one. */
    public record TraceLink(String traceId, String spanId) {
    }

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final Consumer<TraceLink> openTrace;
    private final ObservableList<EvalRunRow> runs = FXCollections.observableArrayList();
    private final ObjectProperty<EvalRunRow> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    private final ReadOnlyObjectWrapper<EvalRunDetail> shownRun = new ReadOnlyObjectWrapper<>(this, "shownRun");
    private final ObservableList<EvalCaseRow> cases = FXCollections.observableArrayList();
    private final FilteredList<EvalCaseRow> visibleCases = new FilteredList<>(cases);
    private final ObjectProperty<EvalCaseRow> selectedCase = new SimpleObjectProperty<>(this, "selectedCase");
    private final ObjectProperty<CaseFilter.Status> statusFilter =
            new SimpleObjectProperty<>(this, "statusFilter", CaseFilter.Status.ALL);
    private final ObservableList<String> assertionTypes = FXCollections.observableArrayList(ANY_ASSERTION);
    private final StringProperty assertionType = new SimpleStringProperty(this, "assertionType", ANY_ASSERTION);
    private final ObservableList<String> providers = FXCollections.observableArrayList(ANY_PROVIDER);
    private final StringProperty provider = new SimpleStringProperty(this, "provider", ANY_PROVIDER);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<Integer> scoreBin = new SimpleObjectProperty<>(this, "scoreBin");
    private RunChartsViewModel charts;
    private final ReadOnlyStringWrapper caseCount = new ReadOnlyStringWrapper(this, "caseCount", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private boolean loaded;
    private int generation;

    public EvalRunsViewModel(TaskRunner tasks, ObservableValue<WorkspaceStats> stats,
                             Supplier<Optional<Workspace>> workspace, Consumer<TraceLink> openTrace) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.openTrace = openTrace;
        selectedRun.addListener((observable, before, after) -> {
            if (after == null || before == null || before.id() != after.id()) {
                loadRun();
            }
        });
        for (Observable filterPart : List.of(statusFilter, assertionType, provider, searchText, scoreBin)) {
            filterPart.addListener(observable -> applyFilter());
        }
        stats.addListener((observable, before, after) -> refresh());
        // a score bin comes from a chart click and has no control of its own: "All" lets it go
        statusFilter.addListener((observable, before, after) -> {
            if (after == CaseFilter.Status.ALL) {
                scoreBin.set(null);
            }
        });
    }

    public ObservableList<EvalRunRow> runs() {
        return runs;
    }

    /** True once the runs were read: until then an empty list says nothing about the workspace. */
    public boolean loaded() {
        return loaded;
    }

    public ObjectProperty<EvalRunRow> selectedRunProperty() {
        return selectedRun;
    }

    /** The run whose cases are shown, with its start and finish and dataset, or null. */
    public ReadOnlyObjectProperty<EvalRunDetail> shownRunProperty() {
        return shownRun.getReadOnlyProperty();
    }

    /** All cases of the shown run, in test order. */
    public ObservableList<EvalCaseRow> cases() {
        return cases;
    }

    /** The cases the filter lets through. */
    public ObservableList<EvalCaseRow> visibleCases() {
        return visibleCases;
    }

    public ObjectProperty<EvalCaseRow> selectedCaseProperty() {
        return selectedCase;
    }

    public ObjectProperty<CaseFilter.Status> statusFilterProperty() {
        return statusFilter;
    }

    /** {@link #ANY_ASSERTION}, then the assertion types the shown run's cases check, sorted. */
    public ObservableList<String> assertionTypes() {
        return assertionTypes;
    }

    public StringProperty assertionTypeProperty() {
        return assertionType;
    }

    /** {@link #ANY_PROVIDER}, then the providers of the shown run's cases, sorted. */
    public ObservableList<String> providers() {
        return providers;
    }

    public StringProperty providerProperty() {
        return provider;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** "7 of 18 cases", or "18 cases" when nothing is filtered out. */
    public ReadOnlyStringProperty caseCountProperty() {
        return caseCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public CaseFilter filter() {
        return new CaseFilter(statusFilter.get() == null ? CaseFilter.Status.ALL : statusFilter.get(),
                ANY_ASSERTION.equals(assertionType.get()) ? null : assertionType.get(),
                ANY_PROVIDER.equals(provider.get()) ? null : provider.get(), searchText.get(), scoreBin.get());
    }

    /** Back to every case of the run. */
    public void clearFilter() {
        statusFilter.set(CaseFilter.Status.ALL);
        assertionType.set(ANY_ASSERTION);
        provider.set(ANY_PROVIDER);
        searchText.set("");
        scoreBin.set(null);
    }

    /** The compare window's view model (one per window). */
    public CompareViewModel newComparison() {
        return new CompareViewModel(tasks, workspace, java.time.Clock.systemUTC());
    }

    /** The charts' view model; a click on a point or bar shows its cases here. */
    public RunChartsViewModel charts() {
        if (charts == null) {
            charts = new RunChartsViewModel(tasks, workspace);
            charts.setOnDrill(this::openDrill);
        }
        return charts;
    }

    /** The cases behind a chart's point or bar: its run, filtered as the point or bar says. */
    public void openDrill(RunChartsViewModel.Drill drill) {
        clearFilter();
        if (drill.provider() != null) {
            provider.set(drill.provider());
        }
        if (drill.failedAssertionType() != null) {
            statusFilter.set(CaseFilter.Status.FAILURES);
            assertionType.set(drill.failedAssertionType());
        }
        scoreBin.set(drill.scoreBin());
        runs.stream().filter(run -> run.id() == drill.runId()).findFirst().ifPresent(selectedRun::set);
        status.set(drill.scoreBin() == null ? "" : "Cases scoring " + RunChartsViewModel.Drill.binLabel(drill.scoreBin())
                + ", from the chart; All shows every case.");
    }

    /** Reads the runs again, keeping the chosen run when it still exists, else choosing the newest. */
    public void refresh() {
        Optional<Workspace> open = workspace.get();
        if (open.isEmpty()) {
            return;
        }
        Long keep = selectedRun.get() == null ? null : selectedRun.get().id();
        tasks.submit("Reading eval runs", context -> new EvalRunRows(open.get().dsl()).newestFirst(), read -> {
            loaded = true;
            runs.setAll(read);
            EvalRunRow again = read.stream().filter(run -> keep != null && run.id() == keep).findFirst()
                    .orElse(read.isEmpty() ? null : read.get(0));
            boolean sameRun = again != null && keep != null && again.id() == keep;
            selectedRun.set(again);
            if (sameRun) {
                loadRun(); // the same run may have gained cases from a re-import
            }
        }, failure -> status.set("Could not read the eval runs: " + failure.getMessage()));
    }

    private void loadRun() {
        EvalRunRow run = selectedRun.get();
        Optional<Workspace> open = workspace.get();
        int ticket = ++generation;
        if (run == null || open.isEmpty()) {
            showCases(null, List.of());
            return;
        }
        tasks.submit("Reading " + run.name(), context -> {
            var dsl = open.get().dsl();
            Map<Long, String> spans = EvalCaseSpans.ofRun(dsl, run.id());
            return new EvalRunQueries(dsl).run(run.id()).map(detail -> new Loaded(detail, detail.cases().stream()
                    .map(evalCase -> EvalCaseRow.of(evalCase, spans.get(evalCase.id()))).toList()));
        }, read -> {
                    if (ticket == generation) {
                        showCases(read.map(Loaded::run).orElse(null), read.map(Loaded::cases).orElse(List.of()));
                    }
                }, failure -> status.set("Could not read " + run.name() + ": " + failure.getMessage()));
    }

    private record Loaded(EvalRunDetail run, List<EvalCaseRow> cases) {
    }

    private void showCases(EvalRunDetail run, List<EvalCaseRow> rows) {
        Long keepCase = selectedCase.get() == null ? null : selectedCase.get().detail().id();
        shownRun.set(run);
        assertionTypes.setAll(withAny(ANY_ASSERTION, rows, row -> row.assertions().stream().map(CaseAssertion::type)));
        providers.setAll(withAny(ANY_PROVIDER, rows, row -> Stream.of(row.provider())));
        // a choice the new run does not have would hide every case; the status and the text carry over
        if (!assertionTypes.contains(assertionType.get())) {
            assertionType.set(ANY_ASSERTION);
        }
        if (!providers.contains(provider.get())) {
            provider.set(ANY_PROVIDER);
        }
        cases.setAll(rows);
        applyFilter();
        selectedCase.set(visibleCases.stream().filter(row -> Objects.equals(row.detail().id(), keepCase)).findFirst()
                .orElse(visibleCases.isEmpty() ? null : visibleCases.get(0)));
    }

    private static List<String> withAny(String any, List<EvalCaseRow> rows,
                                        Function<EvalCaseRow, Stream<String>> values) {
        List<String> distinct = rows.stream().flatMap(values).filter(value -> value != null && !value.isBlank())
                .distinct().sorted().toList();
        return Stream.concat(Stream.of(any), distinct.stream()).toList();
    }

    private void applyFilter() {
        CaseFilter filter = filter();
        visibleCases.setPredicate(filter.isNone() ? null : filter);
        caseCount.set(visibleCases.size() == cases.size() ? cases.size() + (cases.size() == 1 ? " case" : " cases")
                : visibleCases.size() + " of " + cases.size() + " cases");
        if (selectedCase.get() != null && !visibleCases.contains(selectedCase.get())) {
            selectedCase.set(visibleCases.isEmpty() ? null : visibleCases.get(0));
        }
    }

    /** Opens the chosen case's trace in the Traces section; says so when the case has none. */
    public void openTrace() {
        EvalCaseRow row = selectedCase.get();
        if (row == null) {
            return;
        }
        if (!row.hasTrace()) {
            status.set("This case has no linked trace: its tool recorded none, or the trace was not imported.");
            return;
        }
        status.set("");
        openTrace.accept(new TraceLink(row.detail().traceId(), row.spanId()));
    }
}
