package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.ingest.ImportQueries.ImportRow;
import dev.tracedesk.ingest.ImportsViewModel;
import dev.tracedesk.ingest.TestImports;
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
        ImportsViewModel imports = new ImportsViewModel(tasks, session.statsProperty(), session::workspace,
                TestImports.scriptedServices());
        return new MainViewModel(session, tasks, UiPreferences.load(preferencesFile()), sampleData, imports, "1.2.3");
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
        assertThat(viewModel.sampleOfferText().get()).contains("Load the sample data (2 files");
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
    void importingShowsTheImportsSectionAndRefreshesTheCounts() throws Exception {
        MainViewModel viewModel = viewModel();
        session.open(WorkspaceLocation.h2(folder.resolve("ws")));
        Path file = TestImports.script(folder, "run.jsonl", TestImports.span("t1", "a"), TestImports.span("t1", "b"));

        viewModel.importFiles(List.of(file));

        assertThat(viewModel.selectedSectionProperty().get()).isEqualTo(Section.IMPORTS);
        assertThat(viewModel.countsText().get()).startsWith("1 trace · 2 spans");
        assertThat(viewModel.imports().rows()).extracting(ImportRow::fileName).containsExactly("run.jsonl");
        assertThat(viewModel.noticeProperty().get()).isEmpty();
    }

    @Test
    void importingBeforeTheWorkspaceIsOpenImportsNothingAndTheNoticeSaysWhy() {
        MainViewModel viewModel = viewModel();
        assertThat(viewModel.canImport().get()).isFalse();

        viewModel.importFiles(List.of(Path.of("/tmp/run.jsonl")));

        assertThat(viewModel.noticeProperty().get()).contains("No workspace is open");
        assertThat(viewModel.selectedSectionProperty().get()).isEqualTo(Section.REVIEW);
        viewModel.dismissNotice();
        assertThat(viewModel.noticeProperty().get()).isEmpty();
    }

    @Test
    void loadingSampleDataImportsEveryFileTheIndexListsUnderItsOwnName() {
        MainViewModel viewModel = viewModel(new SampleDataCatalog("/sample-data-importable/"));
        session.open(WorkspaceLocation.h2(folder.resolve("ws")));
        assertThat(viewModel.sampleOfferVisible().get()).isTrue();
        assertThat(viewModel.canLoadSampleData().get()).isTrue();

        viewModel.loadSampleData();

        assertThat(viewModel.imports().rows()).extracting(ImportRow::fileName)
                .containsExactly("run-two.jsonl", "rag-traces.jsonl");
        assertThat(viewModel.imports().lastSummaryProperty().get().title()).isEqualTo("Imported 2 files");
        assertThat(viewModel.sampleOfferVisible().get()).isFalse();
        assertThat(viewModel.selectedSectionProperty().get()).isEqualTo(Section.IMPORTS);
    }

    @Test
    void sampleDataCannotBeLoadedWhenTheBuildHasNone() {
        MainViewModel viewModel = viewModel();
        session.open(WorkspaceLocation.h2(folder.resolve("ws")));

        assertThat(viewModel.sampleDataAvailable().get()).isFalse();
        assertThat(viewModel.canLoadSampleData().get()).isFalse();
    }

    @Test
    void aSecondImportWhileOneRunsIsRefusedAndTheNoticeSaysSo() throws Exception {
        HeldTaskRunner held = new HeldTaskRunner();
        WorkspaceSession heldSession = new WorkspaceSession(held, Workspace::open);
        ImportsViewModel imports = new ImportsViewModel(held, heldSession.statsProperty(), heldSession::workspace,
                TestImports.scriptedServices());
        MainViewModel viewModel = new MainViewModel(heldSession, held, UiPreferences.load(preferencesFile()),
                new SampleDataCatalog("/no-such-sample-data/"), imports, "1.2.3");
        try {
            heldSession.open(WorkspaceLocation.h2(folder.resolve("ws")));
            held.runPending();
            Path first = TestImports.script(folder, "first.jsonl", TestImports.span("t1", "a"));
            Path second = TestImports.script(folder, "second.jsonl", TestImports.span("t2", "a"));

            viewModel.importFiles(List.of(first));
            assertThat(viewModel.canImport().get()).isFalse();
            viewModel.importFiles(List.of(second));

            assertThat(viewModel.noticeProperty().get()).contains("already running").contains("second.jsonl");
            held.runPending();
            assertThat(viewModel.canImport().get()).isTrue();
            assertThat(imports.rows()).extracting(ImportRow::fileName).containsExactly("first.jsonl");
        } finally {
            heldSession.close();
        }
    }

    @Test
    void aboutNamesTheVersion() {
        assertThat(viewModel().aboutTitle()).isEqualTo("Tracedesk 1.2.3");
    }
}
