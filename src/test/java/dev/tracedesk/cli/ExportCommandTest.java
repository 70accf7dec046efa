package dev.tracedesk.cli;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.store.TestDatabases;

/** {@code tracedesk export}: a published golden set from real promptfoo cases, in every format, with manifests. */
class ExportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private final List<Long> reviewItems = new ArrayList<>();
    private final List<Long> passedCases = new ArrayList<>();

    /** A dataset "golden" v1: one failed case corrected by a reviewer (with a planted e-mail), and one passed case. */
    private SeededWorkspaceCli published(String engine) {
        SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, dsl -> {
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            passedCases.addAll(dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("PASS"))
                    .orderBy(EVAL_CASE.ID).fetch(EVAL_CASE.ID));
            long queue = ReviewTestData.queueOfAllCases(dsl, "cases");
            long failedCase = dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("FAIL"))
                    .orderBy(EVAL_CASE.ID).limit(1).fetchOne(EVAL_CASE.ID);
            long first = new dev.tracedesk.review.ReviewItems(dsl, Clock.systemUTC()).ofQueue(queue, 100).stream()
                    .filter(item -> item.targetId() == failedCase).findFirst().orElseThrow().itemId();
            new ReviewLabels(dsl, Clock.systemUTC()).label(first, "ana", new LabelDraft(Verdict.FAIL, List.of(), Map.of(),
                    "Canberra. Questions: ana@example.com", null, Map.of()));
            reviewItems.add(first);
        });
        assertThat(cli.run("dataset", "create", "golden")).isZero();
        assertThat(cli.run("dataset", "add", "golden", "--item", reviewItems.get(0).toString(),
                "--case", passedCases.get(0).toString())).as(cli.err()).isZero();
        assertThat(cli.run("dataset", "publish", "golden", "--tag", "baseline")).isZero();
        return cli;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyFormatIsWrittenWithAManifestAndTheSameVersionTwiceIsByteIdentical(String engine) throws Exception {
        try (SeededWorkspaceCli cli = published(engine)) {
            for (String format : List.of("openai-chat", "openai-evals", "promptfoo", "promptfoo-csv", "inspect",
                    "hf-jsonl", "dpo", "csv")) {
                Path out = tempDir.resolve("golden." + format);
                assertThat(cli.run("export", "golden@baseline", "--format", format, "--out", out.toString(), "--json"))
                        .as(format + ": " + cli.err()).isZero();
                JsonNode report = cli.json();
                assertThat(Files.size(out)).as(format).isPositive();
                JsonNode manifest = JSON.readTree(tempDir.resolve("golden." + format + ".manifest.json").toFile());
                assertThat(manifest.toString()).contains("golden").contains(format);
                byte[] first = Files.readAllBytes(out);

                assertThat(cli.run("export", "golden@1", "--format", format, "--out", out.toString())).isZero();
                assertThat(Files.readAllBytes(out)).as(format + " twice").isEqualTo(first);
                if (format.equals("dpo")) {
                    assertThat(report.get("written").asInt()).as("only the corrected item is a pair").isEqualTo(1);
                    JsonNode pair = JSON.readTree(Files.readAllLines(out).get(0));
                    assertThat(pair.get("chosen").asText()).startsWith("Canberra.");
                    assertThat(pair.get("rejected").asText()).isNotBlank().isNotEqualTo(pair.get("chosen").asText());
                } else if (!format.equals("openai-chat")) {
                    assertThat(report.get("written").asInt()).as(format).isEqualTo(2);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void defaultRedactionMasksThePlantedAddressAndCountsIt(String engine) throws Exception {
        try (SeededWorkspaceCli cli = published(engine)) {
            Path out = tempDir.resolve("golden.jsonl");

            assertThat(cli.run("export", "golden", "--format", "inspect", "--out", out.toString(), "--redact", "default",
                    "--json")).isZero();

            String written = Files.readString(out);
            assertThat(written).doesNotContain("ana@example.com").contains("[REDACTED:");
            assertThat(cli.json().get("redactions").toString()).contains("1");
            assertThat(cli.run("export", "golden", "--format", "inspect", "--out", out.toString())).isZero();
            assertThat(Files.readString(out)).as("without --redact nothing is masked").contains("ana@example.com");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void badRequestsSayWhat(String engine) {
        try (SeededWorkspaceCli cli = published(engine)) {
            String out = tempDir.resolve("x").toString();
            assertThat(cli.run("export", "golden", "--format", "parquet", "--out", out)).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--format is one of").contains("openai-chat");
            assertThat(cli.run("export", "golden", "--format", "csv", "--out", out, "--redact", "everything"))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--redact is none, default or a saved redaction set").contains("No sets are saved yet");
            assertThat(cli.run("export", "nope", "--format", "csv", "--out", out)).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).containsIgnoringCase("nope");
        }
    }
}
