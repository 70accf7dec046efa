package dev.tracedesk.datasets;

import static dev.tracedesk.store.generated.Tables.DATASET_ITEM;
import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.datasets.export.AssertionStyle;
import dev.tracedesk.datasets.export.ExportFormat;
import dev.tracedesk.evals.EvalRunQueries;
import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportFormat;
import dev.tracedesk.ingest.ImportResult;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.TestImports;
import dev.tracedesk.review.ReviewItems;
import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/**
 * The promptfoo round trip (decision 0017): a published dataset exported as a promptfoo tests file
 * (YAML, contains) and as promptfoo's CSV (equals), both run by the real promptfoo CLI against a mock
 * OpenAI server on 127.0.0.1, and the results.json imported back: one eval run per file, linked to
 * the published version, every case to its item, pass and fail as the mock's answers decide.
 */
class PromptfooRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An expected output promptfoo would render as a Nunjucks template (and fail on: {@code #}} is a
     * render error) unless the export escapes it; the mock answers it word for word.
     */
    private static final String LOOKS_LIKE_A_TEMPLATE = "Canberra {{ capital }} {% if x %} #}";
    /**
     * The mock's answer by country: right, right only as "contains", the template text exactly, and
     * "Bern" for an item whose expected output is {@code contains: Bern} — text that promptfoo's CSV
     * would read as a contains assertion if the writer left the type out, and so wrongly pass.
     */
    private static final Map<String, String> ANSWERS = Map.of(
            "France", "Paris",
            "Australia", LOOKS_LIKE_A_TEMPLATE,
            "Canada", "The capital is Ottawa.",
            "Switzerland", "Bern");
    private static final String LOOKS_LIKE_A_PREFIX = "contains: Bern";

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    /** Per test, not @BeforeAll: surefire counts a skip there as no test at all, and a skip must show. */
    @BeforeEach
    void promptfooIsInstalled() {
        PromptfooCli.requireInstalled();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void exportedTestsRunByPromptfooComeBackAsARunLinkedToTheVersionWithEveryItemsVerdict(String engine) throws Exception {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir);
             MockOpenAiServer mock = new MockOpenAiServer(ANSWERS)) {
            DSLContext dsl = workspace.dsl();
            DatasetVersion version = publishedCapitals(dsl);
            List<DatasetItem> items = new Datasets(dsl, Clock.systemUTC()).items(version);
            assertThat(items).hasSize(4).extracting(DatasetItem::expectedOutput)
                    .contains(LOOKS_LIKE_A_PREFIX, LOOKS_LIKE_A_TEMPLATE);

            Path yaml = export(dsl, ExportFormat.PROMPTFOO, AssertionStyle.CONTAINS, "tests.yaml");
            Path csv = export(dsl, ExportFormat.PROMPTFOO_CSV, AssertionStyle.EQUALS, "tests.csv");
            Path yamlResults = evaluate(mock, yaml, "yaml");
            Path csvResults = evaluate(mock, csv, "csv");
            assertThat(mock.calls()).as("promptfoo asked the mock once per test").isEqualTo(8);

            Map<String, String> fromYaml = importedRun(dsl, yamlResults, version.id());
            Map<String, String> fromCsv = importedRun(dsl, csvResults, version.id());
            assertThat(dsl.select(EVAL_RUN.DATASET_VERSION_ID).from(EVAL_RUN).orderBy(EVAL_RUN.ID)
                    .fetch(EVAL_RUN.DATASET_VERSION_ID))
                    .as("the fixture's run stays unlinked; one run per promptfoo eval, each linked")
                    .containsExactly(null, version.id(), version.id());

            assertThat(fromYaml).isEqualTo(verdicts(items, (answer, expected) -> answer.contains(expected)));
            assertThat(fromCsv).isEqualTo(verdicts(items, String::equals));
            assertThat(fromYaml).containsValues("PASS", "FAIL");
            assertThat(fromCsv).containsValues("PASS", "FAIL");
            assertThat(fromYaml).as("contains and equals differ on the wordy answer").isNotEqualTo(fromCsv);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void resultsOfADatasetThisWorkspaceDoesNotHoldKeepTheirItemKeysAndLinkNoVersion(String engine) throws Exception {
        Path results;
        try (EngineWorkspace origin = EngineWorkspace.open(engine, tempDir);
             MockOpenAiServer mock = new MockOpenAiServer(ANSWERS)) {
            publishedCapitals(origin.dsl());
            results = evaluate(mock, export(origin.dsl(), ExportFormat.PROMPTFOO, AssertionStyle.EQUALS, "t.yaml"), "o");
        }
        try (EngineWorkspace elsewhere = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = elsewhere.dsl();
            ImportResult imported = importFile(dsl, results);
            assertThat(imported.counts().rejected()).as(String.valueOf(imported.message())).isZero();

            assertThat(dsl.select(EVAL_RUN.DATASET_VERSION_ID).from(EVAL_RUN).fetch(EVAL_RUN.DATASET_VERSION_ID))
                    .containsExactly((Long) null);
            assertThat(dsl.select(EVAL_CASE.DATASET_ITEM_KEY).from(EVAL_CASE).fetch(EVAL_CASE.DATASET_ITEM_KEY))
                    .hasSize(4).doesNotContainNull();
        }
    }

    /**
     * "capitals" v1 from the real promptfoo fixture's gpt-4o-mini cases: France and Canada as they
     * passed, Australia (failed) with a correction that looks like a template, Switzerland with one
     * that looks like a promptfoo CSV prefix.
     */
    private static DatasetVersion publishedCapitals(DSLContext dsl) {
        ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
        Map<String, Long> cases = new LinkedHashMap<>();
        dsl.select(EVAL_CASE.ID, EVAL_CASE.DESCRIPTION).from(EVAL_CASE)
                .where(EVAL_CASE.PROVIDER.eq("openai:chat:gpt-4o-mini")).fetch()
                .forEach(r -> cases.put(r.value2(), r.value1()));
        long queue = ReviewTestData.queueOfAllCases(dsl, "cases");
        ReviewItems reviewItems = new ReviewItems(dsl, Clock.systemUTC());
        ReviewLabels labels = new ReviewLabels(dsl, Clock.systemUTC());
        long australia = reviewItemOf(reviewItems, queue, cases.get("Australia"));
        long switzerland = reviewItemOf(reviewItems, queue, cases.get("Switzerland"));
        labels.label(australia, "ana", new LabelDraft(Verdict.FAIL, List.of(), Map.of(), LOOKS_LIKE_A_TEMPLATE, null,
                Map.of()));
        labels.label(switzerland, "ana", new LabelDraft(Verdict.FAIL, List.of(), Map.of(), LOOKS_LIKE_A_PREFIX, null,
                Map.of()));

        Datasets datasets = new Datasets(dsl, Clock.systemUTC());
        datasets.create("capitals", "round trip", null);
        List<AddResult> added = datasets.add("capitals", List.of(ItemSource.evalCase(cases.get("France")),
                ItemSource.evalCase(cases.get("Canada")), ItemSource.reviewItem(australia),
                ItemSource.reviewItem(switzerland)));
        assertThat(added).as(added.toString()).extracting(AddResult::outcome).containsOnly(AddResult.Outcome.ADDED);
        return datasets.publish("capitals", "ana");
    }

    private static long reviewItemOf(ReviewItems reviewItems, long queue, long caseId) {
        return reviewItems.ofQueue(queue, 100).stream().filter(item -> item.targetId() == caseId).findFirst()
                .orElseThrow().itemId();
    }

    private Path export(DSLContext dsl, ExportFormat format, AssertionStyle style, String name) throws Exception {
        Path out = tempDir.resolve(name);
        new DatasetExports(dsl, Clock.systemUTC()).export("capitals@1", format, style, List.of(), "test", out);
        return out;
    }

    /** A promptfooconfig whose prompt uses the exported vars and whose provider is the mock; returns results.json. */
    private Path evaluate(MockOpenAiServer mock, Path tests, String name) throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("promptfoo-" + name));
        Path config = dir.resolve("promptfooconfig.yaml");
        Files.writeString(config, String.join("\n",
                "description: capitals round trip (" + name + ")",
                "prompts:",
                "  - label: capital",
                "    raw: 'What is the capital of {{country}}? Answer with the city name only.'",
                "providers:",
                "  - id: openai:chat:gpt-4o-mini",
                "    config:",
                "      apiBaseUrl: " + mock.baseUrl(),
                "      apiKey: sk-mock-not-a-real-key",
                "      temperature: 0",
                "tests: file://" + tests.toAbsolutePath(),
                ""));
        Path results = dir.resolve("results.json");
        PromptfooCli.eval(dir, config, results);
        return results;
    }

    /** Imports results.json; returns the new run's case statuses by item key, after checking its links. */
    private static Map<String, String> importedRun(DSLContext dsl, Path results, long versionId) throws Exception {
        ImportResult imported = importFile(dsl, results);
        assertThat(imported.format()).isEqualTo(ImportFormat.PROMPTFOO_JSON);
        assertThat(imported.counts().rejected()).as(String.valueOf(imported.message())).isZero();
        String evalId = JSON.readTree(results.toFile()).path("evalId").asText();
        Record run = dsl.select(EVAL_RUN.ID, EVAL_RUN.DATASET_VERSION_ID).from(EVAL_RUN)
                .where(EVAL_RUN.TOOL.eq("promptfoo"), EVAL_RUN.EXTERNAL_RUN_ID.eq(evalId)).fetchOne();
        assertThat(run).as("a run for evalId " + evalId).isNotNull();
        assertThat(run.get(EVAL_RUN.DATASET_VERSION_ID)).as("the run's dataset version").isEqualTo(versionId);
        assertThat(new EvalRunQueries(dsl).run(run.get(EVAL_RUN.ID)).orElseThrow().dataset())
                .as("as tracedesk run show names it").isEqualTo("capitals@1");

        Map<String, String> statuses = new LinkedHashMap<>();
        dsl.select(EVAL_CASE.DATASET_ITEM_KEY, EVAL_CASE.STATUS).from(EVAL_CASE)
                .where(EVAL_CASE.EVAL_RUN_ID.eq(run.get(EVAL_RUN.ID))).fetch()
                .forEach(r -> assertThat(statuses.put(r.value1(), r.value2())).as("one case per item").isNull());
        assertThat(statuses.keySet()).as("every case names an item of the version, and every item has a case")
                .containsExactlyInAnyOrderElementsOf(dsl.select(DATASET_ITEM.ITEM_KEY)
                        .from(DATASET_ITEM)
                        .where(DATASET_ITEM.DATASET_VERSION_ID.eq(versionId))
                        .fetch(DATASET_ITEM.ITEM_KEY));
        return statuses;
    }

    /** PASS or FAIL per item, from what the mock answers for the item's country and its expected output. */
    private static Map<String, String> verdicts(List<DatasetItem> items, BiPredicate<String, String> passes) {
        return items.stream().collect(Collectors.toMap(DatasetItem::itemKey, item -> {
            String answer = ANSWERS.get(country(item));
            return passes.test(answer, item.expectedOutput()) ? "PASS" : "FAIL";
        }));
    }

    private static String country(DatasetItem item) {
        try {
            return JSON.readTree(item.inputJson()).path("vars").path("country").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ImportResult importFile(DSLContext dsl, Path file) {
        return new ImportService(dsl, FormatReaders.standard()).importFile(file, Optional.empty(),
                TestImports.NEVER_CANCELLED);
    }
}
