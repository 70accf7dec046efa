package dev.tracedesk.datasets.export;

import static dev.tracedesk.datasets.export.ExportFixtures.SOURCE;
import static dev.tracedesk.datasets.export.ExportFixtures.TRICKY;
import static dev.tracedesk.datasets.export.ExportFixtures.items;
import static dev.tracedesk.datasets.export.ExportFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ExportResult export(ExportFormat format, Path out) throws IOException {
        return new Exporter(format, options()).export(SOURCE, items(), out);
    }

    private List<JsonNode> readBack(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void openAiChatWritesValidExamplesAndCountsTheOnesThatBreakTheRules() throws IOException {
        Path out = dir.resolve("chat.jsonl");
        ExportResult result = export(ExportFormat.OPENAI_CHAT, out);

        List<JsonNode> lines = readBack(out);
        assertThat(lines).hasSize(2);
        assertThat(result.written()).isEqualTo(2);
        assertThat(result.skippedByReason()).containsExactly(
                Map.entry("no expected output", 1),
                Map.entry("no user message", 1),
                Map.entry("unsupported role: developer", 1));

        JsonNode a = lines.get(0);
        assertThat(fieldNames(a)).containsExactly("messages");
        JsonNode messages = a.get("messages");
        assertThat(messages).hasSize(3);
        assertThat(fieldNames(messages.get(0))).containsExactly("role", "content");
        assertThat(messages.get(1).get("content").asText()).isEqualTo(TRICKY);
        assertThat(messages.get(2).get("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).get("content").asText()).isEqualTo("Hi — \"there\": # ok\n😀");

        JsonNode b = lines.get(1);
        assertThat(b.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(b.get("messages").get(0).get("content").asText()).isEqualTo("What is 2+2?");
        assertThat(b.get("messages").get(1).get("content").asText()).isEqualTo("4");
        lines.forEach(l -> assertThat(followsOpenAiRules(l.get("messages"))).isTrue());
    }

    @Test
    void openAiChatRulesNameEachProblem() {
        assertThat(OpenAiChatRules.problem(List.of(new ExportMessage("user", "q"), new ExportMessage("assistant", " "))))
                .contains("empty content in a assistant message");
        assertThat(OpenAiChatRules.problem(List.of(new ExportMessage("assistant", "a"), new ExportMessage("user", "q"))))
                .contains("last message is not from the assistant");
        assertThat(OpenAiChatRules.problem(List.of(new ExportMessage("system", "s"), new ExportMessage("assistant", "a"))))
                .contains("no user message");
        assertThat(OpenAiChatRules.problem(List.of(new ExportMessage("user", "q"), new ExportMessage("tool", "t"),
                new ExportMessage("assistant", "a")))).isEmpty();
    }

    @Test
    void openAiEvalsWritesInputAndIdeal() throws IOException {
        Path out = dir.resolve("evals.jsonl");
        ExportResult result = export(ExportFormat.OPENAI_EVALS, out);

        List<JsonNode> lines = readBack(out);
        assertThat(result.written()).isEqualTo(4);
        assertThat(result.skippedByReason()).containsExactly(Map.entry("no expected output", 1));
        JsonNode a = lines.get(0);
        assertThat(fieldNames(a)).containsExactly("input", "ideal");
        assertThat(a.get("input").get(0).get("content").asText()).isEqualTo("You are terse.");
        assertThat(a.get("input").get(1).get("content").asText()).isEqualTo(TRICKY);
        assertThat(a.get("ideal").asText()).isEqualTo("Hi — \"there\": # ok\n😀");
        assertThat(lines.get(1).get("input").get(0).get("content").asText()).isEqualTo("What is 2+2?");
    }

    @Test
    void inspectWritesIdInputTargetAndMetadata() throws IOException {
        Path out = dir.resolve("inspect.jsonl");
        ExportResult result = export(ExportFormat.INSPECT, out);

        List<JsonNode> lines = readBack(out);
        assertThat(result.written()).isEqualTo(5);
        assertThat(lines).extracting(l -> l.get("id").asText()).containsExactly("a-1", "b-2", "c-3", "d-4", "e-5");
        JsonNode a = lines.get(0);
        assertThat(fieldNames(a)).containsExactly("id", "input", "target", "metadata");
        assertThat(a.get("input").isArray()).isTrue();
        assertThat(a.get("input").get(1).get("content").asText()).isEqualTo(TRICKY);
        assertThat(a.get("target").asText()).isEqualTo("Hi — \"there\": # ok\n😀");
        assertThat(fieldNames(a.get("metadata"))).containsExactly("labelId", "reviewer", "servedModel", "sourceIds", "template");
        assertThat(a.get("metadata").get("template").get("version").asInt()).isEqualTo(3);
        assertThat(a.get("metadata").get("labelId").asInt()).isEqualTo(42);
        JsonNode b = lines.get(1);
        assertThat(b.get("input").isTextual()).isTrue();
        assertThat(b.get("input").asText()).isEqualTo("What is 2+2?");
        assertThat(lines.get(3).get("target").asText()).isEmpty();
    }

    @Test
    void hfJsonlWritesOneFlatRecordPerItem() throws IOException {
        Path out = dir.resolve("hf.jsonl");
        export(ExportFormat.HF_JSONL, out);

        List<JsonNode> lines = readBack(out);
        assertThat(lines).hasSize(5);
        JsonNode a = lines.get(0);
        assertThat(fieldNames(a)).containsExactly("id", "split", "messages", "output", "metadata");
        assertThat(a.get("split").asText()).isEqualTo("train");
        assertThat(a.get("messages").get(1).get("content").asText()).isEqualTo(TRICKY);
        assertThat(a.get("metadata").get("sourceIds").get(1).asText()).isEqualTo("case-2");
        JsonNode b = lines.get(1);
        assertThat(fieldNames(b)).containsExactly("id", "split", "prompt", "output", "metadata");
        assertThat(b.get("prompt").asText()).isEqualTo("What is 2+2?");
        assertThat(lines.get(3).get("output").isNull()).isTrue();
    }

    @Test
    void dpoWritesOnlyItemsWithADifferentCorrection() throws IOException {
        Path out = dir.resolve("dpo.jsonl");
        ExportResult result = export(ExportFormat.DPO, out);

        List<JsonNode> lines = readBack(out);
        assertThat(result.written()).isEqualTo(2);
        assertThat(result.skippedByReason()).containsExactly(
                Map.entry("correction equals the original output", 1),
                Map.entry("no correction", 1),
                Map.entry("no original output", 1));
        JsonNode a = lines.get(0);
        assertThat(fieldNames(a)).containsExactly("prompt", "chosen", "rejected");
        assertThat(a.get("prompt").get(1).get("content").asText()).isEqualTo(TRICKY);
        assertThat(a.get("chosen").asText()).isEqualTo("Hi — \"there\": # ok\n😀");
        assertThat(a.get("rejected").asText()).isEqualTo("hello");
        assertThat(lines.get(1).get("chosen").asText()).isEqualTo("x");
        assertThat(lines.get(1).get("rejected").asText()).isEqualTo("y");
    }

    static boolean followsOpenAiRules(JsonNode messages) {
        List<ExportMessage> list = new ArrayList<>();
        messages.forEach(m -> list.add(new ExportMessage(m.get("role").asText(), m.get("content").asText())));
        return OpenAiChatRules.problem(list).isEmpty();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
