package dev.tracedesk.datasets;

import static dev.tracedesk.store.generated.Tables.DATASET;

import java.time.Clock;
import java.util.List;

import org.jooq.DSLContext;

/**
 * Changes a dataset's item schema after it was made. Items already in the draft are not removed
 * when they do not match the new schema — they were accepted under the old one, and a reviewer
 * should decide — but {@link #set} names them so they can be fixed or taken out.
 */
public final class DatasetSchemas {

    /** An item of the draft that the new schema would refuse, and why. */
    public record Mismatch(String itemKey, String problem) {
    }

    private final DSLContext dsl;
    private final Datasets datasets;

    public DatasetSchemas(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.datasets = new Datasets(dsl, clock);
    }

    /**
     * Sets the schema (checked as at create) and returns the draft's items that do not match it.
     *
     * @throws DatasetException for an unknown dataset or an unusable schema
     */
    public List<Mismatch> set(String name, String schemaJson) {
        ItemSchema schema = ItemSchema.compile(schemaJson);
        DatasetVersion draft = datasets.resolve(existing(name) + "@" + VersionRef.DRAFT);
        dsl.update(DATASET).set(DATASET.ITEM_SCHEMA_JSON, schemaJson).where(DATASET.NAME.eq(draft.dataset())).execute();
        return datasets.items(draft).stream()
                .flatMap(item -> schema.problemWith(item).map(problem -> new Mismatch(item.itemKey(), problem)).stream())
                .toList();
    }

    /** Removes the schema: items are no longer checked on add. */
    public void clear(String name) {
        dsl.update(DATASET).set(DATASET.ITEM_SCHEMA_JSON, (String) null).where(DATASET.NAME.eq(existing(name))).execute();
    }

    private String existing(String name) {
        return datasets.summary(name == null ? "" : name.trim())
                .orElseThrow(() -> new DatasetException("No dataset named \"" + name + "\". See them with: tracedesk datasets"))
                .name();
    }
}
