package dev.tracedesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.beans.property.SimpleBooleanProperty;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.ingest.MappingDialogViewModel.State;
import dev.tracedesk.ingest.generic.FieldMapping;
import dev.tracedesk.ingest.generic.FieldMapping.Field;
import dev.tracedesk.ingest.generic.FieldMappings;
import dev.tracedesk.ingest.generic.PreviewRow;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;

/** The field-mapping dialog's state and commands, on a real H2 workspace, without a toolkit. */
class MappingDialogViewModelTest {

    @TempDir
    Path folder;

    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final SimpleBooleanProperty importRunning = new SimpleBooleanProperty();
    private final List<String> importsStarted = new ArrayList<>();
    private Optional<String> importRefusal = Optional.empty();
    private Workspace workspace;

    @BeforeEach
    void openWorkspace() {
        workspace = Workspace.open(TestDatabases.freshLocation("h2", folder));
    }

    @AfterEach
    void closeWorkspace() {
        workspace.close();
    }

    private MappingDialogViewModel dialogFor(Path file) {
        MappingDialogViewModel viewModel = new MappingDialogViewModel(tasks, () -> Optional.of(workspace), file,
                (path, mapping) -> {
                    importsStarted.add(path.getFileName() + " with " + mapping);
                    return importRefusal;
                }, importRunning);
        viewModel.load();
        return viewModel;
    }

    private Path copyOfFixture(String name) throws Exception {
        Path fixture = Path.of(getClass().getResource("/fixtures/generic/" + name).toURI());
        return Files.copy(fixture, folder.resolve(name));
    }

    @Test
    void openingAFileSuggestsAMappingNamedAfterItAndPreviewsItsRecords() throws Exception {
        MappingDialogViewModel viewModel = dialogFor(copyOfFixture("litellm-style-calls.jsonl"));

        assertThat(viewModel.stateProperty().get()).isEqualTo(State.READY);
        assertThat(viewModel.shapeTextProperty().get()).isEqualTo("JSON Lines · 18 fields · previewing all 3 records");
        assertThat(viewModel.nameProperty().get()).isEqualTo("litellm-style-calls");
        assertThat(viewModel.sourceProperty(Field.OUTPUT).get()).isEqualTo("/response/choices/0/message/content");
        assertThat(viewModel.sourceProperty(Field.INPUT).get()).isEmpty();
        assertThat(viewModel.problems()).isEmpty();
        assertThat(viewModel.previewRows()).extracting(PreviewRow::output).containsExactly("30 days.", null, null);
        assertThat(viewModel.previewNoteProperty().get()).isEqualTo("2 calls (1 failed), 1 record rejected");
        assertThat(viewModel.canSaveBinding().get()).isTrue();
    }

    @Test
    void changingASourceUpdatesThePreview() throws Exception {
        MappingDialogViewModel viewModel = dialogFor(copyOfFixture("litellm-style-calls.jsonl"));

        viewModel.sourceProperty(Field.NAME).set("/trace_id");

        assertThat(viewModel.previewRows()).extracting(PreviewRow::name).startsWith("conv-1", "conv-1");
    }

    @Test
    void withoutInputOrOutputTheProblemIsShownInWordsAndSavingIsDisabled() throws Exception {
        MappingDialogViewModel viewModel = dialogFor(copyOfFixture("litellm-style-calls.jsonl"));

        viewModel.sourceProperty(Field.OUTPUT).set("");
        viewModel.sourceProperty(Field.INPUT_MESSAGES).set("  ");
        viewModel.nameProperty().set("no spaces allowed");

        assertThat(viewModel.problems()).containsExactly(
                "The name must be 1–100 letters, digits, '.', '_' or '-'.",
                "Map at least one of input, inputMessages or output.");
        assertThat(viewModel.canSaveBinding().get()).isFalse();
    }

    @Test
    void saveAndImportStoresTheMappingThenStartsTheImportWithIt() throws Exception {
        MappingDialogViewModel viewModel = dialogFor(copyOfFixture("helicone-style-requests.csv"));
        viewModel.nameProperty().set("helicone");
        viewModel.sourceProperty(Field.ERROR).set("status");

        viewModel.saveAndImport();

        FieldMapping saved = new FieldMappings(workspace.dsl()).find("helicone").orElseThrow();
        assertThat(saved.source(Field.ERROR)).isEqualTo("status");
        assertThat(saved.source(Field.INPUT)).isEqualTo("prompt");
        assertThat(importsStarted).containsExactly("helicone-style-requests.csv with helicone");
        assertThat(viewModel.finishedProperty().get()).isTrue();
    }

    @Test
    void whenTheImportCannotStartTheDialogStaysOpenAndSaysWhy() throws Exception {
        MappingDialogViewModel viewModel = dialogFor(copyOfFixture("helicone-style-requests.csv"));
        importRefusal = Optional.of("An import is already running.");

        viewModel.saveAndImport();

        assertThat(viewModel.finishedProperty().get()).isFalse();
        assertThat(viewModel.saveErrorProperty().get())
                .isEqualTo("The mapping was saved, but the import did not start: An import is already running.");
    }

    @Test
    void whileAnotherImportRunsSavingWaits() throws Exception {
        MappingDialogViewModel viewModel = dialogFor(copyOfFixture("helicone-style-requests.csv"));

        importRunning.set(true);

        assertThat(viewModel.canSaveBinding().get()).isFalse();
        importRunning.set(false);
        assertThat(viewModel.canSaveBinding().get()).isTrue();
    }

    @Test
    void startingFromASavedMappingTakesItsNameAndSourcesAndSayingThatSavingReplacesIt() throws Exception {
        new FieldMappings(workspace.dsl()).save(new FieldMapping("mine", Map.of(Field.INPUT, "prompt", Field.NAME, "model")));
        MappingDialogViewModel viewModel = dialogFor(copyOfFixture("helicone-style-requests.csv"));
        assertThat(viewModel.savedMappingNames()).containsExactly("mine");

        viewModel.startFrom("mine");

        assertThat(viewModel.nameProperty().get()).isEqualTo("mine");
        assertThat(viewModel.sourceProperty(Field.NAME).get()).isEqualTo("model");
        assertThat(viewModel.sourceProperty(Field.OUTPUT).get()).isEmpty();
        assertThat(viewModel.nameNoteProperty().get()).isEqualTo("Saving replaces the saved mapping \"mine\".");
        assertThat(viewModel.previewRows()).extracting(PreviewRow::name).startsWith("gpt-4o-mini", "gpt-4o");
    }

    @Test
    void aFileThatCannotBeMappedSaysWhyAndCannotBeSaved() throws Exception {
        Path file = Files.writeString(folder.resolve("notes.txt"), "just some notes\n", StandardCharsets.UTF_8);

        MappingDialogViewModel viewModel = dialogFor(file);

        assertThat(viewModel.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(viewModel.loadErrorProperty().get()).startsWith(file + ", line 1: this is neither JSON Lines nor CSV");
        assertThat(viewModel.canSaveBinding().get()).isFalse();
    }
}
