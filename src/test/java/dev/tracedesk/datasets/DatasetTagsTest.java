package dev.tracedesk.datasets;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.review.ReviewTestData;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/** Moving a tag between published versions and taking it off, on two versions of real promptfoo cases. */
class DatasetTagsTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aTagMovesToAnotherVersionAndCanBeTakenOff(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            List<Long> passed = dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("PASS"))
                    .orderBy(EVAL_CASE.ID).fetch(EVAL_CASE.ID);
            Datasets datasets = new Datasets(dsl, Clock.systemUTC());
            datasets.create("capitals", null, null);
            datasets.add("capitals", List.of(ItemSource.evalCase(passed.get(0))));
            datasets.publish("capitals", "ana", "prod");
            datasets.add("capitals", List.of(ItemSource.evalCase(passed.get(2))));
            datasets.publish("capitals", "ana");

            assertThat(datasets.tag("capitals@2", "prod").tags()).containsExactly("prod");
            assertThat(datasets.resolve("capitals@prod").number()).isEqualTo(2);
            assertThat(datasets.resolve("capitals@1").tags()).isEmpty();

            DatasetTags tags = new DatasetTags(dsl, Clock.systemUTC());
            assertThat(tags.delete("capitals", "prod").number()).isEqualTo(2);
            assertThatThrownBy(() -> datasets.resolve("capitals@prod")).hasMessageContaining("no version tagged");
            assertThatThrownBy(() -> tags.delete("capitals", "prod"))
                    .isInstanceOf(DatasetException.class).hasMessage("capitals has no tag \"prod\" (it has no tags).");
            datasets.tag("capitals@1", "baseline");
            assertThatThrownBy(() -> tags.delete("capitals", "prod")).hasMessageContaining("(tags: baseline)");
            assertThatThrownBy(() -> datasets.tag("capitals@draft", "next")).hasMessageContaining("is the draft");
        }
    }
}
