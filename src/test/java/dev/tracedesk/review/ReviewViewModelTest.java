package dev.tracedesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.review.log.DocumentRelevance;
import dev.tracedesk.review.log.LabelEntry;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.ui.StatsFixtures;

/** The review desk's view model over a real workspace, its work run in place. */
class ReviewViewModelTest {

    @TempDir
    Path tempDir;

    private final SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(StatsFixtures.empty());
    private final SimpleStringProperty reviewer = new SimpleStringProperty("ana");
    private final List<ReviewViewModel.TraceLink> opened = new ArrayList<>();

    private ReviewViewModel viewModel(EngineWorkspace workspace) {
        return new ReviewViewModel(new ImmediateTaskRunner(), stats, () -> Optional.of(workspace.workspace()), reviewer,
                opened::add, Clock.systemUTC());
    }

    @Test
    void anEmptyWorkspaceHasNothingToReview() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            ReviewViewModel viewModel = viewModel(workspace);
            viewModel.refresh();

            assertThat(viewModel.summary().titleProperty().get()).isEqualTo("Nothing to review yet");
            assertThat(viewModel.queueList().queues()).extracting(QueueSummary::name).containsExactly(ReviewQueues.FLAGGED);
            assertThat(viewModel.currentProperty().get()).isNull();
        }
    }

    @Test
    void savingMovesOnAndToDoLeavesOutWhatIHaveLabeled() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            ReviewTestData.importFile(workspace.dsl(), ReviewTestData.OTEL_TRACES);
            ReviewTestData.queueOfAllCalls(workspace.dsl(), "calls", 1, false);
            ReviewViewModel viewModel = viewModel(workspace);
            viewModel.refresh();
            int total = viewModel.items().size();
            assertThat(viewModel.queueList().selectedQueueProperty().get().name()).isEqualTo("calls");
            assertThat(viewModel.positionProperty().get()).isEqualTo("Item 1 of " + total);

            viewModel.saveAndNext();
            assertThat(viewModel.statusProperty().get()).startsWith("Choose a verdict");

            long first = viewModel.currentProperty().get().item().itemId();
            viewModel.chooseVerdict(Verdict.FAIL);
            assertThat(viewModel.toggleCategoryKey('r')).isTrue();
            assertThat(viewModel.toggleCategoryKey('z')).as("no category on Z").isFalse();
            viewModel.form().noteProperty().set("missed the refund doc");
            viewModel.saveAndNext();

            assertThat(viewModel.statusProperty().get()).startsWith("Saved at");
            assertThat(viewModel.positionProperty().get()).isEqualTo("Item 2 of " + total);
            assertThat(viewModel.form().verdictProperty().get()).as("a fresh form").isNull();
            assertThat(viewModel.labeledByMe(first)).isTrue();

            viewModel.previous();
            assertThat(viewModel.form().verdictProperty().get()).as("my label, back in the form").isEqualTo(Verdict.FAIL);
            assertThat(viewModel.form().categories()).containsExactly("retrieval miss");

            viewModel.next(); // the labeled item is no longer on screen: a fresh To do leaves it out
            viewModel.reloadItems();
            assertThat(viewModel.items()).hasSize(total - 1).noneMatch(item -> item.itemId() == first);
            viewModel.modeProperty().set(ReviewViewModel.Mode.ALL);
            assertThat(viewModel.items()).hasSize(total);
        }
    }

    @Test
    void undoTakesTheLabelBackAndPutsItsValuesInTheForm() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            ReviewTestData.importFile(workspace.dsl(), ReviewTestData.RAG_TRACE);
            ReviewTestData.queueOfAllCalls(workspace.dsl(), "calls", 1, false);
            ReviewViewModel viewModel = viewModel(workspace);
            viewModel.refresh();
            ReviewItemDetail first = viewModel.currentProperty().get();
            String document = first.evidence().context().get(0).key();

            viewModel.chooseVerdict(Verdict.FAIL);
            viewModel.form().markDocument(document, DocumentRelevance.MISSING_INFORMATION);
            viewModel.editCorrection();
            assertThat(viewModel.form().correctionProperty().get()).as("starts from the output")
                    .isEqualTo(first.evidence().output());
            viewModel.form().correctionProperty().set("A better answer.");
            viewModel.saveAndNext();
            viewModel.undoLast();

            assertThat(viewModel.statusProperty().get()).startsWith("Undid your label");
            assertThat(viewModel.currentProperty().get().item().itemId()).isEqualTo(first.item().itemId());
            assertThat(viewModel.form().verdictProperty().get()).isEqualTo(Verdict.FAIL);
            assertThat(viewModel.form().correctionProperty().get()).isEqualTo("A better answer.");
            assertThat(viewModel.form().relevance()).containsEntry(document, DocumentRelevance.MISSING_INFORMATION);
            List<LabelEntry> history = viewModel.currentProperty().get().history();
            assertThat(history).hasSize(2);
            assertThat(history.get(0).correctedOutput()).isEqualTo("A better answer.");

            viewModel.assignCurrent("bo");
            assertThat(viewModel.items().get(0).assignee()).isEqualTo("bo");
            assertThat(viewModel.statusProperty().get()).isEqualTo("Item " + first.item().itemId() + " is assigned to bo.");
            viewModel.assignCurrent(" ");
            assertThat(viewModel.items().get(0).assignee()).isNull();

            viewModel.openCurrentTrace();
            assertThat(opened).containsExactly(new ReviewViewModel.TraceLink(first.evidence().traceId(),
                    first.evidence().spanId()));
        }
    }

    @Test
    void inABlindQueueOthersLabelsShowOnlyAfterMyOwn() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            ReviewTestData.importFile(workspace.dsl(), ReviewTestData.RAG_TRACE);
            long queue = ReviewTestData.queueOfAllCalls(workspace.dsl(), "blind", 2, true);
            long item = ReviewTestData.itemIds(workspace.dsl(), queue).get(0);
            new ReviewLabels(workspace.dsl(), Clock.systemUTC()).label(item, "bo",
                    dev.tracedesk.review.log.LabelDraft.of(Verdict.PASS));
            ReviewViewModel viewModel = viewModel(workspace);
            viewModel.refresh();
            assertThat(viewModel.currentProperty().get().item().itemId()).isEqualTo(item);

            assertThat(viewModel.visibleHistory()).isEmpty();

            viewModel.chooseVerdict(Verdict.FAIL);
            viewModel.saveAndNext();
            viewModel.modeProperty().set(ReviewViewModel.Mode.ALL);
            assertThat(viewModel.currentProperty().get().item().itemId()).isEqualTo(item);
            assertThat(viewModel.visibleHistory()).extracting(LabelEntry::reviewer).containsExactly("bo", "ana");
            assertThat(viewModel.currentProperty().get().item().state()).isEqualTo(ItemState.DISPUTED);
        }
    }

    @Test
    void aListReadAgainInTheBackgroundKeepsTheLabeledItemOnScreen() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            ReviewTestData.importFile(workspace.dsl(), ReviewTestData.OTEL_TRACES);
            ReviewTestData.queueOfAllCalls(workspace.dsl(), "calls", 1, false);
            ReviewViewModel viewModel = viewModel(workspace);
            viewModel.refresh();
            int total = viewModel.items().size();
            viewModel.next();
            long onScreen = viewModel.currentProperty().get().item().itemId();
            // labeled elsewhere (the CLI, or A's save) while the reviewer looks at it
            new ReviewLabels(workspace.dsl(), Clock.systemUTC()).label(onScreen, "ana",
                    dev.tracedesk.review.log.LabelDraft.of(Verdict.PASS));

            viewModel.refresh(); // what a change in the workspace counts does

            assertThat(viewModel.currentProperty().get().item().itemId()).isEqualTo(onScreen);
            assertThat(viewModel.items()).hasSize(total);
            viewModel.refresh();
            viewModel.next();
            viewModel.refresh();
            assertThat(viewModel.items()).as("once the reviewer moved on, To do leaves it out")
                    .extracting(ReviewItemSummary::itemId).doesNotContain(onScreen);
        }
    }
}
