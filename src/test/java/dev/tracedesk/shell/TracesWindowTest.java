package dev.tracedesk.shell;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.search.SearchHit;
import dev.tracedesk.traces.FacetCount;
import dev.tracedesk.traces.SpanDetail;
import dev.tracedesk.traces.TraceDetail;
import dev.tracedesk.traces.TraceQueries;
import dev.tracedesk.traces.TraceRow;

/**
 * The Traces section in the real window, headless, over real fixture files imported with the
 * standard readers; search answers from a test double that finds the RAG trace's LLM call.
 */
@ExtendWith(ApplicationExtension.class)
class TracesWindowTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final String RAG_TRACE = "9bae1a2583acbcafa287c77573c852a5";

    private Path folder;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        folder = Path.of("target", "traces-window-test", UUID.randomUUID().toString());
        stage.setWidth(1500);
        stage.setHeight(900);
        window = RealReadersWindow.open(stage, folder);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    private void waitUntilIdle() throws Exception {
        RealReadersWindow.waitUntilIdle(window);
    }

    private DSLContext dsl() {
        return window.viewModel().session().workspace().orElseThrow().dsl();
    }

    private void importFixtures(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        robot.interact(() -> window.viewModel().importFiles(List.of(FIXTURES.resolve("openinference/rag-trace.json"),
                FIXTURES.resolve("otel-genai/traces.jsonl"), FIXTURES.resolve("langfuse-otel/traces.jsonl"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        waitUntilIdle();
        robot.interact(() -> {
            window.stage().setWidth(1600);
            window.stage().setHeight(960);
        });
        robot.clickOn("#nav-traces");
        waitUntilIdle();
    }

    /** A PNG of the window in target/screenshots, to look at (the README's screenshots come from here). */
    private void snapshot(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                SceneSnapshot.write(window.stage().getScene(), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static TableView<TraceRow> table(FxRobot robot) {
        return robot.lookup("#tracesTable").queryAs(TableView.class);
    }

    private static boolean showing(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node != null && node.isVisible() && node.getScene() != null;
    }

    @Test
    void theTableListsTheImportedTracesAndAFacetValueFiltersThem(FxRobot robot) throws Exception {
        importFixtures(robot);

        List<String> expected = new dev.tracedesk.traces.TraceListQueries(dsl())
                .traces(dev.tracedesk.traces.TraceFilter.NONE, dev.tracedesk.traces.TraceSort.NEWEST_FIRST, 0)
                .rows().stream().map(TraceRow::traceId).toList();
        assertThat(expected).hasSizeGreaterThan(2).contains(RAG_TRACE);
        assertThat(table(robot).getItems()).extracting(TraceRow::traceId).containsExactlyElementsOf(expected);

        Button modelValue = robot.lookup("#facet-served-model .facet-value").queryAs(Button.class);
        FacetCount model = (FacetCount) modelValue.getUserData();
        robot.clickOn(modelValue);
        waitUntilIdle();

        assertThat(table(robot).getItems()).isNotEmpty().hasSizeLessThan(expected.size())
                .allSatisfy(row -> assertThat(row.servedModels()).contains(model.value()));
        assertThat(robot.lookup("#facet-served-model .facet-chosen").tryQuery()).isPresent();
        snapshot(robot, "traces-filtered");
        assertThat(window.guard().violations()).isEmpty();
    }

    @Test
    void searchRestrictsTheTableToTheHitsTraceAndHighlightsTheMatch(FxRobot robot) throws Exception {
        importFixtures(robot);
        robot.interact(() -> robot.lookup("#tracesTable").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        assertThat(search.isFocused()).as("Ctrl+F focuses the search box").isTrue();

        robot.write("refund").press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntilIdle();

        // the real index, caught up with the import by the search itself
        ListView<?> hitsList = robot.lookup("#hitsList").queryAs(ListView.class);
        assertThat(showing(robot, "#hitsList")).isTrue();
        assertThat(hitsList.getItems()).isNotEmpty().allSatisfy(hit -> assertThat(hit).isInstanceOf(SearchHit.class));
        List<String> hitTraces = hitsList.getItems().stream().map(hit -> ((SearchHit) hit).externalTraceId()).toList();
        assertThat(hitTraces).contains(RAG_TRACE);
        assertThat(table(robot).getItems()).extracting(TraceRow::traceId).contains(RAG_TRACE)
                .allSatisfy(trace -> assertThat(hitTraces).contains(trace));
        assertThat(robot.lookup("#hitsList .search-mark").queryAllAs(Text.class)).extracting(Text::getText)
                .allSatisfy(mark -> assertThat(mark).isEqualToIgnoringCase("refund"));
        assertThat(robot.lookup("#searchNote").queryAs(Label.class).getText())
                .isEqualTo(hitsList.getItems().size() + " matching spans");
    }

    @Test
    void enterOpensTheTraceWithItsSpanTreeAndTheLlmCallsProvenance(FxRobot robot) throws Exception {
        importFixtures(robot);
        TraceDetail expected = new TraceQueries(dsl()).trace(RAG_TRACE).orElseThrow();
        SpanDetail llm = expected.spans().stream().filter(span -> span.kind().equals("LLM")).findFirst().orElseThrow();
        TableView<TraceRow> table = table(robot);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(table.getItems().stream()
                    .filter(row -> row.traceId().equals(RAG_TRACE)).findFirst().orElseThrow());
        });

        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntilIdle();

        assertThat(showing(robot, "#traceDetail")).isTrue();
        TreeTableView<?> tree = robot.lookup("#spanTree").queryAs(TreeTableView.class);
        assertThat(tree.getExpandedItemCount()).isEqualTo(expected.spans().size());
        assertThat(robot.lookup("#spanTree .waterfall-bar").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#spanTree .bar-llm").queryAll()).isNotEmpty();
        if (llm.promptTemplate() != null && llm.promptTemplate().name() != null) {
            assertThat(robot.lookup("#promptTemplateLabel").queryAs(Label.class).getText()).contains(llm.promptTemplate().name());
        }
        List<String> shownTexts = robot.lookup("#provenancePanel .text-area").queryAllAs(TextArea.class).stream()
                .map(TextArea::getText).toList();
        llm.messages().stream().filter(m -> m.content() != null && !m.content().isEmpty())
                .forEach(message -> assertThat(shownTexts).contains(message.content()));
        assertThat(robot.lookup("#provenancePanel .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).isEqualTo(llm.responseModel()));
        assertThat(robot.lookup("#usageGrid .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Latency"));
        snapshot(robot, "trace-view");

        robot.clickOn("#sameModelButton");
        waitUntilIdle();
        assertThat(table.getItems()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.spanId()).as("LLM calls are listed").isNotNull();
            assertThat(row.servedModels()).containsExactly(llm.responseModel());
        });
        assertThat(window.guard().violations()).isEmpty();
    }

    @Test
    void aFilterWithoutMatchesSaysSoAndOffersToClearTheFilters(FxRobot robot) throws Exception {
        importFixtures(robot);
        robot.clickOn("#errorsOnlyCheck");
        waitUntilIdle();
        if (!table(robot).getItems().isEmpty()) {
            TextField minCost = robot.lookup("#minCostField").queryAs(TextField.class);
            robot.clickOn(minCost).write("1000000").press(KeyCode.ENTER).release(KeyCode.ENTER);
            waitUntilIdle();
        }

        assertThat(table(robot).getItems()).isEmpty();
        assertThat(showing(robot, "#noMatchesState")).isTrue();
        robot.clickOn("#emptyClearButton");
        waitUntilIdle();
        assertThat(table(robot).getItems()).isNotEmpty();
        assertThat(showing(robot, "#noMatchesState")).isFalse();
    }

    @Test
    void theFlagsAndVerdictColumnsShowALabeledCallAndTheLabeledFilterSplitsTheTable(FxRobot robot) throws Exception {
        importFixtures(robot);
        DSLContext dsl = dsl();
        List<Long> ragCalls = dsl.select(SPAN.ID).from(SPAN).join(dev.tracedesk.store.generated.Tables.TRACE)
                .on(dev.tracedesk.store.generated.Tables.TRACE.ID.eq(SPAN.TRACE_ID))
                .where(SPAN.KIND.eq("LLM"), dev.tracedesk.store.generated.Tables.TRACE.EXTERNAL_TRACE_ID.eq(RAG_TRACE))
                .fetch(SPAN.ID);
        java.time.Clock clock = java.time.Clock.systemUTC();
        dev.tracedesk.review.ReviewQueues queues = new dev.tracedesk.review.ReviewQueues(dsl, clock);
        long queue = queues.create("window", null, new dev.tracedesk.review.QueueDefinition(
                dev.tracedesk.review.QueueDefinition.Kind.MANUAL, List.of(), null), 1, false);
        queues.addTargets(queue, dev.tracedesk.review.TargetKind.SPAN, ragCalls, "wrong refund answer");
        var itemRow = dsl.select(dev.tracedesk.store.generated.Tables.REVIEW_ITEM.ID,
                        dev.tracedesk.store.generated.Tables.REVIEW_ITEM.TARGET_ID).from(dev.tracedesk.store.generated.Tables.REVIEW_ITEM)
                .where(dev.tracedesk.store.generated.Tables.REVIEW_ITEM.QUEUE_ID.eq(queue)).limit(1).fetchSingle();
        long item = itemRow.value1();
        new dev.tracedesk.review.ReviewLabels(dsl, clock).label(item, "ana",
                dev.tracedesk.review.log.LabelDraft.of(dev.tracedesk.review.Verdict.FAIL));
        int everyTrace = table(robot).getItems().size();

        robot.clickOn("#labeledRadio");
        waitUntilIdle();

        TableView<TraceRow> table = table(robot);
        assertThat(table.getItems()).extracting(TraceRow::traceId).containsExactly(RAG_TRACE);
        assertThat(table.getColumns()).extracting(column -> column.getText()).contains("Flags", "Verdict");
        assertThat(robot.lookup(".review-verdict").queryAllAs(javafx.scene.control.TableCell.class))
                .extracting(cell -> cell.getText()).contains("fail");
        assertThat(robot.lookup(".review-flags").queryAllAs(javafx.scene.control.TableCell.class))
                .extracting(cell -> cell.getText()).anySatisfy(text -> assertThat((String) text).startsWith("⚑ "));
        javafx.scene.control.TableCell<?, ?> verdictCell = robot.lookup(".review-verdict").queryAllAs(
                javafx.scene.control.TableCell.class).stream().filter(cell -> "fail".equals(cell.getText())).findFirst().orElseThrow();
        assertThat(verdictCell.getTooltip().getText()).contains("verdict: fail").contains("wrong refund answer");
        snapshot(robot, "traces-labeled");

        robot.clickOn("#unlabeledRadio");
        waitUntilIdle();
        assertThat(table(robot).getItems()).hasSize(everyTrace - 1).extracting(TraceRow::traceId).doesNotContain(RAG_TRACE);

        robot.clickOn("#llmCallsToggle");
        robot.clickOn("#labeledRadio");
        waitUntilIdle();
        assertThat(table(robot).getItems()).extracting(TraceRow::spanRowId).containsExactly(itemRow.value2());
        assertThat(table(robot).getItems().get(0).review().verdict()).isEqualTo(dev.tracedesk.traces.ReviewVerdict.FAIL);

        robot.clickOn("#anyLabelRadio");
        waitUntilIdle();
        assertThat(table(robot).getItems()).hasSizeGreaterThan(1);
        assertThat(window.guard().violations()).isEmpty();
    }
}
