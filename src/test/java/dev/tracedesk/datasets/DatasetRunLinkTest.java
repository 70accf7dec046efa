package dev.tracedesk.datasets;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/**
 * Which dataset version a promptfoo run is linked to on import (decision 0017), from results files
 * written here in promptfoo's shape; {@link PromptfooRoundTripTest} does the same through promptfoo.
 */
class DatasetRunLinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    /** A case's link as an export writes it: dataset, version, hash (null: left out), item key. */
    private record Link(String dataset, Integer version, String hash, String itemKey) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aRunLinksOnlyToOnePublishedVersionItsCasesAllName(String engine) throws Exception {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            List<Long> cases = dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("PASS"))
                    .orderBy(EVAL_CASE.ID).fetch(EVAL_CASE.ID);
            Datasets datasets = new Datasets(dsl, Clock.systemUTC());
            datasets.create("golden", null, null);
            datasets.add("golden", List.of(ItemSource.evalCase(cases.get(0))));
            DatasetVersion v1 = datasets.publish("golden", "ana");
            datasets.add("golden", List.of(ItemSource.evalCase(cases.get(1))));
            DatasetVersion v2 = datasets.publish("golden", "ana");
            String h1 = "sha256:" + v1.contentHash();
            String h2 = "sha256:" + v2.contentHash();

            assertThat(linkedVersion(dsl, "by-hash", new Link("golden", 1, h1, "a"), new Link("golden", 1, h1, "b")))
                    .isEqualTo(v1.id());
            assertThat(linkedVersion(dsl, "renamed", new Link("elsewhere", 7, h2, "a"))).as("the hash decides")
                    .isEqualTo(v2.id());
            assertThat(linkedVersion(dsl, "no-hash", new Link("golden", 2, null, "a"))).isEqualTo(v2.id());
            assertThat(linkedVersion(dsl, "two-versions", new Link("golden", 1, h1, "a"), new Link("golden", 2, h2, "b")))
                    .isNull();
            assertThat(linkedVersion(dsl, "other-content", new Link("golden", 1, "sha256:" + "0".repeat(64), "a")))
                    .as("same name and number, different items: another workspace's golden@1").isNull();
            assertThat(linkedVersion(dsl, "draft", new Link("golden", 3, null, "a"))).as("a draft is no version")
                    .isNull();
            assertThat(linkedVersion(dsl, "unknown", new Link("nope", 1, null, "a"))).isNull();
            assertThat(dsl.select(EVAL_CASE.DATASET_ITEM_KEY).from(EVAL_CASE).join(EVAL_RUN)
                    .on(EVAL_RUN.ID.eq(EVAL_CASE.EVAL_RUN_ID)).where(EVAL_RUN.EXTERNAL_RUN_ID.eq("two-versions"))
                    .orderBy(EVAL_CASE.DATASET_ITEM_KEY).fetch(EVAL_CASE.DATASET_ITEM_KEY))
                    .as("cases keep their item keys even where the run links to no version").containsExactly("a", "b");
        }
    }

    /** Imports a results.json whose cases carry these links; returns the run's dataset_version_id. */
    private Long linkedVersion(DSLContext dsl, String evalId, Link... links) throws Exception {
        ObjectNode file = JSON.createObjectNode().put("evalId", evalId);
        ObjectNode results = file.putObject("results").put("version", 3).put("timestamp", "2026-11-27T10:00:00Z");
        ArrayNode list = results.putArray("results");
        List<Link> all = new ArrayList<>(List.of(links));
        for (int i = 0; i < all.size(); i++) {
            Link link = all.get(i);
            ObjectNode result = list.addObject().put("testIdx", i).put("success", true).put("score", 1);
            result.putObject("provider").put("id", "openai:chat:gpt-4o-mini");
            result.putObject("response").put("output", "Paris");
            ObjectNode testCase = result.putObject("testCase");
            testCase.putObject("vars").put("country", "c" + i);
            ObjectNode metadata = testCase.putObject("metadata").put("tracedeskDataset", link.dataset())
                    .put("tracedeskItemKey", link.itemKey());
            if (link.version() != null) {
                metadata.put("tracedeskDatasetVersion", link.version());
            }
            if (link.hash() != null) {
                metadata.put("tracedeskContentHash", link.hash());
            }
        }
        file.putObject("config").put("description", evalId);
        Path path = Files.writeString(tempDir.resolve(evalId + ".json"), file.toString());
        ReviewTestData.importFile(dsl, path);
        return dsl.select(EVAL_RUN.DATASET_VERSION_ID).from(EVAL_RUN).where(EVAL_RUN.EXTERNAL_RUN_ID.eq(evalId))
                .fetchOne(EVAL_RUN.DATASET_VERSION_ID);
    }
}
