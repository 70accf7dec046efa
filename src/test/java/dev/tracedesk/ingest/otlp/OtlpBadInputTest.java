package dev.tracedesk.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.model.Rejection;

/** Bad input never aborts what can be read: bad records are rejected whole, an unreadable file names itself. */
class OtlpBadInputTest {

    private final OtlpTracesReader reader = new OtlpTracesReader();

    @TempDir
    Path temp;

    @Test
    void aTruncatedDocumentKeepsTheSpansBeforeTheBreakAndRejectsTheRest() throws IOException {
        String document = """
                {
                  "resourceSpans": [{
                    "scopeSpans": [{
                      "spans": [
                        %s,
                        %s,
                        {"traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "0000000000000003", "na
                """.formatted(span("0000000000000001"), span("0000000000000002"));

        CollectingSink sink = OtlpReading.readText(reader, temp, "cut.json", document);

        assertThat(sink.spans).extracting(span -> span.spanId).containsExactly("0000000000000001", "0000000000000002");
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("$.resourceSpans[0].scopeSpans[0].spans[2]");
            assertThat(rejection.lineNumber()).as("where the broken span starts").isEqualTo(7);
            assertThat(rejection.rawText()).startsWith("{\"traceId\": \"4bf92f3577b34da6a3ce929d0e0e4736\", \"spanId\": \"0000000000000003\"");
            assertThat(rejection.reason()).contains("the JSON breaks").contains("everything before was imported");
        });
    }

    @Test
    void aFileBrokenAtTheTopIsUnreadableAndNamesItself() throws IOException {
        Path file = OtlpReading.write(temp, "top.json", "{\"resourceSp");

        assertThatThrownBy(() -> OtlpReading.read(reader, file)).isInstanceOf(IOException.class)
                .hasMessageContaining("top.json").hasMessageContaining("resourceSpans");
    }

    @Test
    void anEmptyOrBlankFileIsUnreadable() throws IOException {
        Path empty = OtlpReading.write(temp, "empty.jsonl", "");
        Path blank = OtlpReading.write(temp, "blank.jsonl", " \n\n\t\n");

        assertThatThrownBy(() -> OtlpReading.read(reader, empty)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty.jsonl is empty");
        assertThatThrownBy(() -> OtlpReading.read(reader, blank)).isInstanceOf(IOException.class)
                .hasMessageContaining("blank.jsonl is empty");
    }

    @Test
    void aBinaryFileIsUnreadable() throws IOException {
        Path binary = Files.write(temp.resolve("spans.jsonl"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0x7f, 10, 0});

        assertThatThrownBy(() -> OtlpReading.read(reader, binary)).isInstanceOf(IOException.class)
                .hasMessageContaining("spans.jsonl is not OTLP/JSON");
    }

    @Test
    void aFileOfOtherJsonIsNotOtlp() throws IOException {
        Path lines = OtlpReading.write(temp, "results.jsonl", "{\"vars\":{},\"success\":true}\n{\"vars\":{}}\n");
        Path document = OtlpReading.write(temp, "results.json", "{\n  \"evalId\": \"e\",\n  \"results\": {}\n}\n");

        assertThatThrownBy(() -> OtlpReading.read(reader, lines)).isInstanceOf(IOException.class)
                .hasMessageContaining("results.jsonl is not OTLP/JSON");
        assertThatThrownBy(() -> OtlpReading.read(reader, document)).isInstanceOf(IOException.class)
                .hasMessageContaining("results.json is not OTLP/JSON");
    }

    @Test
    void aLineOfInvalidUtf8IsRejectedAndTheOtherLinesImported() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((envelope(span("0000000000000001")) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.write(envelope(span("0000000000000002")).replace("\"name\":\"s\"", "\"name\":\"\u0001\"")
                .getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xC3, 0x28, '\n'});
        bytes.write((envelope(span("0000000000000003")) + "\n").getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(temp.resolve("utf8.jsonl"), bytes.toByteArray());

        CollectingSink sink = OtlpReading.read(reader, file);

        assertThat(sink.spans).extracting(span -> span.spanId).containsExactly("0000000000000001", "0000000000000003");
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("line 2");
            assertThat(rejection.lineNumber()).isEqualTo(2);
            assertThat(rejection.reason()).contains("invalid UTF-8");
            assertThat(rejection.rawText()).contains("0000000000000002");
        });
    }

    @Test
    void aTruncatedLastLineIsRejectedWholeAndTheSpansReadWholeBeforeTheBreakKept() throws IOException {
        String last = envelope(span("0000000000000002"));
        String content = envelope(span("0000000000000001")) + "\n" + last.substring(0, last.length() - 6);

        CollectingSink sink = OtlpReading.readText(reader, temp, "cut.jsonl", content);

        assertThat(sink.spans).extracting(span -> span.spanId)
                .as("the span was whole before the line broke").containsExactly("0000000000000001", "0000000000000002");
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("line 2");
            assertThat(rejection.rawText()).isEqualTo(last.substring(0, last.length() - 6));
            assertThat(rejection.reason()).startsWith("not valid JSON").contains("the record of this line before the break was imported");
        });
    }

    @Test
    void nullWhereAnObjectBelongsIsRejectedAndTheRestImported() throws IOException {
        String content = String.join("\n",
                envelope(span("0000000000000001")),
                "null",
                "{\"resourceSpans\":[null]}",
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[null," + span("0000000000000002") + "]}]}]}",
                envelope(span("0000000000000003").replace("\"attributes\":[]", "\"attributes\":null")));

        CollectingSink sink = OtlpReading.readText(reader, temp, "nulls.jsonl", content);

        assertThat(sink.spans).extracting(span -> span.spanId)
                .containsExactly("0000000000000001", "0000000000000002", "0000000000000003");
        assertThat(sink.rejections).extracting(Rejection::locator, Rejection::lineNumber, Rejection::rawText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("line 2", 2L, "null"),
                        org.assertj.core.groups.Tuple.tuple("line 3, $.resourceSpans[0]", 3L, "null"),
                        org.assertj.core.groups.Tuple.tuple("line 4, $.resourceSpans[0].scopeSpans[0].spans[0]", 4L, "null"));
        assertThat(sink.rejections.get(2).reason()).startsWith("null where a span");
    }

    @Test
    void aSpanWithoutATraceIdOrWithBadAttributesIsRejectedWithItsOwnJson() throws IOException {
        String noTraceId = "{\"spanId\":\"0000000000000009\",\"name\":\"orphan\"}";
        String badAttributes = "{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"spanId\":\"0000000000000008\",\"attributes\":{\"a\":1}}";
        String content = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + noTraceId + "," + span("0000000000000001")
                + "," + badAttributes + "]}]}]}\n";

        CollectingSink sink = OtlpReading.readText(reader, temp, "orphan.jsonl", content);

        assertThat(sink.spans).extracting(span -> span.spanId).containsExactly("0000000000000001");
        assertThat(sink.rejections).extracting(Rejection::rawText).containsExactly(noTraceId, badAttributes);
        assertThat(sink.rejections).extracting(Rejection::reason)
                .containsExactly("the span has no traceId", "the span's attributes are not a list of {key, value}");
    }

    @Test
    void metricsAreRejectedAsNotLlmData() throws IOException {
        String content = envelope(span("0000000000000001")) + "\n{\"resourceMetrics\":[{\"scopeMetrics\":[]}]}\n";

        CollectingSink sink = OtlpReading.readText(reader, temp, "mixed.jsonl", content);

        assertThat(sink.spans).hasSize(1);
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("line 2, $.resourceMetrics");
            assertThat(rejection.reason()).contains("metrics");
        });
    }

    @Test
    void anAttributeLongerThanJacksonsDefaultStringLimitIsImported() throws IOException {
        char[] text = new char[21_000_000];
        Arrays.fill(text, 'x');
        String huge = new String(text);
        String content = envelope(span("0000000000000001").replace("\"attributes\":[]",
                "\"attributes\":[{\"key\":\"input.value\",\"value\":{\"stringValue\":\"" + huge + "\"}}]"));

        CollectingSink sink = OtlpReading.readText(reader, temp, "huge.jsonl", content);

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.spans.get(0).inputText).hasSize(21_000_000);
    }

    @Test
    void aTruncatedGzipFileKeepsWhatWasReadBeforeTheBreak() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(7);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            for (int i = 1; i <= 3000; i++) {
                String id = String.format("%016x", random.nextLong());
                gzip.write((envelope(span(id)) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = compressed.toByteArray();
        Path file = Files.write(temp.resolve("cut.jsonl.gz"), Arrays.copyOf(whole, whole.length * 2 / 3));

        CollectingSink sink = OtlpReading.read(reader, file);

        assertThat(sink.spans.size()).isBetween(1, 2999);
        assertThat(sink.rejections).last().satisfies(rejection ->
                assertThat(rejection.reason()).contains("could not be read further").contains("everything before was imported"));
    }

    private static String span(String spanId) {
        return "{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"spanId\":\"" + spanId + "\",\"name\":\"s\",\"attributes\":[]}";
    }

    private static String envelope(String span) {
        return "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + span + "]}]}]}";
    }
}
