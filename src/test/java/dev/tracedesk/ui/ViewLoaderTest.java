package dev.tracedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tracedesk.datasets.DatasetsView;
import dev.tracedesk.evals.EvalRunsView;
import dev.tracedesk.ingest.ImportsView;
import dev.tracedesk.insights.InsightsView;
import dev.tracedesk.review.ReviewView;
import dev.tracedesk.review.rules.RulesDialogView;
import dev.tracedesk.shell.MainView;
import dev.tracedesk.traces.TracesView;

class ViewLoaderTest {

    @Test
    void aViewsFxmlIsFoundByItsFeatureAndName() {
        assertThat(ViewLoader.fxmlResourceOf(EvalRunsView.class)).isEqualTo("/fxml/evals/EvalRunsView.fxml");
    }

    @Test
    void aViewOfASubPackageIsInTheMatchingSubFolder() {
        assertThat(ViewLoader.fxmlResourceOf(RulesDialogView.class)).isEqualTo("/fxml/review/rules/RulesDialogView.fxml");
    }

    @Test
    void everyViewHasItsFxmlOnTheClassPath() {
        List<Class<?>> views = List.of(MainView.class, ReviewView.class, TracesView.class, EvalRunsView.class,
                DatasetsView.class, InsightsView.class, ImportsView.class, RulesDialogView.class);

        assertThat(views).allSatisfy(view ->
                assertThat(view.getResource(ViewLoader.fxmlResourceOf(view))).as(view.getSimpleName()).isNotNull());
    }
}
