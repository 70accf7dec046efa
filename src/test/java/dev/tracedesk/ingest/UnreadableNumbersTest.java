package dev.tracedesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/**
 * A number no Java type holds (an exponent of twenty digits) in one record of a real file never
 * aborts the import: that record is rejected or its value dropped, and the others import.
 */
class UnreadableNumbersTest {

    private static final String HUGE = "1e99999999999999999999";
    private static final Pattern NUMBER_VALUE = Pattern.compile("(:\\s*)(-?\\d+(?:\\.\\d+)?)(?=\\s*[,}\\]])");

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"otel-genai/traces.jsonl", "openinference/traces.jsonl", "openllmetry/traces.jsonl",
            "langfuse-otel/traces.jsonl", "langfuse/blob-observations_v2.jsonl", "langfuse/api-observations.jsonl",
            "promptfoo/results.jsonl", "openai-evals/openai-evals-items.jsonl",
            "openai-evals/auto-gpt-benchmarks-oaieval-test-match.jsonl", "otel-genai/logs.jsonl"})
    void aLineWithUnreadableNumbersIsRejectedAndTheOtherLinesImport(String fixture) throws IOException {
        List<String> lines = Files.readAllLines(fixture(fixture), StandardCharsets.UTF_8);
        int victim = lastLineWithANumber(lines);
        lines.set(victim, everyNumberHuge(lines.get(victim)));
        Path file = Files.write(tempDir.resolve(Path.of(fixture).getFileName()), lines, StandardCharsets.UTF_8);

        ImportResult result = importFile(file);

        assertThat(result.status()).as(result.message()).isIn(ImportStatus.COMPLETED, ImportStatus.COMPLETED_WITH_REJECTS);
        assertThat(result.counts().imported()).as("the other lines import").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"promptfoo/results.json", "inspect/input-task.json", "openinference/rag-trace.json",
            "otel-genai/tool-call-trace.json", "langfuse/api-trace-rag.json", "langfuse/api-observations-page.json"})
    void aDocumentWithAnUnreadableNumberStillImportsWhatItCan(String fixture) throws IOException {
        String text = Files.readString(fixture(fixture), StandardCharsets.UTF_8);
        Matcher first = NUMBER_VALUE.matcher(text);
        assertThat(first.find()).as("the fixture has a number to break").isTrue();
        String broken = text.substring(0, first.start(2)) + HUGE + text.substring(first.end(2));
        Path file = Files.writeString(tempDir.resolve(Path.of(fixture).getFileName()), broken, StandardCharsets.UTF_8);

        ImportResult result = importFile(file);

        assertThat(result.status()).as(result.message()).isIn(ImportStatus.COMPLETED, ImportStatus.COMPLETED_WITH_REJECTS);
        assertThat(result.counts().read()).isPositive();
    }

    private ImportResult importFile(Path file) {
        try (Workspace workspace = Workspace.open(WorkspaceLocation.h2(tempDir.resolve("ws")))) {
            return new ImportService(workspace.dsl(), FormatReaders.standard())
                    .importFile(file, Optional.empty(), TestImports.NEVER_CANCELLED);
        }
    }

    private static int lastLineWithANumber(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (NUMBER_VALUE.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        throw new IllegalStateException("no number in the fixture");
    }

    private static String everyNumberHuge(String line) {
        return NUMBER_VALUE.matcher(line).replaceAll("$1" + HUGE);
    }

    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }
}
