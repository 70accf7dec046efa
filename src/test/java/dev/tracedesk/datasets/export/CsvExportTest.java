package dev.tracedesk.datasets.export;

import static dev.tracedesk.datasets.export.ExportFixtures.SOURCE;
import static dev.tracedesk.datasets.export.ExportFixtures.TRICKY;
import static dev.tracedesk.datasets.export.ExportFixtures.items;
import static dev.tracedesk.datasets.export.ExportFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {

    @TempDir
    Path dir;

    @Test
    void csvReadsBackFieldForFieldWithTheProjectsOwnReader() throws IOException {
        Path out = dir.resolve("items.csv");
        ExportResult result = new Exporter(ExportFormat.CSV, options()).export(SOURCE, items(), out);

        List<List<String>> rows = PromptfooExportTest.readCsv(out);
        assertThat(result.written()).isEqualTo(5);
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).containsExactly("item_key", "split", "input", "expected", "original", "metadata");
        List<String> a = rows.get(1);
        assertThat(a.subList(0, 2)).containsExactly("a-1", "train");
        JsonNode input = new ObjectMapper().readTree(a.get(2));
        assertThat(input.get(1).get("content").asText()).isEqualTo(TRICKY);
        assertThat(a.get(3)).isEqualTo("Hi — \"there\": # ok\n😀");
        assertThat(a.get(4)).isEqualTo("hello");
        assertThat(new ObjectMapper().readTree(a.get(5)).get("template").get("name").asText()).isEqualTo("support");
        assertThat(rows.get(2)).containsExactly("b-2", "test", "What is 2+2?", "4", "4", "{}");
        assertThat(rows.get(4)).containsExactly("d-4", "train", "[{\"role\":\"user\",\"content\":\"q\"}]", "", "o", "{}");
    }
}
