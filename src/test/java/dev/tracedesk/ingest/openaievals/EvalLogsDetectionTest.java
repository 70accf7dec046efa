package dev.tracedesk.ingest.openaievals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.ImportSource;

/** The standard registry tells these eval logs apart by their content, whatever their names. */
class EvalLogsDetectionTest {

    @TempDir
    Path dir;

    private Path copy(String resource, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "/fixtures/inspect/input-task.json, INSPECT_JSON",
        "/fixtures/openai-evals/auto-gpt-benchmarks-oaieval-test-match.jsonl, OPENAI_EVALS_LOG",
        "/fixtures/openai-evals/openai-evals-items.jsonl, OPENAI_EVALS_ITEMS",
    })
    void eachRealFileIsDetectedAsItsFormatEvenUnderAMisleadingName(String resource, ImportFormat format) throws IOException {
        Path file = copy(resource, "export.txt");

        assertThat(FormatReaders.standard().detect(ImportSource.of(file)))
                .map(FormatReader::format).contains(format);
    }

    @Test
    void anInspectZipIsDetectedAsAnEvalLog() throws IOException {
        Path file = dir.resolve("log.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> entry : Map.of("header.json", "{}", "samples/1_epoch_1.json", "{}").entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }

        assertThat(FormatReaders.standard().detect(ImportSource.of(file)))
                .map(FormatReader::format).contains(ImportFormat.INSPECT_EVAL);
    }
}
