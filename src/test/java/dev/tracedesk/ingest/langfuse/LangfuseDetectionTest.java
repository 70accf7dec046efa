package dev.tracedesk.ingest.langfuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

/** Detection from content: Langfuse's own records are claimed, other formats' files are not. */
class LangfuseDetectionTest {

    private final LangfuseReader reader = new LangfuseReader();

    @TempDir
    Path dir;

    private int confidenceOf(Path file) throws IOException {
        return reader.confidence(Sniff.of(ImportSource.of(file)));
    }

    private int confidenceOfText(String content) {
        return reader.confidence(Sniff.ofText("export.json", content));
    }

    @Test
    void eachLangfuseFixtureIsClaimedByWhatItsFirstRecordShows() throws IOException {
        assertThat(confidenceOf(LangfuseFixtures.path("api-trace-rag.json"))).isEqualTo(90);
        assertThat(confidenceOf(LangfuseFixtures.path("api-observations.jsonl"))).isEqualTo(90);
        assertThat(confidenceOf(LangfuseFixtures.path("blob-observations_v2.jsonl"))).isEqualTo(90);
        assertThat(confidenceOf(LangfuseFixtures.path("blob-scores.jsonl"))).isEqualTo(85);
        assertThat(confidenceOf(LangfuseFixtures.path("blob-traces.jsonl"))).isEqualTo(80);
    }

    @Test
    void aPrettyPrintedListResponseIsClaimedWeaklyByItsDataAndMetaEnvelope() throws IOException {
        assertThat(confidenceOf(LangfuseFixtures.path("api-observations-page.json"))).isEqualTo(40);
        assertThat(confidenceOf(LangfuseFixtures.path("api-traces-page.json"))).isEqualTo(40);
    }

    @Test
    void aOneLineListResponseIsClaimedByItsFirstElementEvenWhenTheLineIsLongerThanTheSniffWindow() {
        String observation = "{\"id\":\"o1\",\"traceId\":\"t1\",\"type\":\"GENERATION\",\"startTime\":\"2025-10-01T12:00:00Z\","
                + "\"input\":\"" + "x".repeat(Sniff.WINDOW_BYTES) + "\"}";
        assertThat(confidenceOfText("{\"data\":[" + observation + "],\"meta\":{\"page\":1}}")).isEqualTo(90);
        assertThat(confidenceOfText("[" + observation + "]")).isEqualTo(90);
        String cutOff = ("{\"data\":[" + observation).substring(0, Sniff.WINDOW_BYTES);
        assertThat(confidenceOfText(cutOff)).isEqualTo(90);
    }

    @Test
    void aScoreWithAnUnknownSourceOrAnObservationOfAnUnknownTypeIsClaimedOnlyWeakly() {
        assertThat(confidenceOfText("{\"id\":\"s\",\"traceId\":\"t\",\"name\":\"n\",\"value\":1,\"dataType\":\"NUMERIC\",\"source\":\"API\"}"))
                .isEqualTo(85);
        assertThat(confidenceOfText("{\"id\":\"s\",\"name\":\"n\",\"value\":1,\"dataType\":\"NUMERIC\",\"source\":\"robot\"}"))
                .isEqualTo(40);
        assertThat(confidenceOfText("{\"id\":\"o\",\"trace_id\":\"t\",\"type\":\"job\",\"start_time\":\"2025-10-01 12:00:00\"}"))
                .isEqualTo(50);
    }

    /** Every fixture of another format: the tool-written files of tools/fixtures/, real third-party files, bad/. */
    static Stream<String> otherFormatsFixtures() throws IOException {
        Path root = LangfuseFixtures.path("").getParent();
        try (Stream<Path> files = Files.walk(root)) {
            List<String> names = files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith("langfuse/") && name.contains("/"))
                    .filter(name -> !name.endsWith("README.md"))
                    .sorted().toList();
            assertThat(names).as("the shared fixtures are there").contains("langfuse-otel/traces.jsonl", "promptfoo/results.jsonl");
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("otherFormatsFixtures")
    void noFileOfAnotherFormatIsClaimedNotEvenOtlpCarryingLangfuseAttributes(String file) throws IOException {
        assertThat(confidenceOf(LangfuseFixtures.path("").getParent().resolve(file))).isZero();
    }

    @Test
    void recordsOfOtherFormatsThatShareSomeKeysAreNotClaimed() {
        // OTLP/JSON Lines carrying Langfuse's OTel attributes is the OTLP reader's
        assertThat(confidenceOfText("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"t\",\"spanId\":\"s\","
                + "\"attributes\":[{\"key\":\"langfuse.observation.type\",\"value\":{\"stringValue\":\"generation\"}}]}]}]}]}\n"))
                .isZero();
        // promptfoo -o results.jsonl: one EvaluateResult per line
        assertThat(confidenceOfText("{\"id\":\"r1\",\"promptIdx\":0,\"testIdx\":0,\"prompt\":{\"raw\":\"Q\"},\"vars\":{},"
                + "\"response\":{\"output\":\"A\"},\"success\":true,\"score\":1,\"namedScores\":{},\"gradingResult\":null}\n")).isZero();
        // Phoenix REST spans have context.trace_id and span_kind
        assertThat(confidenceOfText("{\"name\":\"llm\",\"context\":{\"trace_id\":\"t\",\"span_id\":\"s\"},\"span_kind\":\"LLM\","
                + "\"parent_id\":null,\"start_time\":\"2025-10-01T12:00:00Z\",\"attributes\":{}}\n")).isZero();
        // LiteLLM's StandardLoggingPayload has trace_id and startTime but no observation type
        assertThat(confidenceOfText("{\"id\":\"c1\",\"trace_id\":\"t\",\"call_type\":\"completion\",\"startTime\":1727784000.1,"
                + "\"model\":\"gpt-4o\"}\n")).isZero();
        // plain JSON with an id and a timestamp is nobody's in particular
        assertThat(confidenceOfText("{\"id\":\"1\",\"timestamp\":\"2025-10-01T12:00:00Z\",\"name\":\"x\"}\n")).isZero();
    }

    @Test
    void emptyAndBinaryContentIsNotClaimed() throws IOException {
        assertThat(confidenceOfText("")).isZero();
        assertThat(confidenceOfText(" \n\n ")).isZero();
        Path binary = dir.resolve("blob.bin");
        Files.write(binary, new byte[] {0, 1, 2, 3, 0, 0, 5, 6, 7, 0, 0, 0});
        assertThat(confidenceOf(binary)).isZero();
    }

    @Test
    void aGzippedExportIsDetectedAndReadThroughItsCompression() throws IOException {
        Path gz = dir.resolve("2025-10-02T09-00-00.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(LangfuseFixtures.path("blob-observations_v2.jsonl"), out);
        }
        assertThat(confidenceOf(gz)).isEqualTo(90);
        assertThat(LangfuseFixtures.read(gz).spans).hasSize(5);
    }

    @Test
    void theStandardReadersDetectLangfuseContentAsLangfuse() throws IOException {
        var detected = FormatReaders.standard().detect(ImportSource.of(LangfuseFixtures.path("blob-observations_v2.jsonl")));
        assertThat(detected).hasValueSatisfying(found -> assertThat(found.format()).isEqualTo(ImportFormat.LANGFUSE));
        assertThat(FormatReaders.standard().forFormat(ImportFormat.LANGFUSE)).isPresent();
    }
}
