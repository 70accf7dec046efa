package dev.tracedesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Function;

import javafx.scene.Parent;
import javafx.stage.Window;

import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.datasets.DatasetsView;
import dev.tracedesk.datasets.DatasetsViewModel;
import dev.tracedesk.datasets.GoldenSetDesk;
import dev.tracedesk.evals.EvalRunsView;
import dev.tracedesk.evals.EvalRunsViewModel;
import dev.tracedesk.ingest.ImportsView;
import dev.tracedesk.ingest.MappingDialogView;
import dev.tracedesk.ingest.MappingDialogViewModel;
import dev.tracedesk.ingest.RejectedRecordsView;
import dev.tracedesk.insights.CallDrill;
import dev.tracedesk.insights.InsightsView;
import dev.tracedesk.insights.InsightsViewModel;
import dev.tracedesk.review.ReviewView;
import dev.tracedesk.review.ReviewerPrompt;
import dev.tracedesk.review.rules.RulesDialogView;
import dev.tracedesk.review.ReviewViewModel;
import dev.tracedesk.search.SpanSearch;
import dev.tracedesk.shell.MainView;
import dev.tracedesk.shell.MainViewModel;
import dev.tracedesk.shell.Section;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.traces.TracesView;
import dev.tracedesk.traces.TracesViewModel;
import dev.tracedesk.ui.ViewLoader;

/**
 * The controller factory: it knows how to build every view with its view model, so the wiring of
 * the GUI is read in one place instead of hidden in a framework.
 */
final class ViewFactory {

    private final MainViewModel main;
    private final TaskRunner tasks;
    private final Function<Workspace, SpanSearch> searches;
    private final ViewLoader loader = new ViewLoader(this::create);
    private TracesViewModel traces;
    private DatasetsViewModel datasets;
    private GoldenSetDesk goldenSet;

    /** @param searches the full-text search of a workspace, or null when there is none */
    ViewFactory(MainViewModel main, TaskRunner tasks, Function<Workspace, SpanSearch> searches) {
        this.main = main;
        this.tasks = tasks;
        this.searches = searches;
    }

    ViewLoader loader() {
        return loader;
    }

    private Object create(Class<?> viewClass) {
        var stats = main.session().statsProperty();
        if (viewClass == MainView.class) {
            return new MainView(main, this::loadSection, this::openMappingDialog);
        } else if (viewClass == ReviewView.class) {
            ReviewViewModel review = new ReviewViewModel(tasks, stats, main.session()::workspace,
                    main.reviewer().nameProperty(), this::openTrace, Clock.systemUTC(),
                    open -> searches == null ? null : searches.apply(open));
            review.goldenSetKeys().use(goldenSet());
            return new ReviewView(review,
                    new ReviewerPrompt(main.reviewer().nameProperty(), main.reviewer().confirmedProperty(),
                            main.reviewer()::confirm),
                    owner -> openRules(owner, review));
        } else if (viewClass == TracesView.class) {
            return new TracesView(tracesViewModel(), goldenSet());
        } else if (viewClass == EvalRunsView.class) {
            return new EvalRunsView(new EvalRunsViewModel(tasks, stats, main.session()::workspace,
                    link -> openTrace(link.traceId(), link.spanId())));
        } else if (viewClass == DatasetsView.class) {
            return new DatasetsView(datasetsViewModel());
        } else if (viewClass == InsightsView.class) {
            InsightsViewModel insights = new InsightsViewModel(tasks, stats, main.session()::workspace, this::openCalls,
                    ZoneId.systemDefault());
            // budgets flagged from Insights fill the review queues: the status bar's counts follow
            insights.budgets().setAfterFlagging(main::refreshCounts);
            return new InsightsView(insights);
        } else if (viewClass == ImportsView.class) {
            return new ImportsView(main.imports());
        } else if (viewClass == RejectedRecordsView.class) {
            return new RejectedRecordsView(main.imports().details(), this::openMappingDialog);
        }
        throw new IllegalArgumentException("No factory for view " + viewClass.getName());
    }

    /** The dialog's view model is made per file, so it is loaded with a factory that knows it. */
    void openMappingDialog(Window owner, Path file) {
        MappingDialogViewModel dialog = main.mappingDialog(file);
        ViewLoader.Loaded<MappingDialogView> loaded = new ViewLoader(viewClass -> viewClass == MappingDialogView.class
                ? new MappingDialogView(dialog) : create(viewClass)).load(MappingDialogView.class);
        loaded.view().showIn(owner, loaded.root());
        dialog.load();
    }

    /** The flag-rules dialog; when it closes, the queues are read again (a re-apply may have filled them). */
    private void openRules(Window owner, ReviewViewModel review) {
        RulesDialogView.open(owner, tasks, main.session()::workspace).setOnHidden(event -> review.refresh());
    }

    /** One Traces view model for the window, so other sections can open a trace in it. */
    private TracesViewModel tracesViewModel() {
        if (traces == null) {
            traces = new TracesViewModel(tasks, main.session().statsProperty(), main.session()::workspace, searches);
        }
        return traces;
    }

    /** One Datasets view model for the window, so the review desk's golden set can tell it to read again. */
    private DatasetsViewModel datasetsViewModel() {
        if (datasets == null) {
            datasets = new DatasetsViewModel(tasks, main.session().statsProperty(), main.session()::workspace,
                    main.reviewer().nameProperty(), Clock.systemUTC(), "tracedesk " + AppVersion.get());
        }
        return datasets;
    }

    private GoldenSetDesk goldenSet() {
        if (goldenSet == null) {
            goldenSet = new GoldenSetDesk(tasks, main.session()::workspace, main.reviewer().nameProperty(),
                    Clock.systemUTC(), () -> {
                        main.refreshCounts();
                        if (datasets != null) {
                            datasets.refresh();
                        }
                    });
        }
        return goldenSet;
    }

    /** "Open trace" from a review item: the Traces section, at the item's span. */
    private void openTrace(ReviewViewModel.TraceLink link) {
        openTrace(link.traceId(), link.spanId());
    }

    /** "Open trace" from a review item or an eval case: the Traces section, at the span when one is named. */
    private void openTrace(String traceId, String spanId) {
        main.select(Section.TRACES);
        tracesViewModel().trace().open(traceId, spanId);
    }

    /** The calls behind an Insights figure: the Traces section, listing LLM calls under the drill's filter. */
    private void openCalls(CallDrill drill) {
        main.select(Section.TRACES);
        tracesViewModel().showCalls(drill.traceFilter());
    }

    private Parent loadSection(Section section) {
        Class<?> viewClass = switch (section) {
            case REVIEW -> ReviewView.class;
            case TRACES -> TracesView.class;
            case EVAL_RUNS -> EvalRunsView.class;
            case DATASETS -> DatasetsView.class;
            case INSIGHTS -> InsightsView.class;
            case IMPORTS -> ImportsView.class;
        };
        return loader.load(viewClass).root();
    }
}
