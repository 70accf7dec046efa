package dev.tracedesk.review.rules;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * A JSON_SCHEMA rule's schema, compiled once per apply, and the check of one output against it
 * (decision 0013). Nothing is fetched from the network: a {@code $ref} to a remote schema is an
 * error in the rule, not a download.
 */
final class JsonSchemaCheck {

    /** Draft 2020-12 unless the schema's own {@code $schema} names another draft. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));

    private static final int ERRORS_SHOWN = 2;

    private final Schema schema;

    private JsonSchemaCheck(Schema schema) {
        this.schema = schema;
    }

    static JsonSchemaCheck of(String schemaJson) {
        try {
            return compile(RuleConfigJson.MAPPER.readTree(schemaJson));
        } catch (JsonProcessingException e) {
            throw new RuleConfigException("the JSON Schema is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * @throws RuleConfigException when the schema is not valid against its draft's meta-schema or
     *                             cannot be built (an unknown draft, a remote {@code $ref})
     */
    static JsonSchemaCheck compile(JsonNode schemaNode) {
        try {
            if (schemaNode.isObject()) {
                List<Error> problems = metaSchemaOf(schemaNode).validate(schemaNode);
                if (!problems.isEmpty()) {
                    throw new RuleConfigException("the JSON Schema is not a valid schema: " + describe(problems));
                }
            }
            Schema schema = REGISTRY.getSchema(schemaNode);
            // Resolves references now, so a broken $ref is reported when the rule is saved.
            schema.validate(RuleConfigJson.MAPPER.nullNode());
            return new JsonSchemaCheck(schema);
        } catch (RuleConfigException e) {
            throw e;
        } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
            throw new RuleConfigException("the JSON Schema cannot be used: " + e.getMessage(), e);
        }
    }

    private static Schema metaSchemaOf(JsonNode schemaNode) {
        JsonNode declared = schemaNode.get("$schema");
        String dialect = declared != null && declared.isTextual() ? declared.asText()
                : SpecificationVersion.DRAFT_2020_12.getDialectId();
        SpecificationVersion version = SpecificationVersion.fromDialectId(dialect)
                .orElseThrow(() -> new RuleConfigException("the JSON Schema names a draft this build does not know: " + dialect));
        return REGISTRY.getSchema(SchemaLocation.of(version.getDialectId()));
    }

    /** Empty when the output is JSON and valid; otherwise what is wrong, in one line. */
    Optional<String> problemWith(String output) {
        JsonNode value;
        try {
            value = RuleConfigJson.MAPPER.readTree(output);
        } catch (JsonProcessingException e) {
            return Optional.of("output is not JSON: " + e.getOriginalMessage());
        }
        if (value == null || value.isMissingNode()) {
            return Optional.of("output is not JSON: it is empty");
        }
        List<Error> errors = schema.validate(value);
        return errors.isEmpty() ? Optional.empty() : Optional.of("output does not match the schema: " + describe(errors));
    }

    private static String describe(List<Error> errors) {
        StringBuilder text = new StringBuilder();
        errors.stream().limit(ERRORS_SHOWN).forEach(error -> text.append(text.length() == 0 ? "" : "; ").append(error.toString()));
        if (errors.size() > ERRORS_SHOWN) {
            text.append(" (and ").append(errors.size() - ERRORS_SHOWN).append(" more)");
        }
        return text.toString();
    }
}
