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

/** Item schemas on the real promptfoo capitals run: refused at create when unusable, checked on every add. */
class DatasetItemSchemaTest {

    /** Vars must name a country, and the expected answer be one plain ASCII word — "Brasília" is not. */
    static final String ONE_WORD_ANSWERS = """
            {"type": "object",
             "required": ["input", "expectedOutput"],
             "properties": {
               "input": {"type": "object", "required": ["vars"],
                         "properties": {"vars": {"required": ["country"]}}},
               "expectedOutput": {"type": "string", "pattern": "^[A-Z][a-z]+$"}}}
            """;

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void itemsNotMatchingTheSchemaAreRefusedWithTheValidatorsMessageAndTheSourceId(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            List<Long> passed = dsl.select(EVAL_CASE.ID).from(EVAL_CASE).where(EVAL_CASE.STATUS.eq("PASS"))
                    .orderBy(EVAL_CASE.ID).fetch(EVAL_CASE.ID);
            long brasilia = dsl.select(EVAL_CASE.ID).from(EVAL_CASE)
                    .where(EVAL_CASE.STATUS.eq("PASS"), EVAL_CASE.ACTUAL_OUTPUT.eq("Brasília")).limit(1).fetchOne(EVAL_CASE.ID);
            Datasets datasets = new Datasets(dsl, Clock.systemUTC());
            datasets.create("capitals", null, ONE_WORD_ANSWERS);

            List<AddResult> results = datasets.add("capitals", passed.stream().map(ItemSource::evalCase).toList());

            AddResult refused = results.stream().filter(r -> r.source().id() == brasilia).findFirst().orElseThrow();
            assertThat(refused.outcome()).isEqualTo(AddResult.Outcome.REFUSED);
            assertThat(refused.reason()).startsWith("case " + brasilia + " does not match the item schema of capitals: ")
                    .contains("/expectedOutput").contains("pattern");
            assertThat(results).filteredOn(r -> r.outcome() == AddResult.Outcome.ADDED).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.source().id()).isNotEqualTo(brasilia));

            // a stricter schema names the draft items it would refuse, and keeps them; clearing it lets Brasília in
            DatasetSchemas schemas = new DatasetSchemas(dsl, Clock.systemUTC());
            List<DatasetSchemas.Mismatch> mismatches = schemas.set("capitals",
                    "{\"properties\": {\"expectedOutput\": {\"enum\": [\"Paris\"]}}}");
            int draftItems = datasets.resolve("capitals@draft").items();
            assertThat(mismatches).isNotEmpty().hasSizeLessThan(draftItems);
            assertThat(mismatches.get(0).problem()).contains("/expectedOutput");
            assertThat(datasets.itemSchema("capitals")).hasValueSatisfying(s -> assertThat(s).contains("Paris"));
            schemas.clear("capitals");
            assertThat(datasets.itemSchema("capitals")).isEmpty();
            assertThat(datasets.add("capitals", List.of(ItemSource.evalCase(brasilia))))
                    .extracting(AddResult::outcome).containsExactly(AddResult.Outcome.ADDED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anUnusableSchemaIsRefusedAtCreateWithTheReason(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            Datasets datasets = new Datasets(workspace.dsl(), Clock.systemUTC());

            assertThatThrownBy(() -> datasets.create("a", null, "{\"type\": "))
                    .isInstanceOf(DatasetException.class).hasMessageStartingWith("The item schema is not valid JSON");
            assertThatThrownBy(() -> datasets.create("b", null, "{\"type\": \"strin\"}"))
                    .isInstanceOf(DatasetException.class).hasMessageContaining("is not a valid JSON Schema")
                    .hasMessageContaining("/type");
            assertThatThrownBy(() -> datasets.create("c", null, "[1]"))
                    .isInstanceOf(DatasetException.class).hasMessageContaining("must be a JSON object");
            assertThatThrownBy(() -> datasets.create("d", null, "{\"$ref\": \"https://example.com/item.json\"}"))
                    .isInstanceOf(DatasetException.class).hasMessageContaining("cannot be used");
            assertThat(datasets.list()).as("nothing was made").isEmpty();
            assertThatThrownBy(() -> new DatasetSchemas(workspace.dsl(), Clock.systemUTC()).set("nope", "{}"))
                    .isInstanceOf(DatasetException.class).hasMessageContaining("No dataset named \"nope\"");
        }
    }
}
