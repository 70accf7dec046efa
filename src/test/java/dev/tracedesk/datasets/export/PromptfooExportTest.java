package dev.tracedesk.datasets.export;

import static dev.tracedesk.datasets.export.ExportFixtures.SOURCE;
import static dev.tracedesk.datasets.export.ExportFixtures.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.ingest.source.CsvRecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class PromptfooExportTest {

    @TempDir
    Path dir;

    private ExportResult export(ExportFormat format, AssertionStyle style, Path out) throws IOException {
        return new Exporter(format, new ExportOptions(style, List.of(), "t")).export(SOURCE, items(), out);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readYaml(Path file) throws IOException {
        return (List<Map<String, Object>>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }

    @Test
    void testsFileReadsBackAsTheItemsVarsAssertionsAndMetadata() throws IOException {
        Path out = dir.resolve("tests.yaml");
        ExportResult result = export(ExportFormat.PROMPTFOO, AssertionStyle.EQUALS, out);

        assertThat(result.written()).isEqualTo(3);
        assertThat(result.skippedByReason()).containsExactly(
                Map.entry("no expected output", 1), Map.entry("no vars or prompt", 1));
        List<Map<String, Object>> tests = readYaml(out);
        assertThat(tests).hasSize(3);

        Map<String, Object> a = tests.get(0);
        assertThat(a.keySet()).containsExactly("description", "vars", "assert", "metadata");
        assertThat(a.get("description")).isEqualTo("a-1");
        assertThat(a.get("vars")).isEqualTo(Map.of("question", "Q: #1 \"quoted\"\nline2", "lang", "fr"));
        assertThat(a.get("assert")).isEqualTo(List.of(Map.of("type", "equals", "value", "Hi — \"there\": # ok\n😀")));
        assertThat(a.get("metadata")).isEqualTo(Map.of("servedModel", "gpt-4o", "template",
                Map.of("name", "support", "version", 3), "sourceIds", List.of("span-1", "case-2"),
                "reviewer", "ana", "labelId", 42, "tracedeskDataset", "golden", "tracedeskDatasetVersion", 3,
                "tracedeskContentHash", "sha256:abc123", "tracedeskItemKey", "a-1"));

        Map<String, Object> b = tests.get(1);
        assertThat(b.get("vars")).isEqualTo(Map.of("prompt", "What is 2+2?"));
        assertThat(tests.get(2).get("description")).isEqualTo("e-5");
    }

    @Test
    void unicodeLineSeparatorsSurviveAYaml11Parser() throws IOException {
        ExportItem item = new ExportItem("k", null, List.of(), Map.of("v", ExportFixtures.TRICKY), null,
                "a\u0085b\u2029c\uFEFF", null, Map.of());
        Path out = dir.resolve("u.yaml");
        new Exporter(ExportFormat.PROMPTFOO, new ExportOptions(AssertionStyle.EQUALS, List.of(), "t"))
                .export(SOURCE, List.of(item), out);

        Map<String, Object> test = readYaml(out).get(0);
        assertThat(test.get("vars")).isEqualTo(Map.of("v", ExportFixtures.TRICKY));
        assertThat(test.get("assert")).isEqualTo(List.of(Map.of("type", "equals", "value", "a\u0085b\u2029c\uFEFF")));
    }

    @Test
    void assertionStyleChoosesContainsOrARubric() throws IOException {
        Path contains = dir.resolve("c.yaml");
        export(ExportFormat.PROMPTFOO, AssertionStyle.CONTAINS, contains);
        Path rubric = dir.resolve("r.yaml");
        export(ExportFormat.PROMPTFOO, AssertionStyle.RUBRIC, rubric);

        assertThat(readYaml(contains).get(1).get("assert")).isEqualTo(List.of(Map.of("type", "contains", "value", "4")));
        assertThat(readYaml(rubric).get(1).get("assert")).isEqualTo(List.of(Map.of("type", "llm-rubric", "value", "4")));
        assertThat(Files.readString(dir.resolve("r.yaml.manifest.json"))).contains("\"assertionStyle\" : \"llm-rubric\"");
    }

    @Test
    void csvVariantHasVarColumnsAndExpectedAsPromptfooReadsIt() throws IOException {
        Path out = dir.resolve("tests.csv");
        ExportResult result = export(ExportFormat.PROMPTFOO_CSV, AssertionStyle.CONTAINS, out);

        List<List<String>> rows = readCsv(out);
        assertThat(result.written()).isEqualTo(3);
        List<String> link = List.of("golden", "3", "sha256:abc123");
        assertThat(rows.get(0)).containsExactly("lang", "prompt", "q", "question", "__expected", "__description",
                "__metadata:tracedeskDataset", "__metadata:tracedeskDatasetVersion", "__metadata:tracedeskContentHash",
                "__metadata:tracedeskItemKey");
        assertThat(rows.get(1).subList(0, 6)).containsExactly("fr", "", "", "Q: #1 \"quoted\"\nline2", "contains:Hi — \"there\": # ok\n😀", "a-1");
        assertThat(rows.get(1).subList(6, 10)).containsExactlyElementsOf(concat(link, "a-1"));
        assertThat(rows.get(2).subList(0, 6)).containsExactly("", "What is 2+2?", "", "", "contains:4", "b-2");
        assertThat(rows.get(3)).containsExactlyElementsOf(concat(List.of("", "", "v", "", "contains:ok", "e-5"), concat(link, "e-5")));
        assertThat(rows).hasSize(4);
    }

    @Test
    void csvExpectedAlwaysNamesItsTypeSoAnOutputThatLooksLikeAPrefixStaysEquals() {
        assertThat(PromptfooTests.csvExpected("4", AssertionStyle.EQUALS)).isEqualTo("equals:4");
        assertThat(PromptfooTests.csvExpected("regex: yes", AssertionStyle.EQUALS)).isEqualTo("equals:regex: yes");
        assertThat(PromptfooTests.csvExpected("", AssertionStyle.EQUALS)).isEqualTo("equals:");
        assertThat(PromptfooTests.csvExpected("be kind", AssertionStyle.RUBRIC)).isEqualTo("llm-rubric:be kind");
    }

    @Test
    void aDraftExportNamesTheDatasetAndItemButNoVersion() throws IOException {
        Path out = dir.resolve("draft.yaml");
        new Exporter(ExportFormat.PROMPTFOO, new ExportOptions(AssertionStyle.EQUALS, List.of(), "t"))
                .export(new ExportSource("golden", 4, ExportSource.DRAFT_HASH), items(), out);

        assertThat(readYaml(out).get(1).get("metadata"))
                .isEqualTo(Map.of("tracedeskDataset", "golden", "tracedeskItemKey", "b-2"));
    }

    @Test
    void templateSyntaxIsWrittenSoPromptfoosNunjucksRendersItBackAsText() throws IOException {
        assertThat(PromptfooTests.literal("plain { } % # text")).isEqualTo("plain { } % # text");
        assertThat(PromptfooTests.literal("a {{ x }} b")).isEqualTo("a {{ \"{\" }}{ x }} b");
        assertThat(PromptfooTests.literal("{%if%}{#c#}")).isEqualTo("{{ \"{\" }}%if%}{{ \"{\" }}#c#{{ \"}\" }}");
        assertThat(PromptfooTests.literal("{{{")).isEqualTo("{{ \"{\" }}{{ \"{\" }}{");

        ExportItem item = new ExportItem("k", null, List.of(), Map.of("v", "{{ v }}"), null, "say {{ v }}", null, Map.of());
        Path out = dir.resolve("t.yaml");
        new Exporter(ExportFormat.PROMPTFOO, new ExportOptions(AssertionStyle.EQUALS, List.of(), "t"))
                .export(SOURCE, List.of(item), out);
        Map<String, Object> test = readYaml(out).get(0);
        assertThat(test.get("vars")).isEqualTo(Map.of("v", "{{ \"{\" }}{ v }}"));
        assertThat(test.get("assert")).isEqualTo(List.of(Map.of("type", "equals", "value", "say {{ \"{\" }}{ v }}")));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static List<String> concat(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }

    static List<List<String>> readCsv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CsvRecordReader reader = new CsvRecordReader(in);
            for (CsvRecordReader.CsvRecord r = reader.next(); r != null; r = reader.next()) {
                assertThat(r.problem()).isNull();
                if (!r.isBlank()) {
                    rows.add(r.fields());
                }
            }
        }
        return rows;
    }
}
