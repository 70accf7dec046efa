package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

class MainViewModelTest {

    @TempDir
    Path folder;

    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final WorkspaceSession session = new WorkspaceSession(tasks, Workspace::open);

    @AfterEach
    void closeSession() {
        session.close();
    }

    private MainViewModel viewModel(SampleDataCatalog sampleData) {
        return new MainViewModel(session, tasks, UiPreferences.load(preferencesFile()), sampleData, "1.2.3");
    }

    private MainViewModel viewModel() {
        return viewModel(new SampleDataCatalog("/no-such-sample-data/"));
    }

    private Path preferencesFile() {
        return folder.resolve("home").resolve(UiPreferences.FILE_NAME);
    }

    @Test
    void startsOnReviewAndSelectsWhatItIsTold() {
        MainViewModel viewModel = viewModel();
        assertThat(viewModel.selectedSectionProperty().get()).isEqualTo(Section.REVIEW);

        viewModel.select(Section.INSIGHTS);

        assertThat(viewModel.selectedSectionProperty().get()).isEqualTo(Section.INSIGHTS);
    }

    @Test
    void togglingTheThemeSwitchesItAndRemembersItForTheNextStart() {
        MainViewModel viewModel = viewModel();
        assertThat(viewModel.themeProperty().get()).isEqualTo(Theme.LIGHT);

        viewModel.toggleTheme();

        assertThat(viewModel.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(UiPreferences.load(preferencesFile()).theme()).isEqualTo(Theme.DARK);
        assertThat(viewModel().themeProperty().get()).isEqualTo(Theme.DARK);
    }

    @Test
    void countsReadCountingUntilTheWorkspaceIsOpenThenZeroOfEach() {
        MainViewModel viewModel = viewModel();
        assertThat(viewModel.countsText().get()).isEqualTo("Counting…");

        session.open(WorkspaceLocation.h2(folder.resolve("ws")));

        assertThat(viewModel.countsText().get())
                .isEqualTo("0 traces · 0 spans · 0 eval runs · 0 review items · 0 datasets");
    }

    @Test
    void anEmptyWorkspaceOffersSampleDataAndSaysPlainlyWhenThereIsNone() {
        MainViewModel viewModel = viewModel();
        assertThat(viewModel.sampleOfferVisible().get()).isFalse();

        session.open(WorkspaceLocation.h2(folder.resolve("ws")));

        assertThat(viewModel.sampleOfferVisible().get()).isTrue();
        assertThat(viewModel.sampleOfferText().get()).contains("has no sample data yet");
    }

    @Test
    void theSampleOfferCountsTheFilesTheIndexLists() {
        MainViewModel viewModel = viewModel(new SampleDataCatalog("/sample-data-fixture/"));

        assertThat(viewModel.sampleFilesProperty().get()).containsExactly(
                "/sample-data-fixture/openai-traces.jsonl", "/sample-data-fixture/promptfoo-run.json");
        assertThat(viewModel.sampleOfferText().get()).contains("2 sample files");
    }

    @Test
    void aDismissedSampleOfferStaysDismissedAfterARestart() {
        MainViewModel viewModel = viewModel();
        session.open(WorkspaceLocation.h2(folder.resolve("ws")));

        viewModel.dismissSampleOffer();

        assertThat(viewModel.sampleOfferVisible().get()).isFalse();
        assertThat(viewModel().sampleOfferVisible().get()).isFalse();
    }

    @Test
    void droppedFilesAreNotImportedAndTheNoticeSaysSo() {
        MainViewModel viewModel = viewModel();

        viewModel.requestImport(List.of(Path.of("/tmp/run.jsonl")));

        assertThat(viewModel.noticeProperty().get())
                .contains("arrives in a later version")
                .contains("run.jsonl was not imported");
        viewModel.dismissNotice();
        assertThat(viewModel.noticeProperty().get()).isEmpty();
    }

    @Test
    void theImportCommandExplainsThatImportComesLater() {
        MainViewModel viewModel = viewModel();

        viewModel.requestImport(List.of());

        assertThat(viewModel.noticeProperty().get())
                .isEqualTo("Importing trace and eval files arrives in a later version of Tracedesk.");
    }

    @Test
    void aboutNamesTheVersion() {
        assertThat(viewModel().aboutTitle()).isEqualTo("Tracedesk 1.2.3");
    }
}
