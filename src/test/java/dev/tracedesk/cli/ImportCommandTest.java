package dev.tracedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.app.TracedeskCommand;

/** {@code tracedesk import}, {@code imports} and {@code rejected} on real files: summaries and exit codes. */
class ImportCommandTest {

    @TempDir
    Path tempDir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return TracedeskCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private String db() {
        return tempDir.resolve("ws").toString();
    }

    private static String fixture(String path) throws URISyntaxException {
        return Path.of(ImportCommandTest.class.getResource("/fixtures/" + path).toURI()).toString();
    }

    @Test
    void aCleanImportExitsZeroAndSaysWhatItRead() throws Exception {
        String log = fixture("inspect/input-task.json");

        int exit = run("import", "--db", db(), "--json", log);

        assertThat(exit).as(err.toString()).isZero();
        JsonNode file = new ObjectMapper().readTree(out.toString()).get("files").get(0);
        assertThat(file.get("file").asText()).isEqualTo(log);
        assertThat(file.get("format").asText()).isEqualTo("inspect");
        assertThat(file.get("status").asText()).isEqualTo("completed");
        assertThat(file.get("read").asLong()).isEqualTo(file.get("imported").asLong()).isPositive();
        assertThat(file.get("rejected").asLong()).isZero();
    }

    @Test
    void importingAgainReportsDuplicatesAndExitsZero() throws Exception {
        String log = fixture("openai-evals/auto-gpt-benchmarks-oaieval-test-match.jsonl");
        run("import", "--db", db(), log);

        int exit = run("import", "--db", db(), "--json", log);

        assertThat(exit).isZero();
        JsonNode file = new ObjectMapper().readTree(out.toString()).get("files").get(0);
        assertThat(file.get("status").asText()).isEqualTo("already_imported");
        assertThat(file.get("imported").asLong()).isZero();
        assertThat(file.get("duplicates").asLong()).isPositive();
    }

    @Test
    void aFileOfNoKnownFormatExitsTwoNamingTheFileAndTheFormatsTried() throws Exception {
        String png = fixture("bad/binary-named.jsonl");

        int exit = run("import", "--db", db(), png);

        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        assertThat(err.toString()).contains(png).contains("tried:").contains("inspect").contains("openai-evals");
    }

    @Test
    void aMissingFileExitsTwoAndTheOtherFilesStillImport() throws Exception {
        String missing = tempDir.resolve("nope.json").toString();

        int exit = run("import", "--db", db(), "--json", missing, fixture("openai-evals/openai-evals-items.jsonl"));

        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        JsonNode files = new ObjectMapper().readTree(out.toString()).get("files");
        assertThat(files.get(0).get("message").asText()).contains(missing).contains("no such file");
        assertThat(files.get(1).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void anUnsafeZipIsRefusedWithExitTwoAndTheImportIsListedAsFailed() throws Exception {
        String zip = fixture("bad/path-traversal.eval");

        int exit = run("import", "--db", db(), zip);
        run("imports", "--db", db(), "--json");

        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        JsonNode listed = new ObjectMapper().readTree(out.toString()).get("imports").get(0);
        assertThat(listed.get("status").asText()).isEqualTo("failed");
        assertThat(listed.get("message").asText()).contains("..");
    }

    @Test
    void anUnknownFormatNameIsAUsageErrorListingTheFormats() {
        int exit = run("import", "--db", db(), "--format", "parquet", "x.json");

        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        assertThat(err.toString()).contains("Unknown format 'parquet'").contains("otlp").contains("promptfoo");
    }

    @Test
    void rejectedOfAnUnknownImportExitsTwo() {
        assertThat(run("rejected", "--db", db(), "42")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        assertThat(err.toString()).contains("No import 42");
    }
}
