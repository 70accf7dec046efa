package dev.tracedesk.ingest.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.generic.FieldMapping.Field;
import dev.tracedesk.ingest.generic.FileSample.FoundField;
import dev.tracedesk.ingest.generic.FileSample.Shape;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.source.ImportSource;

/** The mapping dialog's service: the head of a generic log, its fields, a suggested mapping and the preview. */
class MappingPreviewTest {

    @TempDir
    Path folder;

    @Test
    void aJsonlLogListsThePointersOfItsValuesInDocumentOrderAcrossTheFirstRecords() throws Exception {
        FileSample sample = FileSample.read(fixture("litellm-style-calls.jsonl"));

        assertThat(sample.shape()).isEqualTo(Shape.JSONL);
        assertThat(sample.fileName()).isEqualTo("litellm-style-calls.jsonl");
        assertThat(sample.recordCount()).isEqualTo(3);
        assertThat(sample.wholeFile()).isTrue();
        assertThat(sample.fields()).extracting(FoundField::source).containsExactly(
                "/id", "/trace_id", "/startTime", "/endTime", "/model", "/messages", "/messages/0",
                "/messages/0/role", "/messages/0/content", "/response", "/response/model", "/response/choices",
                "/response/choices/0", "/response/choices/0/message", "/response/choices/0/message/content",
                "/prompt_tokens", "/completion_tokens", "/error_str");
        assertThat(sample.fields()).filteredOn(field -> field.source().equals("/messages"))
                .singleElement().satisfies(field -> {
                    assertThat(field.container()).isTrue();
                    assertThat(field.example()).isEqualTo("[2 items]");
                });
        assertThat(sample.fields()).filteredOn(field -> field.source().equals("/model"))
                .singleElement().extracting(FoundField::example).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aCsvLogListsItsHeaderColumnsWithTheFirstValueOfEach() throws Exception {
        FileSample sample = FileSample.read(fixture("helicone-style-requests.csv"));

        assertThat(sample.shape()).isEqualTo(Shape.CSV);
        assertThat(sample.fields()).extracting(FoundField::source).containsExactly("request_id", "created_at",
                "latency_ms", "model", "prompt", "completion", "prompt_tokens", "completion_tokens", "cost_usd", "status");
        assertThat(sample.fields().get(5).example()).isEqualTo("30 days, with the receipt.");
        // The second row's prompt spans three physical lines; the row with too few fields is a record too.
        assertThat(sample.recordCount()).isEqualTo(4);
    }

    @Test
    void theSuggestionMapsTheLiteLlmStyleLogFromItsFieldNames() throws Exception {
        Map<Field, String> suggested = MappingSuggestion.suggest(FileSample.read(fixture("litellm-style-calls.jsonl")).fields());

        assertThat(suggested).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(Field.SPAN_ID, "/id"), Map.entry(Field.TRACE_ID, "/trace_id"),
                Map.entry(Field.START_TIME, "/startTime"), Map.entry(Field.END_TIME, "/endTime"),
                Map.entry(Field.REQUESTED_MODEL, "/model"), Map.entry(Field.SERVED_MODEL, "/response/model"),
                Map.entry(Field.INPUT_MESSAGES, "/messages"),
                Map.entry(Field.OUTPUT, "/response/choices/0/message/content"),
                Map.entry(Field.INPUT_TOKENS, "/prompt_tokens"), Map.entry(Field.OUTPUT_TOKENS, "/completion_tokens"),
                Map.entry(Field.ERROR, "/error_str")));
    }

    @Test
    void theSuggestionMapsTheHeliconeStyleColumnsButNotAStatusColumn() throws Exception {
        Map<Field, String> suggested = MappingSuggestion.suggest(FileSample.read(fixture("helicone-style-requests.csv")).fields());

        assertThat(suggested).containsExactlyInAnyOrderEntriesOf(Map.of(
                Field.SPAN_ID, "request_id", Field.START_TIME, "created_at", Field.LATENCY_MS, "latency_ms",
                Field.REQUESTED_MODEL, "model", Field.INPUT, "prompt", Field.OUTPUT, "completion",
                Field.INPUT_TOKENS, "prompt_tokens", Field.OUTPUT_TOKENS, "completion_tokens", Field.COST_USD, "cost_usd"));
    }

    @Test
    void aMappingNameIsMadeFromTheFileName() {
        assertThat(MappingSuggestion.nameFor("litellm-style-calls.jsonl")).isEqualTo("litellm-style-calls");
        assertThat(MappingSuggestion.nameFor("My calls (prod).csv.gz")).isEqualTo("My-calls-prod");
        assertThat(MappingSuggestion.nameFor("***.jsonl")).isEqualTo("mapping");
    }

    @Test
    void thePreviewShowsWhatTheImportStoresAndTheRecordItRejects() throws Exception {
        Path file = fixture("litellm-style-calls.jsonl");
        FieldMapping mapping = new FieldMapping("litellm", MappingSuggestion.suggest(FileSample.read(file).fields()));

        List<PreviewRow> rows = MappingPreview.preview(FileSample.read(file), mapping);

        assertThat(rows).hasSize(3);
        PreviewRow first = rows.get(0);
        assertThat(first.lineNumber()).isEqualTo(1);
        assertThat(first.model()).isEqualTo("gpt-4o-mini → gpt-4o-mini-2024-07-18");
        assertThat(first.name()).isEqualTo("chat gpt-4o-mini");
        assertThat(first.input()).isEqualTo("system: Be brief. user: What is our refund window?");
        assertThat(first.output()).isEqualTo("30 days.");
        assertThat(first.tokens()).isEqualTo("25 in · 4 out");
        assertThat(rows.get(1).error()).isEqualTo("RateLimitError: 429");
        assertThat(rows.get(2).rejected()).isTrue();
        assertThat(rows.get(2).lineNumber()).isEqualTo(3);
        assertThat(rows.get(2).rejection()).startsWith("not valid JSON");

        // The same mapping through the import's reader stores the same values.
        CollectingSink sink = new CollectingSink();
        new GenericJsonlReader(mapping).read(ImportSource.of(file), sink);
        CanonicalSpan stored = sink.spans.get(0);
        assertThat(List.of(first.name(), first.requestedModel(), first.servedModel(), first.output()))
                .containsExactly(stored.name, stored.requestedModel, stored.servedModel, stored.outputText);
        assertThat(sink.rejections).extracting(rejection -> rejection.reason()).containsExactly(rows.get(2).rejection());
    }

    @Test
    void theCsvPreviewRejectsTheRowWithTooFewFieldsAsTheImportDoes() throws Exception {
        FileSample sample = FileSample.read(fixture("helicone-style-requests.csv"));
        FieldMapping mapping = new FieldMapping("helicone", MappingSuggestion.suggest(sample.fields()));

        List<PreviewRow> rows = MappingPreview.preview(sample, mapping);

        assertThat(rows).extracting(PreviewRow::lineNumber).containsExactly(2L, 3L, 6L, 7L);
        assertThat(rows.get(0).costUsd()).isEqualByComparingTo("0.0000069");
        assertThat(rows.get(1).input()).isEqualTo("Summarise: line one line two");
        assertThat(rows.get(3).rejection()).isEqualTo("the row has 3 fields, the header 10");
    }

    @Test
    void onlyTheFirstTwentyRecordsOfALongLogAreRead() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            lines.append("{\"id\":\"").append(i).append("\",\"prompt\":\"question ").append(i).append("\"}\n");
        }
        Path file = Files.writeString(folder.resolve("long.jsonl"), lines, StandardCharsets.UTF_8);

        FileSample sample = FileSample.read(file);

        assertThat(sample.recordCount()).isEqualTo(FileSample.RECORDS);
        assertThat(sample.wholeFile()).isFalse();
        assertThat(MappingPreview.preview(sample, new FieldMapping("x", Map.of(Field.INPUT, "/prompt"))))
                .extracting(PreviewRow::input).endsWith("question 19");
    }

    @Test
    void aGzippedLogIsReadLikeTheImportReadsIt() throws Exception {
        Path file = folder.resolve("calls.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(Files.readAllBytes(fixture("litellm-style-calls.jsonl")));
        }

        assertThat(FileSample.read(file).shape()).isEqualTo(Shape.JSONL);
        assertThat(FileSample.read(file).recordCount()).isEqualTo(3);
    }

    @Test
    void aFileThatIsNeitherJsonlNorCsvIsRefusedWithItsNameAndLine() throws Exception {
        Path pretty = Files.writeString(folder.resolve("pretty.json"), "\n{\n  \"model\": \"x\"\n}\n");
        Path empty = Files.writeString(folder.resolve("empty.jsonl"), "  \n");
        Path prose = Files.writeString(folder.resolve("notes.txt"), "just some notes\nand more\n");
        Path binary = Files.write(folder.resolve("blob.bin"), new byte[] {0, 1, 2, 3, 0, 0, 5, 6});

        assertThatThrownBy(() -> FileSample.read(pretty)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(pretty + ", line 2: the first record is not one JSON object on one line");
        assertThatThrownBy(() -> FileSample.read(empty)).hasMessage(empty + " is empty: there are no records to map.");
        assertThatThrownBy(() -> FileSample.read(prose)).hasMessageStartingWith(prose + ", line 1: this is neither JSON Lines nor CSV")
                .hasMessageContaining("\"just some notes\"");
        assertThatThrownBy(() -> FileSample.read(binary)).hasMessageStartingWith(binary + " is not a text file");
        assertThatThrownBy(() -> FileSample.read(folder.resolve("missing.jsonl"))).hasMessageContaining("there is no such file");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(MappingPreviewTest.class.getResource("/fixtures/generic/" + name).toURI());
    }
}
