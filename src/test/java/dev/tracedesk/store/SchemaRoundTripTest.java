package dev.tracedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.store.generated.DefaultSchema;

/**
 * Runs the migrations and writes then reads back one row of every table, every column set,
 * on H2 and (when configured) PostgreSQL: the proof that one SQL serves both engines.
 */
class SchemaRoundTripTest {

    /** Every table DESIGN.md's model needs; a table added later must be added here on purpose. */
    private static final Set<String> EXPECTED_TABLES = Set.of(
            "workspace_setting", "import_file", "rejected_record", "trace", "span", "span_content",
            "check_result", "eval_run", "eval_case", "model_price",
            "saved_view", "flag_rule", "review_queue", "review_item", "review_label", "dataset",
            "dataset_version", "dataset_version_tag", "dataset_item", "pending_log_message",
            // Insights' derived rows (V9, decision 0021)
            "llm_call", "llm_call_hour", "llm_call_latency_hour", "llm_call_latency_day");

    /** Prompts and outputs of hundreds of KB must survive exactly, emoji and all. */
    private static final String LARGE_TEXT = ("Réponse ✓ 🙂 «line»\n\t\"quoted\" \\ ").repeat(12_000);

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyTableStoresAndReturnsEveryColumn(String engine) {
        WorkspaceLocation location = TestDatabases.freshLocation(engine, tempDir);
        try (Workspace workspace = Workspace.open(location)) {
            DSLContext dsl = workspace.dsl();
            List<Table<?>> tables = parentsFirst(DefaultSchema.DEFAULT_SCHEMA.getTables());
            assertThat(tables).extracting(Table::getName).containsExactlyInAnyOrderElementsOf(EXPECTED_TABLES);

            Map<Table<?>, Map<Field<?>, Object>> written = new HashMap<>();
            for (Table<?> table : tables) {
                Map<Field<?>, Object> values = sampleRow(table, written);
                Map<Field<?>, Object> stored = insertAndReadBack(dsl, table, values);
                for (Map.Entry<Field<?>, Object> column : values.entrySet()) {
                    assertSameValue(table, column.getKey(), column.getValue(), stored.get(column.getKey()));
                }
                written.put(table, stored);
            }
        } finally {
            TestDatabases.dropPostgresSchema(location);
        }
    }

    private static Map<Field<?>, Object> insertAndReadBack(DSLContext dsl, Table<?> table, Map<Field<?>, Object> values) {
        Record inserted = dsl.insertInto(table).set(values).returning(table.getPrimaryKey().getFields()).fetchOne();
        assertThat(inserted).as("insert into %s", table.getName()).isNotNull();
        Condition byKey = DSL.and(table.getPrimaryKey().getFields().stream()
                .map(field -> fieldEquals(field, inserted.get(field)))
                .collect(Collectors.toList()));
        Record row = dsl.selectFrom(table).where(byKey).fetchOne();
        assertThat(row).as("row of %s", table.getName()).isNotNull();
        Map<Field<?>, Object> stored = new LinkedHashMap<>();
        for (Field<?> field : table.fields()) {
            stored.put(field, row.get(field));
        }
        return stored;
    }

    @SuppressWarnings("unchecked")
    private static Condition fieldEquals(Field<?> field, Object value) {
        return ((Field<Object>) field).eq(value);
    }

    /** A value for every column: references point at the parent row written before. */
    private static Map<Field<?>, Object> sampleRow(Table<?> table, Map<Table<?>, Map<Field<?>, Object>> written) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        for (ForeignKey<?, ?> reference : table.getReferences()) {
            Map<Field<?>, Object> parent = written.get(reference.getKey().getTable());
            List<? extends Field<?>> own = reference.getFields();
            List<? extends Field<?>> theirs = reference.getKeyFields();
            for (int i = 0; i < own.size(); i++) {
                values.put(own.get(i), parent.get(theirs.get(i)));
            }
        }
        int ordinal = 0;
        for (Field<?> field : table.fields()) {
            ordinal++;
            if (values.containsKey(field) || field.getDataType().identity()) {
                continue;
            }
            values.put(field, sampleValue(field, ordinal));
        }
        return values;
    }

    private static Object sampleValue(Field<?> field, int ordinal) {
        Class<?> type = field.getType();
        if (type == String.class) {
            int length = field.getDataType().length();
            if (length == 0) {
                return LARGE_TEXT;
            }
            String text = field.getName() + "-é✓-" + ordinal;
            return text.length() <= length ? text : text.substring(0, length);
        }
        if (type == Long.class) {
            return 1_700_000_000_123_456_789L + ordinal;
        }
        if (type == Integer.class) {
            return 40 + ordinal;
        }
        if (type == Double.class) {
            return 0.875 + ordinal;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("0.0012345678");
        }
        if (type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.of(2026, 11, 27, 5, 6, 7, 123_456_000, ZoneOffset.UTC);
        }
        throw new AssertionError("No sample value for " + field + " of type " + type
                + ": extend the round-trip test when the schema gains a new type.");
    }

    private static void assertSameValue(Table<?> table, Field<?> field, Object expected, Object actual) {
        String what = table.getName() + "." + field.getName();
        if (expected instanceof BigDecimal decimal) {
            assertThat((BigDecimal) actual).as(what).isEqualByComparingTo(decimal);
        } else if (expected instanceof OffsetDateTime time) {
            assertThat(((OffsetDateTime) actual).toInstant()).as(what).isEqualTo(time.toInstant());
        } else {
            assertThat(actual).as(what).isEqualTo(expected);
        }
    }

    /** Orders tables so every referenced table comes before the tables that reference it. */
    private static List<Table<?>> parentsFirst(List<Table<?>> tables) {
        List<Table<?>> ordered = new ArrayList<>();
        List<Table<?>> pending = new ArrayList<>(tables);
        while (!pending.isEmpty()) {
            Table<?> next = pending.stream()
                    .filter(table -> table.getReferences().stream()
                            .map(reference -> reference.getKey().getTable())
                            .allMatch(parent -> parent.equals(table) || ordered.contains(parent)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("Reference cycle among " + pending));
            ordered.add(next);
            pending.remove(next);
        }
        return ordered;
    }
}
