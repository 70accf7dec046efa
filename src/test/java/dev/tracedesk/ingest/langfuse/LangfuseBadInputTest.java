package dev.tracedesk.ingest.langfuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.CheckTarget;
import dev.tracedesk.ingest.model.Rejection;
import dev.tracedesk.ingest.source.ImportSource;

/** Broken and odd input: what was readable is kept, each bad record is rejected with where and why. */
class LangfuseBadInputTest {

    private static final String OBSERVATION_1 = "{\"id\":\"o1\",\"traceId\":\"t1\",\"type\":\"SPAN\",\"startTime\":\"2025-10-01T12:00:00Z\"}";
    private static final String OBSERVATION_2 = "{\"id\":\"o2\",\"traceId\":\"t1\",\"type\":\"GENERATION\",\"startTime\":\"2025-10-01T12:00:01Z\","
            + "\"parentObservationId\":\"o1\",\"model\":\"gpt-4o-mini\"}";

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private CollectingSink read(Path file) throws IOException {
        return LangfuseFixtures.read(file);
    }

    @Test
    void anEmptyFileIsUnreadableWithAMessageNamingItAndWhatWasExpected() throws IOException {
        for (String content : new String[] {"", "  \n\n \r\n"}) {
            Path empty = file("empty.jsonl", content);
            assertThatThrownBy(() -> read(empty)).isInstanceOf(IOException.class)
                    .hasMessageContaining("empty.jsonl is empty")
                    .hasMessageContaining("Langfuse traces, observations or scores");
        }
    }

    @Test
    void aTruncatedTraceDocumentIsUnreadableAndItsTextIsKeptAsARejection() throws IOException {
        String whole = Files.readString(LangfuseFixtures.path("api-trace-rag.json"));
        Path truncated = file("trace.json", whole.substring(0, whole.length() / 2));
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> new LangfuseReader().read(ImportSource.of(truncated), sink))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("trace.json is not readable as Langfuse JSON");
        assertThat(sink.spans).isEmpty();
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("$");
            assertThat(rejection.lineNumber()).isEqualTo(1);
            assertThat(rejection.rawText()).isEqualTo(whole.substring(0, whole.length() / 2));
            assertThat(rejection.reason()).contains("the JSON breaks here");
        });
    }

    @Test
    void anArrayCutOffInItsThirdElementKeepsTheFirstTwoAndRejectsTheThird() throws IOException {
        String third = "{\"id\":\"o3\",\"traceId\":\"t1\",\"type\":\"EVENT\",\"sta";
        CollectingSink sink = read(file("observations.json", "[\n" + OBSERVATION_1 + ",\n" + OBSERVATION_2 + ",\n" + third));
        assertThat(sink.spans).extracting(span -> span.spanId).containsExactly("o1", "o2");
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("$[2]");
            assertThat(rejection.lineNumber()).isEqualTo(4);
            assertThat(rejection.rawText()).isEqualTo(third);
        });
    }

    @Test
    void aListResponseCutOffKeepsTheElementsBeforeTheBreak() throws IOException {
        CollectingSink sink = read(file("page.json", "{\"data\": [" + OBSERVATION_1 + ", " + OBSERVATION_2 + ", {\"id\": \"o3\""));
        assertThat(sink.spans).extracting(span -> span.spanId).containsExactly("o1", "o2");
        assertThat(sink.rejections).extracting(Rejection::locator).containsExactly("$.data[2]");
    }

    @Test
    void aNullLineAndANullArrayElementAreRejectedAndTheirNeighboursKept() throws IOException {
        CollectingSink lines = read(file("obs.jsonl", OBSERVATION_1 + "\r\nnull\r\n" + OBSERVATION_2 + "\r\n"));
        assertThat(lines.spans).extracting(span -> span.spanId).containsExactly("o1", "o2");
        assertThat(lines.rejections).extracting(Rejection::locator, Rejection::lineNumber, Rejection::rawText, Rejection::reason)
                .containsExactly(tuple("line 2", 2L, "null", "expected a Langfuse trace, observation or score object, found null"));

        CollectingSink array = read(file("obs.json", "[" + OBSERVATION_1 + ", null, " + OBSERVATION_2 + "]"));
        assertThat(array.spans).extracting(span -> span.spanId).containsExactly("o1", "o2");
        assertThat(array.rejections).extracting(Rejection::locator, Rejection::rawText).containsExactly(tuple("$[1]", "null"));
    }

    @Test
    void aLineOfInvalidUtf8IsRejectedOnItsOwn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((OBSERVATION_1 + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"id\":\"o9\",\"traceId\":\"t1\",\"type\":\"SPAN\",\"name\":\"caf".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xE9, (byte) 0xFF});
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes((OBSERVATION_2 + "\n").getBytes(StandardCharsets.UTF_8));
        CollectingSink sink = read(file("obs.jsonl", bytes.toByteArray()));
        assertThat(sink.spans).extracting(span -> span.spanId).containsExactly("o1", "o2");
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("line 2");
            assertThat(rejection.reason()).contains("invalid UTF-8");
            assertThat(rejection.rawText()).startsWith("{\"id\":\"o9\"");
        });
    }

    @Test
    void aJsonlFileCutOffMidLineRejectsOnlyTheLastLine() throws IOException {
        CollectingSink sink = read(file("obs.jsonl", OBSERVATION_1 + "\n" + OBSERVATION_2 + "\n{\"id\":\"o3\",\"trace"));
        assertThat(sink.spans).hasSize(2);
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("line 3");
            assertThat(rejection.reason()).startsWith("not valid JSON");
        });
    }

    @Test
    void aJsonlFileWhoseFirstLineIsBrokenIsStillReadLineByLine() throws IOException {
        CollectingSink sink = read(file("obs.jsonl", "{\"id\":\"o0\",\"trace\n" + OBSERVATION_1 + "\n" + OBSERVATION_2 + "\n"));
        assertThat(sink.spans).extracting(span -> span.spanId).containsExactly("o1", "o2");
        assertThat(sink.rejections).extracting(Rejection::locator).containsExactly("line 1");
    }

    @Test
    void aFileWithNoReadableLineIsUnreadableButItsLinesAreKept() throws IOException {
        Path garbage = file("notes.jsonl", "hello\n42\n{\"unrelated\":true}\n");
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> new LangfuseReader().read(ImportSource.of(garbage), sink))
                .isInstanceOf(IOException.class).hasMessageContaining("No line of notes.jsonl is a Langfuse record");
        assertThat(sink.rejections).extracting(Rejection::locator).containsExactly("line 1", "line 2", "line 3");
        assertThat(sink.rejections.get(2).reason()).startsWith("not a Langfuse trace, observation or score");
    }

    @Test
    void aBinaryFileIsUnreadable() throws IOException {
        Path binary = file("export.parquet", new byte[] {'P', 'A', 'R', '1', 0, 0, 0, 1, 2, 0, 0, 0, 3, 0});
        assertThatThrownBy(() -> read(binary)).isInstanceOf(IOException.class).hasMessageContaining("binary");
    }

    @Test
    void anObservationWithoutIdOrTraceIsRejectedWithTheReason() throws IOException {
        CollectingSink sink = read(file("obs.jsonl",
                "{\"traceId\":\"t1\",\"type\":\"SPAN\",\"startTime\":\"2025-10-01T12:00:00Z\"}\n"
                        + "{\"id\":\"o5\",\"traceId\":\"\",\"type\":\"SPAN\",\"start_time\":\"2025-10-01 12:00:00\"}\n"
                        + OBSERVATION_1 + "\n"));
        assertThat(sink.spans).hasSize(1);
        assertThat(sink.rejections).extracting(Rejection::reason)
                .containsExactly("the observation has no id", "not a Langfuse trace, observation or score: an observation has "
                        + "traceId/trace_id with type and startTime/start_time, a score has name and value, a trace has id and timestamp");
    }

    @Test
    void aBadObservationInsideATraceIsRejectedAndTheRestOfTheTraceKept() throws IOException {
        CollectingSink sink = read(file("trace.json", "{\n\"id\":\"t1\",\"timestamp\":\"2025-10-01T12:00:00Z\",\"observations\":["
                + OBSERVATION_1 + ", {\"type\":\"SPAN\",\"traceId\":\"t1\"}, 7],"
                + "\"scores\":[{\"id\":\"s1\",\"traceId\":\"t1\",\"observationId\":\"elsewhere\",\"name\":\"n\",\"value\":1,"
                + "\"dataType\":\"NUMERIC\",\"source\":\"EVAL\"}, {\"id\":\"s2\",\"value\":3}]}"));
        assertThat(sink.spans).extracting(span -> span.spanId, span -> span.parentSpanId)
                .containsExactly(tuple("t1", null), tuple("o1", "t1"));
        assertThat(sink.rejections).extracting(Rejection::locator, Rejection::reason).containsExactly(
                tuple("$.observations[1]", "the observation has no id"),
                tuple("$.observations[2]", "expected an observation object, found number"),
                tuple("$.scores[1]", "the score s2 has no name"));
        assertThat(sink.checkTargets).as("a score for an observation not in the trace goes to the sink on its own")
                .containsExactly(new CheckTarget("t1", "elsewhere"));
    }

    @Test
    void anObservationThatReusesItsTracesIdIsRejectedAndARepeatedOneIsLeftToTheWriter() throws IOException {
        CollectingSink sink = read(file("trace.jsonl", "{\"id\":\"t1\",\"timestamp\":\"2025-10-01T12:00:00Z\",\"observations\":["
                + "{\"id\":\"t1\",\"type\":\"SPAN\",\"startTime\":\"2025-10-01T12:00:00Z\"}," + OBSERVATION_1 + "," + OBSERVATION_1 + "]}\n"));
        assertThat(sink.spans).extracting(span -> span.spanId).containsExactly("t1", "o1", "o1");
        assertThat(sink.rejections).extracting(Rejection::locator, Rejection::reason)
                .containsExactly(tuple("line 1, observations[0]", "observation t1 has its trace's id, which the trace's own span has"));
    }

    @Test
    void unknownFieldsAreKeptAndNumbersWrittenAsStringsAreRead() throws IOException {
        CollectingSink sink = read(file("obs.jsonl", "{\"id\":\"o1\",\"traceId\":\"t1\",\"type\":\"GENERATION\","
                + "\"startTime\":\"2025-10-01T12:00:00Z\",\"model\":\"m\",\"usageDetails\":{\"input\":\"12\",\"output\":\"3\"},"
                + "\"costDetails\":{\"input\":\"0.001\",\"output\":\"0.002\"},\"futureField\":{\"nested\":[1,2]}}\n"));
        var span = sink.span("o1");
        assertThat(span.attributesJson).contains("\"futureField\":{\"nested\":[1,2]}");
        assertThat(span.inputTokens).isEqualTo(12);
        assertThat(span.outputTokens).isEqualTo(3);
        assertThat(span.totalTokens).as("not reported; the writer sums input and output").isNull();
        assertThat(span.costUsd).as("the reported parts, summed when no total is given").isEqualByComparingTo("0.003");
    }

    @Test
    void severalDocumentsOneAfterAnotherAreAllRead() throws IOException {
        CollectingSink sink = read(file("two.json", "{\n  \"data\": [" + OBSERVATION_1 + "]\n}\n{\n  \"data\": [" + OBSERVATION_2 + "]\n}\n"));
        assertThat(sink.spans).extracting(span -> span.spanId).containsExactly("o1", "o2");
        assertThat(sink.rejections).isEmpty();
    }
}
