package dev.tracedesk.cli;

import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.TestImports;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** {@code tracedesk traces --query / --prompt / --since} on real imported traces (H2: the index lies beside the file). */
class TracesNarrowingTest {

    private static final String RAG_TRACE = "9bae1a2583acbcafa287c77573c852a5";

    @TempDir
    Path tempDir;

    private SeededWorkspaceCli cli() {
        return new SeededWorkspaceCli("h2", tempDir, dsl -> {
            ImportService imports = new ImportService(dsl, FormatReaders.standard());
            for (String fixture : List.of("openinference/traces.jsonl", "otel-genai/traces.jsonl")) {
                imports.importFile(Path.of("src/test/resources/fixtures", fixture), Optional.empty(), TestImports.NEVER_CANCELLED);
            }
        });
    }

    @Test
    void queryListsOnlyTracesWithAMatchingSpan() {
        try (SeededWorkspaceCli cli = cli()) {
            assertThat(cli.run("traces", "--json")).isZero();
            List<String> all = cli.json().get("traces").findValuesAsText("traceId");

            assertThat(cli.run("traces", "--query", "context:\"30 days of delivery\"", "--json")).isZero();
            List<String> matching = cli.json().get("traces").findValuesAsText("traceId");

            assertThat(matching).contains(RAG_TRACE).hasSizeLessThan(all.size());
            assertThat(cli.run("traces", "--query", "zanzibar", "--json")).isZero();
            assertThat(cli.json().get("traces")).isEmpty();
            assertThat(cli.run("traces", "--query", "\"open")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        }
    }

    @Test
    void promptAndSinceNarrowTheList() {
        try (SeededWorkspaceCli cli = cli()) {
            assertThat(cli.run("traces", "--json")).isZero();
            List<String> all = cli.json().get("traces").findValuesAsText("traceId");
            String template;
            String version;
            List<String> withTemplate;
            try (Workspace workspace = Workspace.open(WorkspaceLocation.h2(cliWorkspace(cli)))) {
                // OpenInference templates carry a version and no name
                version = workspace.dsl().select(SPAN.PROMPT_TEMPLATE_VERSION).from(SPAN)
                        .where(SPAN.PROMPT_TEMPLATE_VERSION.isNotNull()).limit(1).fetchOne(SPAN.PROMPT_TEMPLATE_VERSION);
                template = "";
                withTemplate = workspace.dsl().selectDistinct(TRACE.EXTERNAL_TRACE_ID).from(TRACE).join(SPAN).on(SPAN.TRACE_ID.eq(TRACE.ID))
                        .where(SPAN.PROMPT_TEMPLATE_VERSION.eq(version)).fetch(TRACE.EXTERNAL_TRACE_ID);
                assertThat(withTemplate).isNotEmpty().hasSizeLessThan(all.size());
            }

            assertThat(cli.run("traces", "--prompt", template + "@" + version, "--json")).isZero();
            assertThat(cli.json().get("traces").findValuesAsText("traceId")).containsExactlyInAnyOrderElementsOf(withTemplate);

            assertThat(cli.run("traces", "--since", "2000-01-01", "--json")).isZero();
            assertThat(cli.json().get("traces").findValuesAsText("traceId")).containsExactlyElementsOf(all);
            assertThat(cli.run("traces", "--since", Instant.now().plusSeconds(3600).toString(), "--json")).isZero();
            assertThat(cli.json().get("traces")).isEmpty();
            assertThat(cli.run("traces", "--since", "yesterday")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("is not a time");
        }
    }

    private static Path cliWorkspace(SeededWorkspaceCli cli) {
        return cli.h2File();
    }
}
