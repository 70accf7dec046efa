package dev.tracedesk.datasets;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.review.ReviewItemSummary;
import dev.tracedesk.review.ReviewItems;
import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.review.log.LabelEntry;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.content.ContentJson;

/** The dataset store on real fixtures: items from review, cases and spans; publish, tags, diff, splits. */
class DatasetsTest {

    @TempDir
    Path tempDir;

    private static final Path OTEL_LOGS = Path.of("src/test/resources/fixtures/otel-genai/logs.jsonl");

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static LabelDraft draft(Verdict verdict, String correction) {
        return new LabelDraft(verdict, List.of(), Map.of(), correction, null, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void reviewedItemsBecomeItemsWithTheCorrectionOrThePassedOutputAndAFailWithoutCorrectionIsRefused(String engine) throws Exception {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.OTEL_TRACES);
            ReviewTestData.importFile(dsl, OTEL_LOGS);
            ReviewItems reviewItems = new ReviewItems(dsl, Clock.systemUTC());
            // calls whose answer is text (a call answering with tool calls only has no output to expect)
            List<Long> all = ReviewTestData.itemIds(dsl, ReviewTestData.queueOfAllCalls(dsl, "calls", 1, false));
            List<Long> items = all.stream()
                    .filter(id -> hasTextOutput(dsl, reviewItems.item(id).orElseThrow().targetId())).toList();
            assertThat(items).hasSizeGreaterThanOrEqualTo(4);
            long unlabeled = all.stream().filter(id -> !items.contains(id)).findFirst().orElseThrow();
            ReviewLabels labels = new ReviewLabels(dsl, Clock.systemUTC());
            LabelEntry corrected = labels.label(items.get(0), "ana", draft(Verdict.FAIL, "The capital is Paris."));
            LabelEntry passed = labels.label(items.get(1), "ana", draft(Verdict.PASS, null));
            labels.label(items.get(2), "ana", draft(Verdict.FAIL, null));
            // relabelled: the newest label counts, and its correction wins even on a pass
            labels.label(items.get(3), "bo", draft(Verdict.FAIL, null));
            labels.label(items.get(3), "bo", draft(Verdict.PASS, "Better answer."));

            Datasets datasets = new Datasets(dsl, Clock.systemUTC());
            datasets.create("golden", "reviewed calls", null);
            List<AddResult> results = datasets.add("golden", List.of(ItemSource.reviewItem(items.get(0)),
                    ItemSource.reviewItem(items.get(1)), ItemSource.reviewItem(items.get(2)),
                    ItemSource.reviewItem(items.get(3)), ItemSource.reviewItem(unlabeled)));

            assertThat(results).as(results.toString()).extracting(AddResult::outcome).containsExactly(AddResult.Outcome.ADDED,
                    AddResult.Outcome.ADDED, AddResult.Outcome.REFUSED, AddResult.Outcome.ADDED,
                    AddResult.Outcome.REFUSED);
            assertThat(results.get(2).reason())
                    .contains("a failed item without a correction cannot become a positive example");
            assertThat(results.get(4).reason()).contains("no label");

            DatasetVersion draftVersion = datasets.resolve("golden@draft");
            Map<String, DatasetItem> byKey = datasets.items(draftVersion).stream()
                    .collect(Collectors.toMap(DatasetItem::itemKey, Function.identity()));
            DatasetItem first = byKey.get(results.get(0).itemKey());
            assertThat(first.expectedOutput()).isEqualTo("The capital is Paris.");
            assertThat(first.reviewer()).isEqualTo("ana");
            assertThat(first.labelId()).isEqualTo(corrected.id());
            ReviewItemSummary firstItem = new ReviewItems(dsl, Clock.systemUTC()).item(items.get(0)).orElseThrow();
            assertThat(first.sourceSpanId()).isEqualTo(firstItem.targetId());
            assertThat(first.servedModel()).isNotBlank();
            JsonNode input = new ObjectMapper().readTree(first.inputJson());
            assertThat(input.get("messages")).isNotEmpty();
            assertThat(input.get("messages").get(0).get("role").asText()).isIn("system", "user", "assistant", "tool");
            assertThat(first.split()).isEqualTo(Datasets.defaultSplit(first.itemKey()));

            DatasetItem second = byKey.get(results.get(1).itemKey());
            long secondSpan = new ReviewItems(dsl, Clock.systemUTC()).item(items.get(1)).orElseThrow().targetId();
            DatasetItem sameSpan = datasets.items(draftVersion).stream()
                    .filter(item -> item.sourceSpanId() == secondSpan).findFirst().orElseThrow();
            assertThat(second).isEqualTo(sameSpan);
            assertThat(second.expectedOutput()).isNotBlank();
            assertThat(second.labelId()).isEqualTo(passed.id());
            assertThat(byKey.get(results.get(3).itemKey()).expectedOutput()).isEqualTo("Better answer.");

            // re-adding the same source replaces, never duplicates; the span itself has the same key
            List<AddResult> again = datasets.add("golden", List.of(ItemSource.reviewItem(items.get(1)),
                    ItemSource.span(secondSpan)));
            assertThat(again).extracting(AddResult::outcome)
                    .containsExactly(AddResult.Outcome.REPLACED, AddResult.Outcome.REPLACED);
            assertThat(again.get(1).itemKey()).isEqualTo(results.get(1).itemKey());
            assertThat(datasets.resolve("golden@draft").items()).isEqualTo(3);
            assertThat(datasets.items(datasets.resolve("golden@draft")).stream()
                    .filter(item -> item.itemKey().equals(again.get(1).itemKey())).findFirst().orElseThrow().reviewer())
                    .as("added as a span: no reviewer").isNull();
        }
    }

    private static boolean hasTextOutput(DSLContext dsl, long spanId) {
        String messages = dsl.select(SPAN_CONTENT.MESSAGES_JSON).from(SPAN_CONTENT).where(SPAN_CONTENT.SPAN_ID.eq(spanId))
                .fetchOne(SPAN_CONTENT.MESSAGES_JSON);
        return messages != null && ContentJson.parseMessages(messages).stream()
                .anyMatch(m -> "OUTPUT".equals(m.direction()) && m.content() != null && !m.content().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void casesAndSpansBecomeItemsWithProvenance(String engine) throws Exception {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            ReviewTestData.importFile(dsl, ReviewTestData.RAG_TRACE);
            long passedCase = dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("PASS"))
                    .orderBy(EVAL_CASE.ID).limit(1).fetchOne(EVAL_CASE.ID);
            long failedCase = dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("FAIL"))
                    .orderBy(EVAL_CASE.ID).limit(1).fetchOne(EVAL_CASE.ID);
            long caseQueue = ReviewTestData.queueOfAllCases(dsl, "cases");
            long reviewedCase = new ReviewItems(dsl, Clock.systemUTC()).ofQueue(caseQueue, 100).stream()
                    .filter(item -> item.targetId() == failedCase).findFirst().orElseThrow().itemId();
            new ReviewLabels(dsl, Clock.systemUTC()).label(reviewedCase, "ana", draft(Verdict.FAIL, null));
            long call = dsl.select(SPAN.ID).from(SPAN).where(SPAN.KIND.eq("LLM")).orderBy(SPAN.ID).limit(1)
                    .fetchOne(SPAN.ID);
            long notACall = dsl.select(SPAN.ID).from(SPAN).where(SPAN.KIND.ne("LLM")).orderBy(SPAN.ID).limit(1)
                    .fetchOne(SPAN.ID);

            Datasets datasets = new Datasets(dsl, Clock.systemUTC());
            datasets.create("mixed", null, "{\"type\":\"object\"}");
            List<AddResult> results = datasets.add("mixed", List.of(ItemSource.evalCase(passedCase),
                    ItemSource.reviewItem(reviewedCase), ItemSource.span(call), ItemSource.span(notACall),
                    ItemSource.span(999_999), ItemSource.evalCase(failedCase)));

            assertThat(results).as(results.toString()).extracting(AddResult::outcome).containsExactly(AddResult.Outcome.ADDED,
                    AddResult.Outcome.REFUSED, AddResult.Outcome.ADDED, AddResult.Outcome.REFUSED,
                    AddResult.Outcome.REFUSED, AddResult.Outcome.ADDED);
            DatasetItem failedWithReference = datasets.items(datasets.resolve("mixed@draft")).stream()
                    .filter(item -> item.itemKey().equals(results.get(5).itemKey())).findFirst().orElseThrow();
            assertThat(failedWithReference.expectedOutput()).as("a failed case's own expected output")
                    .isEqualTo(dsl.select(EVAL_CASE.EXPECTED_OUTPUT).from(EVAL_CASE).where(EVAL_CASE.ID.eq(failedCase))
                            .fetchOne(EVAL_CASE.EXPECTED_OUTPUT));
            assertThat(results.get(1).reason()).contains("cannot become a positive example");
            assertThat(results.get(3).reason()).contains("not an LLM call");
            assertThat(results.get(4).reason()).contains("no span 999999");

            Map<String, DatasetItem> byKey = datasets.items(datasets.resolve("mixed@draft")).stream()
                    .collect(Collectors.toMap(DatasetItem::itemKey, Function.identity()));
            DatasetItem fromCase = byKey.get(results.get(0).itemKey());
            assertThat(fromCase.itemKey()).startsWith("case-");
            assertThat(fromCase.sourceEvalCaseId()).isEqualTo(passedCase);
            assertThat(fromCase.expectedOutput()).isEqualTo(dsl.select(EVAL_CASE.EXPECTED_OUTPUT).from(EVAL_CASE)
                    .where(EVAL_CASE.ID.eq(passedCase)).fetchOne(EVAL_CASE.EXPECTED_OUTPUT));
            JsonNode caseInput = new ObjectMapper().readTree(fromCase.inputJson());
            assertThat(caseInput.get("vars").get("country").asText()).isNotBlank();
            assertThat(caseInput.has("messages")).isFalse();

            DatasetItem fromSpan = byKey.get(results.get(2).itemKey());
            assertThat(fromSpan.itemKey()).startsWith("span-");
            assertThat(fromSpan.sourceSpanId()).isEqualTo(call);
            assertThat(fromSpan.expectedOutput()).isNotBlank();
            assertThat(fromSpan.retrievedDocumentIds()).as("the RAG trace's retrieved documents").isNotEmpty();
            assertThat(datasets.itemSchema("mixed")).contains("{\"type\":\"object\"}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void publishFreezesAVersionWithAStableHashAndOpensADraftDiffsAndTagsFollow(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            List<Long> passed = dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("PASS"))
                    .orderBy(EVAL_CASE.ID).fetch(EVAL_CASE.ID);
            assertThat(passed).hasSizeGreaterThanOrEqualTo(4);
            Datasets datasets = new Datasets(dsl, Clock.systemUTC());
            datasets.create("capitals", "d", null);
            assertThatThrownBy(() -> datasets.publish("capitals", "ana")).hasMessageContaining("has no items");
            datasets.add("capitals", passed.subList(0, 3).stream().map(ItemSource::evalCase).toList());

            DatasetVersion v1 = datasets.publish("capitals", "ana", "prod");
            assertThat(v1.number()).isEqualTo(1);
            assertThat(v1.state()).isEqualTo(DatasetVersion.State.PUBLISHED);
            assertThat(v1.contentHash()).hasSize(64);
            assertThat(v1.publishedBy()).isEqualTo("ana");
            assertThat(v1.tags()).containsExactly("prod");
            DatasetVersion draft = datasets.resolve("capitals@draft");
            assertThat(draft.number()).isEqualTo(2);
            assertThat(draft.items()).isEqualTo(3);
            assertThat(datasets.resolve("capitals").number()).isEqualTo(1);
            assertThat(datasets.resolve("capitals@prod").id()).isEqualTo(v1.id());

            // publishing the same items again gives the same hash
            DatasetVersion v2 = datasets.publish("capitals", "bo");
            assertThat(v2.number()).isEqualTo(2);
            assertThat(v2.contentHash()).isEqualTo(v1.contentHash());
            assertThat(datasets.diff("capitals@1", "capitals@2").isEmpty()).isTrue();

            // a published version cannot be edited
            String someKey = datasets.items(v1).get(0).itemKey();
            assertThatThrownBy(() -> datasets.add("capitals@1", List.of(ItemSource.evalCase(passed.get(3)))))
                    .isInstanceOf(DatasetException.class).hasMessageContaining("is published and cannot be changed");
            assertThatThrownBy(() -> datasets.setSplit("capitals@prod", someKey, "test"))
                    .hasMessageContaining("is published and cannot be changed");
            assertThatThrownBy(() -> datasets.remove("capitals@2", someKey))
                    .hasMessageContaining("is published and cannot be changed");

            // edits go to the draft: one added, one removed, one changed (its split)
            List<DatasetItem> v1Items = datasets.items(v1);
            String removedKey = v1Items.get(0).itemKey();
            String changedKey = v1Items.get(1).itemKey();
            String otherSplit = v1Items.get(1).split().equals(Datasets.TRAIN) ? Datasets.TEST : Datasets.TRAIN;
            String addedKey = datasets.add("capitals", List.of(ItemSource.evalCase(passed.get(3)))).get(0).itemKey();
            assertThat(datasets.remove("capitals", removedKey)).isTrue();
            datasets.setSplit("capitals", changedKey, otherSplit);
            DatasetVersion v3 = datasets.publish("capitals", "ana", "prod", "candidate");

            assertThat(v3.contentHash()).isNotEqualTo(v1.contentHash());
            assertThat(datasets.items(v1)).isEqualTo(v1Items);
            assertThat(datasets.resolve("capitals@1").contentHash()).isEqualTo(v1.contentHash());
            DatasetDiff diff = datasets.diff("capitals@prod", "capitals@1");
            assertThat(diff.from().number()).as("the tag moved").isEqualTo(3);
            assertThat(diff.added()).containsExactly(removedKey);
            assertThat(diff.removed()).containsExactly(addedKey);
            assertThat(diff.changed()).containsExactly(changedKey);
            assertThat(datasets.resolve("capitals@1").tags()).isEmpty();
            assertThat(datasets.tag("capitals@1", "baseline").tags()).containsExactly("baseline");
            assertThatThrownBy(() -> datasets.tag("capitals@draft", "x")).hasMessageContaining("Only published");
            assertThatThrownBy(() -> datasets.resolve("capitals@nope")).hasMessageContaining("no version tagged");
            assertThatThrownBy(() -> datasets.resolve("capitals@9")).hasMessageContaining("no published version 9");

            DatasetSummary summary = datasets.list().get(0);
            assertThat(summary.name()).isEqualTo("capitals");
            assertThat(summary.publishedVersions()).isEqualTo(3);
            assertThat(summary.latestVersion()).isEqualTo(3);
            assertThat(summary.draftVersion()).isEqualTo(4);
            assertThat(summary.draftItems()).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void namesAreCheckedAndSplitsStayAcrossVersions(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            Datasets datasets = new Datasets(dsl, Clock.systemUTC());
            datasets.create("a", null, null);
            assertThatThrownBy(() -> datasets.create("a", null, null)).hasMessageContaining("already exists");
            assertThatThrownBy(() -> datasets.create("  ", null, null)).hasMessageContaining("needs a name");
            assertThatThrownBy(() -> datasets.create("x@y", null, null)).hasMessageContaining("cannot contain @");
            assertThatThrownBy(() -> datasets.create("s", null, "[1]")).hasMessageContaining("JSON object");
            assertThatThrownBy(() -> datasets.resolve("nope")).hasMessageContaining("No dataset named \"nope\"");

            List<Long> passed = dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("PASS"))
                    .orderBy(EVAL_CASE.ID).fetch(EVAL_CASE.ID);
            datasets.add("a", passed.stream().map(ItemSource::evalCase).toList());
            String custom = datasets.items(datasets.resolve("a@draft")).get(0).itemKey();
            datasets.setSplit("a", custom, "holdout");
            DatasetVersion v1 = datasets.publish("a", "ana");
            datasets.add("a", passed.stream().map(ItemSource::evalCase).toList());
            DatasetVersion v2 = datasets.publish("a", "ana");

            Map<String, String> splits1 = datasets.items(v1).stream()
                    .collect(Collectors.toMap(DatasetItem::itemKey, DatasetItem::split));
            Map<String, String> splits2 = datasets.items(v2).stream()
                    .collect(Collectors.toMap(DatasetItem::itemKey, DatasetItem::split));
            assertThat(splits2).isEqualTo(splits1);
            assertThat(splits2.get(custom)).isEqualTo("holdout");
            assertThat(v2.contentHash()).isEqualTo(v1.contentHash());
        }
    }

    @Test
    void defaultSplitsAreStableAndRoughlyEightyTwenty() {
        long train = java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "case-" + i)
                .filter(key -> Datasets.defaultSplit(key).equals(Datasets.TRAIN)).count();
        assertThat(train).isBetween(1500L, 1700L);
        assertThat(Datasets.defaultSplit("span-abc")).isEqualTo(Datasets.defaultSplit("span-abc"));
    }

    @Test
    void versionReferencesParse() {
        assertThat(VersionRef.parse("golden")).isEqualTo(new VersionRef("golden", null));
        assertThat(VersionRef.parse("golden@3").number()).isEqualTo(3);
        assertThat(VersionRef.parse("golden@draft").isDraft()).isTrue();
        assertThat(VersionRef.parse("golden@prod").selector()).isEqualTo("prod");
        assertThatThrownBy(() -> VersionRef.parse("golden@")).isInstanceOf(DatasetException.class);
    }
}
