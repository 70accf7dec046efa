package dev.tracedesk.datasets;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * A dataset's item schema (a JSON Schema kept in {@code dataset.item_schema_json}) and the check of
 * an item against it before it goes into the draft. The schema applies to the item's
 * {@linkplain #document validated document}: {@code {"input": <input_json>, "expectedOutput": "…"}},
 * i.e. the input of decision 0015 ({@code messages}, {@code vars}, {@code prompt}) and the expected
 * output text — what a consumer of the dataset reads, not provenance. As for flag rules (decision
 * 0013): draft 2020-12 unless {@code $schema} names another, checked against its meta-schema when
 * saved, and nothing is fetched from the network.
 */
public final class ItemSchema {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERRORS_SHOWN = 2;

    private final Schema schema;

    private ItemSchema(Schema schema) {
        this.schema = schema;
    }

    /**
     * Compiles a schema, refusing one that is not JSON, not an object, not valid against its draft's
     * meta-schema, or whose references cannot be resolved offline.
     *
     * @throws DatasetException saying what is wrong ("The item schema is not valid JSON: …")
     */
    public static ItemSchema compile(String schemaJson) {
        JsonNode node;
        try {
            node = JSON.readTree(schemaJson == null ? "" : schemaJson);
        } catch (JsonProcessingException e) {
            throw new DatasetException("The item schema is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new DatasetException("The item schema must be a JSON object (a JSON Schema).");
        }
        try {
            List<Error> problems = metaSchemaOf(node).validate(node);
            if (!problems.isEmpty()) {
                throw new DatasetException("The item schema is not a valid JSON Schema: " + describe(problems));
            }
            Schema schema = REGISTRY.getSchema(node);
            // resolves $refs now, so a broken reference is refused at create rather than at the first add
            schema.validate(JSON.nullNode());
            return new ItemSchema(schema);
        } catch (DatasetException e) {
            throw e;
        } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
            throw new DatasetException("The item schema cannot be used: " + e.getMessage());
        }
    }

    private static Schema metaSchemaOf(JsonNode schemaNode) {
        JsonNode declared = schemaNode.get("$schema");
        String dialect = declared != null && declared.isTextual() ? declared.asText()
                : SpecificationVersion.DRAFT_2020_12.getDialectId();
        SpecificationVersion version = SpecificationVersion.fromDialectId(dialect).orElseThrow(() ->
                new DatasetException("The item schema names a draft this build does not know: " + dialect));
        return REGISTRY.getSchema(SchemaLocation.of(version.getDialectId()));
    }

    /** The JSON an item schema validates: the item's input and its expected output. */
    public static JsonNode document(DatasetItem item) {
        ObjectNode document = JSON.createObjectNode();
        document.set("input", CanonicalItems.tree(item.inputJson()));
        document.put("expectedOutput", item.expectedOutput());
        return document;
    }

    /** Empty when the item matches; otherwise the validator's first errors, in one line. */
    public Optional<String> problemWith(DatasetItem item) {
        List<Error> errors = schema.validate(document(item));
        return errors.isEmpty() ? Optional.empty() : Optional.of(describe(errors));
    }

    private static String describe(List<Error> errors) {
        StringBuilder text = new StringBuilder();
        errors.stream().limit(ERRORS_SHOWN).forEach(error -> text.append(text.length() == 0 ? "" : "; ").append(error));
        if (errors.size() > ERRORS_SHOWN) {
            text.append(" (and ").append(errors.size() - ERRORS_SHOWN).append(" more)");
        }
        return text.toString();
    }
}
