package dev.tracedesk.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.datasets.export.AssertionStyle;
import dev.tracedesk.datasets.export.ExportFormat;
import dev.tracedesk.datasets.export.ExportResult;
import dev.tracedesk.review.GoldenSet;
import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.review.ReviewViewModel;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.stats.WorkspaceStats;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.ui.StatsFixtures;

/**
 * The Datasets section's view model and the review desk's golden set over a real workspace (the
 * real promptfoo run, reviewed), their work run in place.
 */
class DatasetsViewModelTest {

    @TempDir
    Path tempDir;

    private final SimpleObjectProperty<WorkspaceStats> stats = new SimpleObjectProperty<>(StatsFixtures.empty());
    private final SimpleStringProperty reviewer = new SimpleStringProperty("dana");
    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();

    private DatasetsViewModel viewModel(EngineWorkspace workspace) {
        return new DatasetsViewModel(tasks, stats, () -> Optional.of(workspace.workspace()), reviewer,
                Clock.systemUTC(), "tracedesk test");
    }

    private static LabelDraft pass() {
        return LabelDraft.of(Verdict.PASS);
    }

    @Test
    void theSectionListsDatasetsWithTheirVersionsAndMarksWhatChangedSinceTheVersionBefore() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            ReviewTestData.importFile(workspace.dsl(), ReviewTestData.PROMPTFOO_RUN);
            List<Long> items = ReviewTestData.itemIds(workspace.dsl(), ReviewTestData.queueOfAllCases(workspace.dsl(), "cases"));
            ReviewLabels labels = new ReviewLabels(workspace.dsl(), Clock.systemUTC());
            List<Long> usable = new ArrayList<>();
            Datasets datasets = new Datasets(workspace.dsl(), Clock.systemUTC());
            datasets.create("capitals", null, null);
            for (long item : items) {
                labels.label(item, "dana", new LabelDraft(Verdict.FAIL, List.of(), Map.of(), "Corrected " + item, null, Map.of()));
                usable.add(item);
            }
            datasets.add("capitals", List.of(ItemSource.reviewItem(usable.get(0)), ItemSource.reviewItem(usable.get(1))));
            datasets.publish("capitals", "dana", "baseline");
            datasets.add("capitals", List.of(ItemSource.reviewItem(usable.get(2))));

            DatasetsViewModel viewModel = viewModel(workspace);
            viewModel.refresh();

            assertThat(viewModel.datasets()).extracting(DatasetSummary::name).containsExactly("capitals");
            assertThat(viewModel.versions()).extracting(DatasetVersion::label)
                    .as("the draft first, then the newest published").containsExactly("capitals@draft", "capitals@1");
            assertThat(viewModel.selectedVersionProperty().get().label()).as("the newest published is shown")
                    .isEqualTo("capitals@1");
            assertThat(viewModel.items()).hasSize(2).allMatch(row -> row.change() == ItemRow.Change.SAME);
            assertThat(viewModel.comparisonProperty().get()).isEqualTo("The first version.");
            assertThat(viewModel.items().get(0).expectedPreview()).startsWith("Corrected ");

            viewModel.selectedVersionProperty().set(viewModel.versions().get(0));
            assertThat(viewModel.items()).hasSize(3);
            assertThat(viewModel.items()).filteredOn(row -> row.change() == ItemRow.Change.ADDED).hasSize(1);
            assertThat(viewModel.comparisonProperty().get()).isEqualTo("Compared with v1: 1 added, 0 changed, 0 removed.");

            // publish from the section: the new version is chosen and carries its tag
            viewModel.publish(List.of("prod"));
            assertThat(viewModel.statusProperty().get()).startsWith("Published capitals@2: 3 items, content hash ");
            assertThat(viewModel.selectedVersionProperty().get().label()).isEqualTo("capitals@2");
            assertThat(viewModel.selectedVersionProperty().get().tags()).containsExactly("prod");
            assertThat(viewModel.versions()).extracting(DatasetVersion::label)
                    .containsExactly("capitals@draft", "capitals@2", "capitals@1");

            // the draft: a split moves, an item leaves; a published version refuses both
            viewModel.selectedVersionProperty().set(viewModel.versions().get(0));
            String key = viewModel.items().get(0).item().itemKey();
            viewModel.setSplit(key, "validation");
            assertThat(viewModel.items()).filteredOn(row -> row.item().itemKey().equals(key))
                    .extracting(row -> row.item().split()).containsExactly("validation");
            viewModel.remove(key);
            assertThat(viewModel.items()).hasSize(2).noneMatch(row -> row.item().itemKey().equals(key));
            viewModel.selectedVersionProperty().set(viewModel.versions().get(1));
            viewModel.remove(viewModel.items().get(0).item().itemKey());
            assertThat(viewModel.statusProperty().get()).startsWith("Published versions never change");
            assertThat(viewModel.items()).hasSize(3);

            // a tag refused with the store's reason
            viewModel.tag("draft");
            assertThat(viewModel.statusProperty().get()).contains("\"draft\" always names the draft");
        }
    }

    @Test
    void exportFromTheSectionWritesTheFileAndItsManifestAndRemembersTheFolder() throws Exception {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            ReviewTestData.importFile(workspace.dsl(), ReviewTestData.PROMPTFOO_RUN);
            long item = ReviewTestData.itemIds(workspace.dsl(), ReviewTestData.queueOfAllCases(workspace.dsl(), "cases")).get(0);
            new ReviewLabels(workspace.dsl(), Clock.systemUTC()).label(item, "dana",
                    new LabelDraft(Verdict.FAIL, List.of(), Map.of(), "Write to ops@example.com for Canberra.", null, Map.of()));
            Datasets datasets = new Datasets(workspace.dsl(), Clock.systemUTC());
            datasets.create("capitals", null, null);
            datasets.add("capitals", List.of(ItemSource.reviewItem(item)));
            datasets.publish("capitals", "dana");
            new RedactionSets(workspace.dsl(), Clock.systemUTC()).save(new dev.tracedesk.datasets.export.RedactionSet(
                    "cities", List.of("email"), List.of(new dev.tracedesk.datasets.export.RedactionSet.CustomRule(
                            "capital", "Canberra", "[CITY]"))));
            DatasetsViewModel viewModel = viewModel(workspace);
            viewModel.refresh();
            List<RedactionChoice> choices = new ArrayList<>();
            viewModel.loadRedactionChoices(choices::addAll);
            assertThat(choices).extracting(RedactionChoice::label).hasSize(3).first().asString().startsWith("None");
            assertThat(choices.get(2).label()).isEqualTo("Saved set: cities (2 rules)");

            Path out = tempDir.resolve("exports").resolve(ExportRequest.fileName(viewModel.selectedVersionProperty().get(),
                    ExportFormat.OPENAI_CHAT));
            Files.createDirectories(out.getParent());
            List<ExportResult> results = new ArrayList<>();
            viewModel.export(new ExportRequest(viewModel.selectedVersionProperty().get(), ExportFormat.OPENAI_CHAT,
                    AssertionStyle.EQUALS, choices.get(2).choice(), out), results::add);

            assertThat(out.getFileName().toString()).isEqualTo("capitals-v1.openai-chat.jsonl");
            assertThat(results).singleElement().satisfies(result -> {
                assertThat(result.written()).isEqualTo(1);
                assertThat(result.redactions()).containsEntry("email", 1).containsEntry("capital", 1);
                assertThat(result.manifest()).exists();
            });
            assertThat(Files.readString(out)).contains("[REDACTED:email]", "[CITY]")
                    .doesNotContain("ops@example.com").doesNotContain("Canberra");
            assertThat(Files.readString(results.get(0).manifest())).as("the manifest names the set").contains("\"cities\"");
            assertThat(viewModel.statusProperty().get()).isEqualTo("Wrote 1 item to " + out + "; 2 values masked.");
            assertThat(viewModel.exportFolder()).isEqualTo(out.toAbsolutePath().getParent());

            // a file where a folder should be: nothing written, the status says why and names the path
            Path blocked = out.resolve("inside-a-file.jsonl");
            results.clear();
            viewModel.export(new ExportRequest(viewModel.selectedVersionProperty().get(), ExportFormat.CSV,
                    AssertionStyle.EQUALS, RedactionChoice.NONE.choice(), blocked), results::add);
            assertThat(results).isEmpty();
            assertThat(viewModel.statusProperty().get()).startsWith("Not exported: ").contains("inside-a-file.jsonl");
        }
    }

    @Test
    void theDesksAKeySavesAnUnsavedVerdictThenAddsTheItemAndMovesOnButRefusesAFailWithoutCorrection() {
        try (EngineWorkspace workspace = EngineWorkspace.open("h2", tempDir)) {
            ReviewTestData.importFile(workspace.dsl(), ReviewTestData.PROMPTFOO_RUN);
            ReviewTestData.queueOfAllCases(workspace.dsl(), "cases");
            List<String> refreshed = new ArrayList<>();
            GoldenSetDesk golden = new GoldenSetDesk(tasks, () -> Optional.of(workspace.workspace()), reviewer,
                    Clock.systemUTC(), () -> refreshed.add("datasets"));
            ReviewViewModel desk = new ReviewViewModel(tasks, stats, () -> Optional.of(workspace.workspace()), reviewer,
                    link -> { }, Clock.systemUTC());
            desk.goldenSetKeys().use(golden);
            desk.refresh();
            new Datasets(workspace.dsl(), Clock.systemUTC()).create("capitals", null, null);

            desk.addToGoldenSet();
            assertThat(desk.statusProperty().get()).isEqualTo("Choose a golden set first: Shift+A.");

            golden.chooseForTest("capitals");
            long first = desk.currentProperty().get().item().itemId();
            desk.chooseVerdict(Verdict.FAIL);
            desk.addToGoldenSet();
            assertThat(desk.statusProperty().get()).as("saved, then refused: a fail needs a correction")
                    .startsWith("Not added to capitals: ").contains("correction");
            assertThat(desk.currentProperty().get().item().itemId()).as("stays on the item").isEqualTo(first);

            desk.form().correctionProperty().set("Canberra");
            desk.addToGoldenSet();
            assertThat(desk.statusProperty().get()).isEqualTo("Added item " + first
                    + " to capitals (draft: 1 items) — Ctrl+Shift+P publishes it.");
            assertThat(desk.currentProperty().get().item().itemId()).as("moved on").isNotEqualTo(first);
            assertThat(refreshed).as("the Datasets section is told").isNotEmpty();

            // the label went into the log once per change: fail, then fail with the correction
            assertThat(new ReviewLabels(workspace.dsl(), Clock.systemUTC()).history(first)).hasSize(2);
            DatasetItem item = new Datasets(workspace.dsl(), Clock.systemUTC())
                    .items(new Datasets(workspace.dsl(), Clock.systemUTC()).resolve("capitals@draft")).get(0);
            assertThat(item.expectedOutput()).isEqualTo("Canberra");
            assertThat(item.reviewer()).isEqualTo("dana");

            // back on it, unchanged: A adds again (replacing) without a third label
            desk.previous();
            desk.addToGoldenSet();
            assertThat(desk.statusProperty().get()).startsWith("Updated item " + first + " in capitals");
            assertThat(new ReviewLabels(workspace.dsl(), Clock.systemUTC()).history(first)).hasSize(2);
            assertThat(GoldenSet.NONE.targetProperty().get()).isEmpty();
        }
    }
}
