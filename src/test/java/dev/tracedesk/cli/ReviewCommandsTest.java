package dev.tracedesk.cli;

import static dev.tracedesk.store.generated.Tables.REVIEW_LABEL;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.review.LabelSchema;
import dev.tracedesk.review.QueueDefinition;
import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.review.TargetKind;
import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;

/** {@code review list}, {@code review queues}, {@code label} and {@code verify-log} on real fixtures. */
class ReviewCommandsTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private SeededWorkspaceCli workspaceWithQueue(String engine) {
        return new SeededWorkspaceCli(engine, tempDir, dsl -> {
            ReviewTestData.importFile(dsl, ReviewTestData.OTEL_TRACES);
            ReviewTestData.queueOfAllCalls(dsl, "calls", 1, false);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void listLabelAndVerifyTheLog(String engine) throws Exception {
        try (SeededWorkspaceCli cli = workspaceWithQueue(engine)) {
            assertThat(cli.run("review", "list", "--queue", "calls", "--state", "open", "--json")).isZero();
            JsonNode items = cli.json().get("items");
            assertThat(items.size()).isGreaterThanOrEqualTo(3);
            JsonNode first = items.get(0);
            assertThat(first.get("target").get("kind").asText()).isEqualTo("SPAN");
            assertThat(first.get("target").get("traceId").asText()).isNotBlank();
            assertThat(first.get("reasons").get(0).get("rule").asText()).isEqualTo("every call");
            assertThat(first.get("state").asText()).isEqualTo("open");
            assertThat(first.has("assignee")).isTrue();
            long itemId = first.get("itemId").asLong();

            Path correction = tempDir.resolve("fixed.txt");
            Files.writeString(correction, "The refund window is 30 days.", StandardCharsets.UTF_8);
            assertThat(cli.run("label", String.valueOf(itemId), "--verdict", "FAIL", "--category", "Unsupported claim",
                    "--category", "retrieval miss", "--correction", "@" + correction, "--note", "cites no policy",
                    "--reviewer", "ana", "--json")).isZero();
            assertThat(cli.json().get("itemState").asText()).isEqualTo("done");
            assertThat(cli.json().get("categories").toString()).isEqualTo("[\"unsupported claim\",\"retrieval miss\"]");

            assertThat(cli.run("review", "list", "--queue", "calls", "--state", "done", "--json")).isZero();
            assertThat(cli.json().get("items")).extracting(item -> item.get("itemId").asLong()).containsExactly(itemId);

            assertThat(cli.run("review", "queues", "--json")).isZero();
            JsonNode calls = findQueue(cli.json(), "calls");
            assertThat(calls.get("done").asInt()).isEqualTo(1);
            assertThat(calls.get("labeledByReviewer").get("ana").asInt()).isEqualTo(1);
            assertThat(findQueue(cli.json(), "Flagged")).isNotNull();

            assertThat(cli.run("verify-log", "--json")).isZero();
            assertThat(cli.json().get("intact").asBoolean()).isTrue();
            assertThat(cli.json().get("entriesChecked").asLong()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void alteringAStoredLabelMakesVerifyLogFailNamingTheEntry(String engine) {
        try (SeededWorkspaceCli cli = workspaceWithQueue(engine)) {
            cli.run("review", "list", "--json");
            JsonNode items = cli.json().get("items");
            for (int i = 0; i < 3; i++) {
                assertThat(cli.run("label", items.get(i).get("itemId").asText(), "--verdict", "pass", "--reviewer",
                        "bo")).isZero();
            }
            long secondLabel;
            try (Workspace workspace = Workspace.open(cli.location())) {
                secondLabel = workspace.dsl().select(REVIEW_LABEL.ID).from(REVIEW_LABEL).orderBy(REVIEW_LABEL.ID)
                        .offset(1).limit(1).fetchOne(REVIEW_LABEL.ID);
                workspace.dsl().update(REVIEW_LABEL).set(REVIEW_LABEL.NOTE, "looks fine to me")
                        .where(REVIEW_LABEL.ID.eq(secondLabel)).execute();
            }

            assertThat(cli.run("verify-log")).isEqualTo(ExitCodes.LOG_BROKEN);
            assertThat(cli.err()).contains("entry " + secondLabel).contains("altered");
            assertThat(cli.run("verify-log", "--json")).isEqualTo(ExitCodes.LOG_BROKEN);
            assertThat(cli.json().get("firstBrokenEntry").asLong()).isEqualTo(secondLabel);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theWindowAndTheCommandLineLabelingAtOnceBothKeepTheirLabels(String engine) throws Exception {
        try (SeededWorkspaceCli cli = workspaceWithQueue(engine);
             Workspace window = Workspace.open(cli.location())) {
            cli.run("review", "list", "--json");
            List<Long> items = new ArrayList<>();
            cli.json().get("items").forEach(item -> items.add(item.get("itemId").asLong()));
            int rounds = 12;

            CompletableFuture<Void> windowLabels = CompletableFuture.runAsync(() -> {
                ReviewLabels labels = new ReviewLabels(window.dsl(), Clock.systemUTC());
                for (int i = 0; i < rounds; i++) {
                    labels.label(items.get(i % items.size()), "window", LabelDraft.of(Verdict.FAIL));
                }
            });
            for (int i = 0; i < rounds; i++) {
                assertThat(cli.run("label", items.get(i % items.size()).toString(), "--verdict", "pass",
                        "--reviewer", "cli")).as(cli.err()).isZero();
            }
            windowLabels.get();

            assertThat(cli.run("verify-log", "--json")).isZero();
            assertThat(cli.json().get("entriesChecked").asLong()).isEqualTo(2L * rounds);
            long byWindow = window.dsl().fetchCount(REVIEW_LABEL, REVIEW_LABEL.REVIEWER.eq("window"));
            long byCli = window.dsl().fetchCount(REVIEW_LABEL, REVIEW_LABEL.REVIEWER.eq("cli"));
            assertThat(byWindow).isEqualTo(rounds);
            assertThat(byCli).isEqualTo(rounds);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void badLabelsAreRefusedWithTheReason(String engine) {
        try (SeededWorkspaceCli cli = workspaceWithQueue(engine)) {
            cli.run("review", "list", "--json");
            String item = cli.json().get("items").get(0).get("itemId").asText();

            assertThat(cli.run("label", item, "--verdict", "maybe")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("pass, fail or unsure");
            assertThat(cli.run("label", item, "--verdict", "fail", "--category", "vibes"))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("Unknown category \"vibes\"").contains("retrieval miss");
            assertThat(cli.run("label", "999999", "--verdict", "pass")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("no review item 999999");
            assertThat(cli.run("label", item, "--verdict", "pass", "--correction", "@" + tempDir.resolve("gone.txt")))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("gone.txt");
            assertThat(cli.run("review", "list", "--queue", "nope")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("no queue named \"nope\"");

            assertThat(cli.run("verify-log", "--json")).as("nothing was written").isZero();
            assertThat(cli.json().get("entriesChecked").asLong()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void scoresFollowTheQueuesLabelSchema(String engine) {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, dsl -> {
            ReviewTestData.importFile(dsl, ReviewTestData.RAG_TRACE);
            ReviewQueues queues = new ReviewQueues(dsl, Clock.systemUTC());
            long queue = queues.create("scored", null, new QueueDefinition(QueueDefinition.Kind.MANUAL, List.of(), null),
                    1, false, LabelSchema.withScores(List.of("helpfulness", " tone ")));
            queues.addTargets(queue, TargetKind.SPAN, dsl.select(SPAN.ID).from(SPAN).where(SPAN.KIND.eq("LLM"))
                    .fetch(SPAN.ID), "scored");
        })) {
            cli.run("review", "list", "--queue", "scored", "--json");
            String item = cli.json().get("items").get(0).get("itemId").asText();

            assertThat(cli.run("label", item, "--verdict", "pass", "--score", "helpfulness=9"))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("from 1.0 to 5.0, not 9");
            assertThat(cli.run("label", item, "--verdict", "pass", "--score", "accuracy=3"))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("no score \"accuracy\"").contains("helpfulness, tone");
            assertThat(cli.run("label", item, "--verdict", "pass", "--score", "Helpfulness=4", "--score", "tone=2.5",
                    "--reviewer", "ana")).as(cli.err()).isZero();

            try (Workspace workspace = Workspace.open(cli.location())) {
                assertThat(workspace.dsl().select(REVIEW_LABEL.SCORES_JSON).from(REVIEW_LABEL).fetchOne().value1())
                        .isEqualTo("{\"helpfulness\":4.0,\"tone\":2.5}");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void assignedItemsAreListedByAssignee(String engine) {
        try (SeededWorkspaceCli cli = workspaceWithQueue(engine)) {
            cli.run("review", "list", "--json");
            String first = cli.json().get("items").get(0).get("itemId").asText();
            String second = cli.json().get("items").get(1).get("itemId").asText();

            assertThat(cli.run("review", "assign", first, second, "--to", "ana")).isZero();
            assertThat(cli.out()).contains("Assigned 2 items to ana");
            assertThat(cli.run("review", "list", "--assignee", "ana", "--json")).isZero();
            assertThat(cli.json().get("items")).extracting(item -> item.get("itemId").asText())
                    .containsExactly(first, second);
            assertThat(cli.json().get("items").get(0).get("assignee").asText()).isEqualTo("ana");

            assertThat(cli.run("review", "assign", second)).isZero();
            cli.run("review", "list", "--assignee", "ana", "--json");
            assertThat(cli.json().get("items")).hasSize(1);
            assertThat(cli.run("review", "assign", "999999", "--to", "ana")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("no review item 999999");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aQueueFromASavedViewHoldsItsCalls(String engine) {
        try (SeededWorkspaceCli cli = new SeededWorkspaceCli(engine, tempDir, dsl -> {
            ReviewTestData.importFile(dsl, ReviewTestData.OTEL_TRACES);
            new dev.tracedesk.traces.SavedViews(dsl).save("traces", "all calls", dev.tracedesk.traces.TracesViewJson.write(
                    dev.tracedesk.traces.TracesViewDefinition.DEFAULT));
        })) {
            assertThat(cli.run("review", "create", "every call", "--view", "all calls", "--labels-per-item", "2",
                    "--blind", "--score", "helpfulness")).as(cli.err()).isZero();
            assertThat(cli.out()).contains("Made queue every call with").contains("Saved view: all calls");
            cli.run("review", "queues", "--json");
            JsonNode queue = findQueue(cli.json(), "every call");
            assertThat(queue.get("labelsPerItem").asInt()).isEqualTo(2);
            assertThat(queue.get("blind").asBoolean()).isTrue();
            assertThat(queue.get("total").asInt()).isGreaterThanOrEqualTo(3);

            assertThat(cli.run("review", "create", "every call", "--view", "all calls"))
                    .isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("already a queue named \"every call\"");
            assertThat(cli.run("review", "create", "x", "--view", "missing")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("no saved Traces view named \"missing\"");
            assertThat(cli.run("review", "create", "y", "--rule", "No such rule")).isEqualTo(ExitCodes.USAGE_OR_UNREADABLE);
            assertThat(cli.err()).contains("No flag rule named [No such rule]");
        }
    }

    private static JsonNode findQueue(JsonNode json, String name) {
        for (JsonNode queue : json.get("queues")) {
            if (queue.get("name").asText().equals(name)) {
                return queue;
            }
        }
        return null;
    }
}
