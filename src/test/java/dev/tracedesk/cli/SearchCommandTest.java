package dev.tracedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.TestImports;

/** {@code tracedesk search} on a workspace holding the real OpenInference RAG run (H2: the index lies beside the file). */
class SearchCommandTest {

    @TempDir
    Path tempDir;

    private SeededWorkspaceCli ragWorkspace() {
        return new SeededWorkspaceCli("h2", tempDir, dsl -> new ImportService(dsl, FormatReaders.standard()).importFile(
                Path.of("src/test/resources/fixtures/openinference/traces.jsonl"), Optional.empty(), TestImports.NEVER_CANCELLED));
    }

    @Test
    void jsonGivesTheMatchingSpansWithTheirFragmentsAndHighlightRanges() {
        try (SeededWorkspaceCli cli = ragWorkspace()) {
            assertThat(cli.run("search", "context:\"30 days\"", "--limit", "2", "--json")).isZero();

            JsonNode result = cli.json();
            assertThat(result.get("query").asText()).isEqualTo("context:\"30 days\"");
            assertThat(result.get("totalMatches").asLong()).isGreaterThanOrEqualTo(result.get("hits").size());
            JsonNode hit = result.get("hits").get(0);
            assertThat(hit.fieldNames()).toIterable().containsExactly("traceId", "spanId", "score", "field", "fragments");
            assertThat(hit.get("field").asText()).isEqualTo("context");
            JsonNode fragment = hit.get("fragments").get(0);
            String text = fragment.get("text").asText();
            JsonNode first = fragment.get("highlights").get(0);
            assertThat(text.substring(first.get(0).asInt(), first.get(1).asInt())).isEqualTo("30");
        }
    }

    @Test
    void plainOutputBracketsTheMatchesAndABadQueryIsAUsageError() {
        try (SeededWorkspaceCli cli = ragWorkspace()) {
            assertThat(cli.run("search", "return", "item")).isZero();
            assertThat(cli.out()).contains("spans match").contains("[return]");

            assertThat(cli.run("search", "\"unclosed")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("a quote is not closed");
        }
    }
}
