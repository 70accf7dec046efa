package dev.tracedesk.datasets.export;

import static dev.tracedesk.datasets.export.ExportFixtures.SOURCE;
import static dev.tracedesk.datasets.export.ExportFixtures.items;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ManifestTest {

    @TempDir
    Path dir;

    private final ExportOptions options = new ExportOptions(AssertionStyle.EQUALS,
            BuiltInRules.all(), "tracedesk 0.1.0-test");

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void reExportingTheSameVersionIsByteIdenticalWhateverTheInputOrder(ExportFormat format) throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Files.createDirectories(first);
        Files.createDirectories(second);
        List<ExportItem> shuffled = new ArrayList<>(items());
        Collections.reverse(shuffled);

        new Exporter(format, options).export(SOURCE, items(), first.resolve("out"));
        new Exporter(format, options).export(SOURCE, shuffled, second.resolve("out"));

        assertThat(Files.readAllBytes(second.resolve("out"))).isEqualTo(Files.readAllBytes(first.resolve("out")));
        assertThat(Files.readAllBytes(second.resolve("out.manifest.json")))
                .isEqualTo(Files.readAllBytes(first.resolve("out.manifest.json")));
    }

    @Test
    void manifestRecordsSourceFormatCountsRedactionToolVersionAndTheFilesHash() throws IOException {
        Path out = dir.resolve("chat.jsonl");
        ExportResult result = new Exporter(ExportFormat.OPENAI_CHAT, options).export(SOURCE, items(), out);

        String text = Files.readString(result.manifest());
        assertThat(result.manifest()).isEqualTo(dir.resolve("chat.jsonl.manifest.json"));
        assertThat(text).doesNotContain("\r").endsWith("}\n");
        JsonNode m = new ObjectMapper().readTree(text);
        assertThat(JsonlExportTest.fieldNames(m)).containsExactly("dataset", "version", "contentHash", "format", "file",
                "sha256", "counts", "redaction", "toolVersion");
        assertThat(m.get("dataset").asText()).isEqualTo("golden");
        assertThat(m.get("version").asInt()).isEqualTo(3);
        assertThat(m.get("contentHash").asText()).isEqualTo("sha256:abc123");
        assertThat(m.get("format").asText()).isEqualTo("openai-chat");
        assertThat(m.get("file").asText()).isEqualTo("chat.jsonl");
        assertThat(m.get("sha256").asText()).isEqualTo(Exporter.sha256(Files.readAllBytes(out)));
        assertThat(m.get("toolVersion").asText()).isEqualTo("tracedesk 0.1.0-test");
        JsonNode counts = m.get("counts");
        assertThat(counts.get("written").asInt()).isEqualTo(2);
        assertThat(counts.get("skipped").asInt()).isEqualTo(3);
        assertThat(counts.get("skippedByReason").get("no user message").asInt()).isEqualTo(1);
        assertThat(counts.get("skippedByReason").get("unsupported role: developer").asInt()).isEqualTo(1);
        JsonNode redaction = m.get("redaction");
        assertThat(redaction.get("rules")).hasSize(6);
        assertThat(redaction.get("counts").get("email").asInt()).isZero();
    }

    @Test
    void redactionCountsReachTheManifestAndTheWorkspaceItemIsLeftAlone() throws IOException {
        ExportItem item = new ExportItem("k", "train", List.of(new ExportMessage("user", "mail ana@example.com")),
                java.util.Map.of(), null, "call +44 20 7946 0958", null, java.util.Map.of("reviewer", "bo@example.org"));
        Path out = dir.resolve("r.jsonl");
        ExportResult result = new Exporter(ExportFormat.OPENAI_CHAT, options).export(SOURCE, List.of(item), out);

        assertThat(Files.readString(out)).contains("mail [REDACTED:email]", "call [REDACTED:phone]");
        assertThat(result.redactions()).containsEntry("email", 2).containsEntry("phone", 1);
        JsonNode counts = new ObjectMapper().readTree(result.manifest().toFile()).get("redaction").get("counts");
        assertThat(counts.get("email").asInt()).isEqualTo(2);
        assertThat(counts.get("phone").asInt()).isEqualTo(1);
        assertThat(item.messages().get(0).content()).isEqualTo("mail ana@example.com");
    }

    @Test
    void twoItemsUnderOneKeyAreRefusedAndNothingIsWritten() {
        ExportItem one = ExportFixtures.b();
        Path out = dir.resolve("dup.jsonl");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Exporter(ExportFormat.INSPECT, options).export(SOURCE, List.of(one, one), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b-2");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFailedRedactionLeavesAnEarlierExportInPlace() throws IOException {
        Path out = dir.resolve("keep.jsonl");
        new Exporter(ExportFormat.INSPECT, options).export(SOURCE, items(), out);
        byte[] before = Files.readAllBytes(out);
        ExportItem tooLong = new ExportItem("z", null, List.of(), java.util.Map.of(), "a".repeat(Redactor.MAX_TEXT_CHARS + 1),
                "x", null, java.util.Map.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Exporter(ExportFormat.INSPECT, options).export(SOURCE, List.of(tooLong), out))
                .isInstanceOf(Redactor.RedactionException.class);
        assertThat(Files.readAllBytes(out)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("keep.jsonl",
                    "keep.jsonl.manifest.json");
        }
    }
}
