package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import dev.tracedesk.app.MainWindow;
import dev.tracedesk.grounding.GroundednessHint;
import dev.tracedesk.traces.SpanDocument;
import dev.tracedesk.traces.TraceQueries;
import dev.tracedesk.traces.TraceRow;

/**
 * The groundedness hint in the real window, headless, over the OpenInference fixtures: the
 * "2-year warranty" answer is weak against a document that says 1 year (decision 0011).
 */
@ExtendWith(ApplicationExtension.class)
class GroundingWindowTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/openinference");
    private static final String WRONG_WARRANTY = "ca6d2fd0def76419239d9e6e7e0dc306";
    /** Where Tooltip.install keeps a node's tooltip; a Text has no getTooltip(). */
    private static final String TOOLTIP_KEY = "javafx.scene.control.Tooltip";

    private MainWindow window;

    @Start
    void start(Stage stage) {
        Path folder = Path.of("target", "grounding-window-test", UUID.randomUUID().toString());
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

    @SuppressWarnings("unchecked")
    private void openTrace(FxRobot robot, String traceId) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.viewModel().session().stateProperty().get() == WorkspaceSession.State.READY);
        robot.interact(() -> window.viewModel().importFiles(List.of(FIXTURES.resolve("rag-trace.json"),
                FIXTURES.resolve("traces.jsonl"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.viewModel().imports().lastSummaryProperty().get() != null);
        waitUntilIdle();
        robot.interact(() -> {
            window.stage().setWidth(1600);
            window.stage().setHeight(960);
        });
        robot.clickOn("#nav-traces");
        waitUntilIdle();
        TableView<TraceRow> table = robot.lookup("#tracesTable").queryAs(TableView.class);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(table.getItems().stream()
                    .filter(row -> row.traceId().equals(traceId)).findFirst().orElseThrow());
        });
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntilIdle();
    }

    private static String tooltipOf(Node node) {
        Object tooltip = node.getProperties().get(TOOLTIP_KEY);
        return tooltip instanceof Tooltip tip ? tip.getText() : null;
    }

    @Test
    void theWeakWarrantySentenceIsMarkedAndExplainedAndTheDocumentPassagesHighlighted(FxRobot robot) throws Exception {
        openTrace(robot, WRONG_WARRANTY);

        assertThat(robot.lookup("#groundingHeading").queryAs(Label.class).getText()).isEqualTo(GroundednessHint.LABEL);
        assertThat(robot.lookup("#groundingSummary").queryAs(Label.class).getText())
                .isEqualTo("1 of 1 sentence has little support in the retrieved context");
        List<Text> weak = List.copyOf(robot.lookup("#groundingOutput .grounding-weak").queryAllAs(Text.class));
        assertThat(weak).extracting(Text::getText).containsExactly("The X200 headphones come with a 2-year warranty.");
        assertThat(tooltipOf(weak.get(0))).isEqualTo("5 of 6 content words of this sentence appear in document "
                + "kb-warranty-002; not in it: 2; a number that document lacks makes the sentence weak at best.");

        String warrantyDocument = new TraceQueries(window.viewModel().session().workspace().orElseThrow().dsl())
                .trace(WRONG_WARRANTY).orElseThrow().spans().stream().flatMap(span -> span.documents().stream())
                .filter(document -> "kb-warranty-002".equals(document.documentId())).map(SpanDocument::content)
                .findFirst().orElseThrow();
        List<Text> passages = List.copyOf(robot.lookup("#groundingDocuments .grounding-passage").queryAllAs(Text.class));
        assertThat(passages).isNotEmpty().anySatisfy(passage -> {
            assertThat(warrantyDocument).contains(passage.getText());
            assertThat(tooltipOf(passage)).startsWith("Shares with the output: ").contains("warranty");
        });

        scrollTo(robot, "#groundingSection");
        robot.interact(() -> {
            try {
                SceneSnapshot.write(window.stage().getScene(), "trace-grounding");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(window.guard().violations()).isEmpty();
    }

    /** Scrolls the provenance panel so the node is at the top, for the screenshot. */
    private static void scrollTo(FxRobot robot, String id) {
        robot.interact(() -> {
            ScrollPane scroll = robot.lookup(".provenance-scroll").queryAs(ScrollPane.class);
            Node target = robot.lookup(id).query();
            Node content = scroll.getContent();
            Bounds inContent = content.sceneToLocal(target.localToScene(target.getLayoutBounds()));
            double hidden = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(hidden <= 0 ? 0 : Math.min(1, inContent.getMinY() / hidden));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
