package dev.tracedesk.cli;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.review.ReviewItems;
import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.store.TestDatabases;

/** {@code tracedesk datasets} and {@code tracedesk dataset …}: JSON shapes, messages and exit codes. */
class DatasetCommandsTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private final List<Long> passedCases = new ArrayList<>();
    private final List<Long> reviewItems = new ArrayList<>();

    private SeededWorkspaceCli seededCli(String engine) {
        return new SeededWorkspaceCli(engine, tempDir, dsl -> {
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            passedCases.addAll(dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("PASS"))
                    .orderBy(EVAL_CASE.ID).fetch(EVAL_CASE.ID));
            long queue = ReviewTestData.queueOfAllCases(dsl, "cases");
            List<Long> items = ReviewTestData.itemIds(dsl, queue);
            ReviewLabels labels = new ReviewLabels(dsl, Clock.systemUTC());
            labels.label(items.get(0), "ana", new LabelDraft(Verdict.FAIL, List.of(), Map.of(), "Paris.", null, Map.of()));
            labels.label(items.get(1), "ana", LabelDraft.of(Verdict.FAIL));
            reviewItems.add(items.get(0));
            reviewItems.add(items.get(1));
            assertThat(new ReviewItems(dsl, Clock.systemUTC()).item(items.get(0))).isPresent();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void createAddPublishDiffAndShowWithJsonAndExitCodes(String engine) {
        try (SeededWorkspaceCli cli = seededCli(engine)) {
            assertThat(cli.run("datasets", "--json")).isZero();
            assertThat(cli.json().get("datasets")).isEmpty();

            assertThat(cli.run("dataset", "create", "golden", "--description", "capitals")).isZero();
            assertThat(cli.out()).contains("Made dataset golden");
            assertThat(cli.run("dataset", "create", "golden")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("already exists");

            // one refused: exit 3 with the reason
            assertThat(cli.run("dataset", "add", "golden", "--item", reviewItems.get(0).toString(), "--item",
                    reviewItems.get(1).toString(), "--case", passedCases.get(2).toString(), "--json"))
                    .isEqualTo(ExitCodes.PARTIAL);
            JsonNode added = cli.json();
            assertThat(added.get("added").asInt()).isEqualTo(2);
            assertThat(added.get("refused").asInt()).isEqualTo(1);
            assertThat(added.get("results").get(1).get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(added.get("results").get(1).get("reason").asText())
                    .contains("a failed item without a correction cannot become a positive example");
            assertThat(added.get("results").get(0).get("source").asText()).isEqualTo("item");
            assertThat(added.get("results").get(2).get("itemKey").asText()).startsWith("case-");

            assertThat(cli.run("dataset", "add", "golden", "--case", passedCases.get(2).toString())).isZero();
            assertThat(cli.out()).contains("replaced").contains("0 added, 1 replaced, 0 refused.");

            assertThat(cli.run("dataset", "publish", "golden", "--tag", "prod", "--by", "ana", "--json")).isZero();
            JsonNode v1 = cli.json();
            assertThat(v1.get("version").asInt()).isEqualTo(1);
            assertThat(v1.get("state").asText()).isEqualTo("PUBLISHED");
            assertThat(v1.get("contentHash").asText()).hasSize(64);
            assertThat(v1.get("tags").get(0).asText()).isEqualTo("prod");
            assertThat(v1.get("items").asInt()).isEqualTo(2);

            assertThat(cli.run("dataset", "add", "golden", "--case", passedCases.get(3).toString())).isZero();
            assertThat(cli.run("dataset", "publish", "golden")).isZero();
            assertThat(cli.out()).startsWith("Published golden@2: 3 items, sha256 ");

            assertThat(cli.run("dataset", "diff", "golden@prod", "golden@2", "--json")).isZero();
            JsonNode diff = cli.json();
            assertThat(diff.get("from").get("version").asInt()).isEqualTo(1);
            assertThat(diff.get("to").get("version").asInt()).isEqualTo(2);
            assertThat(diff.get("added")).hasSize(1);
            assertThat(diff.get("removed")).isEmpty();
            assertThat(diff.get("changed")).isEmpty();

            assertThat(cli.run("dataset", "show", "golden@1", "--json")).isZero();
            JsonNode shown = cli.json();
            assertThat(shown.get("version").get("contentHash").asText()).isEqualTo(v1.get("contentHash").asText());
            JsonNode corrected = null;
            for (JsonNode item : shown.get("items")) {
                if (!item.get("provenance").get("reviewer").isNull()) {
                    corrected = item;
                }
            }
            assertThat(corrected).isNotNull();
            assertThat(corrected.get("expectedOutput").asText()).isEqualTo("Paris.");
            assertThat(corrected.get("provenance").get("reviewer").asText()).isEqualTo("ana");
            assertThat(corrected.get("provenance").get("labelId").isNumber()).isTrue();
            assertThat(corrected.get("provenance").get("sourceEvalCaseId").isNumber()).isTrue();
            assertThat(corrected.get("input").get("vars").get("country").asText()).isNotBlank();
            assertThat(corrected.get("split").asText()).isIn("train", "test");

            assertThat(cli.run("datasets", "--json")).isZero();
            JsonNode listed = cli.json().get("datasets").get(0);
            assertThat(listed.get("name").asText()).isEqualTo("golden");
            assertThat(listed.get("publishedVersions").asInt()).isEqualTo(2);
            assertThat(listed.get("latestVersion").asInt()).isEqualTo(2);
            assertThat(listed.get("draftItems").asInt()).isEqualTo(3);

            assertThat(cli.run("dataset", "show", "golden")).isZero();
            assertThat(cli.out()).startsWith("golden@2  PUBLISHED  3 items");
            assertThat(cli.run("datasets")).isZero();
            assertThat(cli.out()).contains("golden").contains("v2");

            assertThat(cli.run("dataset", "add", "golden@1", "--case", passedCases.get(4).toString()))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("is published and cannot be changed");
            assertThat(cli.run("dataset", "show", "nope")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("No dataset named \"nope\"");
            assertThat(cli.run("dataset", "add", "golden")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
        }
    }
}
