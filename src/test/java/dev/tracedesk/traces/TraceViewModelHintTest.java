package dev.tracedesk.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.grounding.SentenceGrounding;
import dev.tracedesk.grounding.Verdict;
import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.TestImports;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** The trace view model computes each LLM call's groundedness hint with the trace (fixtures/openinference). */
class TraceViewModelHintTest {

    private static final String WRONG_WARRANTY = "ca6d2fd0def76419239d9e6e7e0dc306";

    @TempDir
    Path tempDir;

    private Workspace workspace;

    @BeforeEach
    void open() throws URISyntaxException {
        workspace = Workspace.open(WorkspaceLocation.h2(tempDir.resolve("ws")));
        Path file = Path.of(getClass().getResource("/fixtures/openinference/traces.jsonl").toURI());
        new ImportService(workspace.dsl(), FormatReaders.standard()).importFile(file, Optional.empty(),
                TestImports.NEVER_CANCELLED);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void theOpenedLlmCallHasItsHintAndTheOtherSpansHaveNone() {
        TraceViewModel trace = new TraceViewModel(new ImmediateTaskRunner(), () -> Optional.of(workspace));

        trace.open(WRONG_WARRANTY, null);

        SpanDetail llm = trace.selectedSpanProperty().get();
        assertThat(llm.kind()).isEqualTo("LLM");
        SpanHint hint = trace.hintOf(llm).orElseThrow();
        SentenceGrounding sentence = hint.result().sentences().get(0);
        assertThat(hint.output().substring(sentence.start(), sentence.end()))
                .isEqualTo("The X200 headphones come with a 2-year warranty.");
        assertThat(sentence.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(hint.summary()).isEqualTo("1 of 1 sentence has little support in the retrieved context");
        assertThat(hint.result().documents()).anySatisfy(document -> {
            assertThat(document.document().documentId()).isEqualTo("kb-warranty-002");
            assertThat(document.passages()).isNotEmpty();
        });
        trace.traceProperty().get().spans().stream().filter(span -> !span.kind().equals("LLM"))
                .forEach(span -> assertThat(trace.hintOf(span)).as(span.name()).isEmpty());
    }

    @Test
    void noSpanHasAHintWhenNoTraceIsOpen() {
        TraceViewModel trace = new TraceViewModel(new ImmediateTaskRunner(), Optional::empty);

        assertThat(trace.hintOf(null)).isEmpty();
    }
}
