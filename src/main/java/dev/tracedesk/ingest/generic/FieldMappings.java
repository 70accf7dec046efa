package dev.tracedesk.ingest.generic;

import static dev.tracedesk.store.generated.Tables.WORKSPACE_SETTING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

import dev.tracedesk.ingest.source.JsonValues;

/** Named field mappings, kept in the workspace's settings (key {@code mapping.<name>}). */
public final class FieldMappings {

    private static final String PREFIX = "mapping.";

    private final DSLContext dsl;

    public FieldMappings(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void save(FieldMapping mapping) {
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Mapping '" + mapping.name() + "' cannot be saved: " + String.join("; ", problems));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        dsl.insertInto(WORKSPACE_SETTING, WORKSPACE_SETTING.SETTING_KEY, WORKSPACE_SETTING.SETTING_VALUE, WORKSPACE_SETTING.UPDATED_AT)
                .values(PREFIX + mapping.name(), mapping.toJson(), now)
                .onDuplicateKeyUpdate()
                .set(WORKSPACE_SETTING.SETTING_VALUE, mapping.toJson())
                .set(WORKSPACE_SETTING.UPDATED_AT, now)
                .execute();
    }

    public Optional<FieldMapping> find(String name) {
        return dsl.select(WORKSPACE_SETTING.SETTING_VALUE).from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(PREFIX + name))
                .fetchOptional(WORKSPACE_SETTING.SETTING_VALUE)
                .map(FieldMappings::parse);
    }

    public List<FieldMapping> all() {
        return dsl.select(WORKSPACE_SETTING.SETTING_VALUE).from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.startsWith(PREFIX))
                .orderBy(WORKSPACE_SETTING.SETTING_KEY)
                .fetch(WORKSPACE_SETTING.SETTING_VALUE)
                .stream().map(FieldMappings::parse).toList();
    }

    private static FieldMapping parse(String json) {
        try {
            return FieldMapping.fromJson(JsonValues.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
