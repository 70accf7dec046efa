package dev.tracedesk.cli;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.review.ReviewItems;
import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.store.TestDatabases;

/** {@code tracedesk redaction …} and {@code export --redact NAME} on a golden set from the real promptfoo run. */
class RedactionCommandTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    /** "golden" v1: a failed case corrected with a planted address and ticket number. */
    private SeededWorkspaceCli published(String engine) {
        long[] item = new long[1];
        SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, dsl -> {
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            long queue = ReviewTestData.queueOfAllCases(dsl, "cases");
            long failedCase = dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("FAIL"))
                    .orderBy(EVAL_CASE.ID).limit(1).fetchOne(EVAL_CASE.ID);
            item[0] = new ReviewItems(dsl, Clock.systemUTC()).ofQueue(queue, 100).stream()
                    .filter(i -> i.targetId() == failedCase).findFirst().orElseThrow().itemId();
            new ReviewLabels(dsl, Clock.systemUTC()).label(item[0], "ana", new LabelDraft(Verdict.FAIL, List.of(),
                    Map.of(), "Canberra. See TCK-20931 or write to ana@example.com", null, Map.of()));
        });
        assertThat(cli.run("dataset", "create", "golden")).isZero();
        assertThat(cli.run("dataset", "add", "golden", "--item", Long.toString(item[0]))).as(cli.err()).isZero();
        assertThat(cli.run("dataset", "publish", "golden")).isZero();
        return cli;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aSavedSetIsListedShownUsedByExportNamedInTheManifestAndDeleted(String engine) throws Exception {
        try (SeededWorkspaceCli cli = published(engine)) {
            assertThat(cli.run("redaction", "list", "--json")).isZero();
            assertThat(cli.json().get("sets")).isEmpty();
            assertThat(cli.json().get("builtInRules")).hasSize(6);

            assertThat(cli.run("redaction", "save", "support", "--builtin", "email,phone", "--rule", "ticket=TCK-[0-9]{4,}",
                    "--replace", "ticket=[TICKET]")).as(cli.err()).isZero();
            assertThat(cli.out()).contains("Saved redaction set support: 2 built-in, 1 custom rule.");
            assertThat(cli.run("redaction", "list")).isZero();
            assertThat(cli.out()).contains("support").contains("email,phone").contains("ticket");
            assertThat(cli.run("redaction", "show", "support", "--json")).isZero();
            JsonNode shown = cli.json();
            assertThat(shown.get("builtIn").toString()).isEqualTo("[\"email\",\"phone\"]");
            assertThat(shown.get("custom").get(0).get("pattern").asText()).isEqualTo("TCK-[0-9]{4,}");
            assertThat(shown.get("custom").get(0).get("replacement").asText()).isEqualTo("[TICKET]");

            Path out = tempDir.resolve("golden.jsonl");
            assertThat(cli.run("export", "golden", "--format", "inspect", "--out", out.toString(), "--redact", "support",
                    "--json")).as(cli.err()).isZero();
            assertThat(cli.json().get("redactionSet").asText()).isEqualTo("support");
            assertThat(Files.readString(out)).doesNotContain("ana@example.com").doesNotContain("TCK-20931")
                    .contains("[TICKET]").contains("[REDACTED:email]");
            JsonNode redaction = new ObjectMapper().readTree(tempDir.resolve("golden.jsonl.manifest.json").toFile())
                    .get("redaction");
            assertThat(redaction.get("set").asText()).isEqualTo("support");
            assertThat(redaction.get("rules").toString()).isEqualTo("[\"email\",\"phone\",\"ticket\"]");
            assertThat(redaction.get("counts").get("ticket").asInt()).isEqualTo(1);

            assertThat(cli.run("export", "golden", "--format", "inspect", "--out", out.toString(), "--redact", "suport"))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("not \"suport\"").contains("Saved sets: support.");

            assertThat(cli.run("redaction", "delete", "support")).isZero();
            assertThat(cli.run("redaction", "delete", "support")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("No redaction set named \"support\"");
            assertThat(cli.run("redaction", "show", "support")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void badSetsAreRefusedWithTheRuleNamed(String engine) {
        try (SeededWorkspaceCli cli = published(engine)) {
            assertThat(cli.run("redaction", "save", "bad", "--rule", "ticket=TCK-[0-9")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("The rule \"ticket\" has a pattern that is not a valid regular expression");
            assertThat(cli.run("redaction", "save", "bad", "--builtin", "e-mail")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("no built-in redaction rule \"e-mail\"").contains("bearer-token, api-key, email");
            assertThat(cli.run("redaction", "save", "bad", "--rule", "nopattern")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--rule is NAME=REGEX");
            assertThat(cli.run("redaction", "save", "bad", "--builtin", "email", "--replace", "email=X"))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("--replace names \"email\"");
            assertThat(cli.run("redaction", "save", "none", "--builtin", "all")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("already means something to --redact");
            assertThat(cli.run("redaction", "list", "--json")).isZero();
            assertThat(cli.json().get("sets")).as("nothing was saved").isEmpty();

            assertThat(cli.run("redaction", "save", "everything", "--builtin", "all")).isZero();
            assertThat(cli.run("redaction", "show", "everything")).isZero();
            assertThat(cli.out()).contains("built-in card-number").contains("built-in bearer-token");
        }
    }
}
