package dev.tracedesk.datasets;

import static dev.tracedesk.store.generated.Tables.DATASET;
import static dev.tracedesk.store.generated.Tables.DATASET_ITEM;
import static dev.tracedesk.store.generated.Tables.DATASET_VERSION;
import static dev.tracedesk.store.generated.Tables.DATASET_VERSION_TAG;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The dataset store (decision 0015). Every dataset has one DRAFT version, made with it, where
 * edits go; {@link #publish} freezes the draft as a PUBLISHED version with a content hash and
 * opens the next draft with a copy of its items. Published versions are never changed; tags
 * name one version of a dataset at a time.
 */
public final class Datasets {

    public static final String TRAIN = "train";
    public static final String TEST = "test";
    /** Share of items the default split sends to train, in percent. */
    public static final int TRAIN_PERCENT = 80;

    private static final Pattern SPLIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

    private final DSLContext dsl;
    private final Clock clock;

    public Datasets(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    // ---- datasets

    /** Makes a dataset and its first draft (version 1). The schema, when given, must be a JSON object. */
    public DatasetSummary create(String name, String description, String itemSchemaJson) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new DatasetException("A dataset needs a name.");
        }
        if (trimmed.contains("@")) {
            throw new DatasetException("A dataset name cannot contain @ (it separates the name from a version): "
                    + trimmed);
        }
        if (trimmed.length() > 200) {
            throw new DatasetException("A dataset name has at most 200 characters.");
        }
        if (itemSchemaJson != null && !itemSchemaJson.isBlank()) {
            ItemSchema.compile(itemSchemaJson);
        }
        dsl.transaction(configuration -> {
            DSLContext tx = DSL.using(configuration);
            if (tx.fetchExists(DATASET, DATASET.NAME.eq(trimmed))) {
                throw new DatasetException("A dataset named \"" + trimmed + "\" already exists.");
            }
            long id = tx.insertInto(DATASET, DATASET.NAME, DATASET.DESCRIPTION, DATASET.ITEM_SCHEMA_JSON,
                            DATASET.CREATED_AT)
                    .values(trimmed, blankToNull(description), blankToNull(itemSchemaJson), now())
                    .returningResult(DATASET.ID).fetchOne().value1();
            tx.insertInto(DATASET_VERSION, DATASET_VERSION.DATASET_ID, DATASET_VERSION.VERSION_NUMBER,
                    DATASET_VERSION.STATE).values(id, 1, DatasetVersion.State.DRAFT.name()).execute();
        });
        return summary(trimmed).orElseThrow();
    }

    /** Every dataset by name, with its version counts. */
    public List<DatasetSummary> list() {
        return summaries(DSL.trueCondition());
    }

    public Optional<DatasetSummary> summary(String name) {
        return summaries(DATASET.NAME.eq(name)).stream().findFirst();
    }

    private List<DatasetSummary> summaries(org.jooq.Condition where) {
        var published = DSL.count().filterWhere(DATASET_VERSION.STATE.eq(DatasetVersion.State.PUBLISHED.name()));
        var latest = DSL.max(DATASET_VERSION.VERSION_NUMBER)
                .filterWhere(DATASET_VERSION.STATE.eq(DatasetVersion.State.PUBLISHED.name()));
        var draft = DSL.max(DATASET_VERSION.VERSION_NUMBER)
                .filterWhere(DATASET_VERSION.STATE.eq(DatasetVersion.State.DRAFT.name()));
        Map<Long, Integer> draftItems = new LinkedHashMap<>();
        dsl.select(DATASET_VERSION.DATASET_ID, DSL.count(DATASET_ITEM.ID))
                .from(DATASET_VERSION).leftJoin(DATASET_ITEM).on(DATASET_ITEM.DATASET_VERSION_ID.eq(DATASET_VERSION.ID))
                .where(DATASET_VERSION.STATE.eq(DatasetVersion.State.DRAFT.name()))
                .groupBy(DATASET_VERSION.DATASET_ID)
                .forEach(r -> draftItems.put(r.value1(), r.value2()));
        return dsl.select(DATASET.ID, DATASET.NAME, DATASET.DESCRIPTION, DATASET.CREATED_AT, published, latest, draft)
                .from(DATASET).leftJoin(DATASET_VERSION).on(DATASET_VERSION.DATASET_ID.eq(DATASET.ID))
                .where(where)
                .groupBy(DATASET.ID, DATASET.NAME, DATASET.DESCRIPTION, DATASET.CREATED_AT)
                .orderBy(DATASET.NAME)
                .fetch(r -> new DatasetSummary(r.value1(), r.value2(), r.value3(), r.value4().toInstant(),
                        r.value5(), r.value6(), r.value7() == null ? 0 : r.value7(),
                        draftItems.getOrDefault(r.value1(), 0)));
    }

    /** The item schema a dataset was made with, if any. */
    public Optional<String> itemSchema(String name) {
        return Optional.ofNullable(datasetRow(name).get(DATASET.ITEM_SCHEMA_JSON));
    }

    // ---- versions

    /** Every version of a dataset, oldest first; the draft last. */
    public List<DatasetVersion> versions(String name) {
        Record dataset = datasetRow(name);
        return versionsWhere(DATASET_VERSION.DATASET_ID.eq(dataset.get(DATASET.ID)));
    }

    /** {@code NAME} (newest published, else the draft), {@code NAME@3}, {@code NAME@TAG}, {@code NAME@draft}. */
    public DatasetVersion resolve(String reference) {
        VersionRef ref = VersionRef.parse(reference);
        Record dataset = datasetRow(ref.name());
        long datasetId = dataset.get(DATASET.ID);
        List<DatasetVersion> versions = versionsWhere(DATASET_VERSION.DATASET_ID.eq(datasetId));
        if (ref.selector() == null) {
            return versions.stream().filter(v -> !v.isDraft()).reduce((a, b) -> b)
                    .orElseGet(() -> versions.stream().filter(DatasetVersion::isDraft).findFirst().orElseThrow());
        }
        if (ref.isDraft()) {
            return versions.stream().filter(DatasetVersion::isDraft).findFirst().orElseThrow();
        }
        Integer number = ref.number();
        if (number != null) {
            return versions.stream().filter(v -> v.number() == number && !v.isDraft()).findFirst()
                    .orElseThrow(() -> new DatasetException(ref.name() + " has no published version " + number
                            + describeVersions(versions)));
        }
        return versions.stream().filter(v -> v.tags().contains(ref.selector())).findFirst()
                .orElseThrow(() -> new DatasetException(ref.name() + " has no version tagged \"" + ref.selector()
                        + "\"" + describeVersions(versions)));
    }

    private static String describeVersions(List<DatasetVersion> versions) {
        List<String> published = versions.stream().filter(v -> !v.isDraft())
                .map(v -> v.number() + (v.tags().isEmpty() ? "" : " " + v.tags())).toList();
        return published.isEmpty() ? " (nothing is published yet; the draft is NAME@draft)."
                : " (published: " + String.join(", ", published) + ").";
    }

    /**
     * Freezes the draft as a published version with its content hash, tags it, and opens the next
     * draft with a copy of its items. Refuses an empty draft.
     */
    public DatasetVersion publish(String name, String publishedBy, String... tags) {
        List<String> tagList = tags == null ? List.of() : List.of(tags);
        tagList.forEach(Datasets::checkTag);
        String by = blankToNull(publishedBy);
        long versionId = dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            Record dataset = datasetRow(tx, name);
            long datasetId = dataset.get(DATASET.ID);
            Record draft = tx.selectFrom(DATASET_VERSION)
                    .where(DATASET_VERSION.DATASET_ID.eq(datasetId),
                            DATASET_VERSION.STATE.eq(DatasetVersion.State.DRAFT.name()))
                    .forUpdate().fetchOne();
            long draftId = draft.get(DATASET_VERSION.ID);
            List<DatasetItem> items = DatasetItemRows.read(tx, draftId);
            if (items.isEmpty()) {
                throw new DatasetException("The draft of " + name + " has no items; add some before publishing "
                        + "(tracedesk dataset add " + name + " --item ID).");
            }
            int updated = tx.update(DATASET_VERSION)
                    .set(DATASET_VERSION.STATE, DatasetVersion.State.PUBLISHED.name())
                    .set(DATASET_VERSION.CONTENT_HASH, CanonicalItems.contentHash(items))
                    .set(DATASET_VERSION.PUBLISHED_AT, now())
                    .set(DATASET_VERSION.PUBLISHED_BY, by)
                    .where(DATASET_VERSION.ID.eq(draftId), DATASET_VERSION.STATE.eq(DatasetVersion.State.DRAFT.name()))
                    .execute();
            if (updated != 1) {
                throw new DatasetException("The draft of " + name + " was published by someone else just now.");
            }
            long next = tx.insertInto(DATASET_VERSION, DATASET_VERSION.DATASET_ID, DATASET_VERSION.VERSION_NUMBER,
                            DATASET_VERSION.STATE)
                    .values(datasetId, draft.get(DATASET_VERSION.VERSION_NUMBER) + 1, DatasetVersion.State.DRAFT.name())
                    .returningResult(DATASET_VERSION.ID).fetchOne().value1();
            tx.insertInto(DATASET_ITEM, DATASET_ITEM.DATASET_VERSION_ID, DATASET_ITEM.ITEM_KEY, DATASET_ITEM.SPLIT,
                            DATASET_ITEM.INPUT_JSON, DATASET_ITEM.EXPECTED_OUTPUT, DATASET_ITEM.SOURCE_SPAN_ID,
                            DATASET_ITEM.SOURCE_EVAL_CASE_ID, DATASET_ITEM.SERVED_MODEL,
                            DATASET_ITEM.PROMPT_TEMPLATE_NAME, DATASET_ITEM.PROMPT_TEMPLATE_VERSION,
                            DATASET_ITEM.RETRIEVED_DOCUMENT_IDS_JSON, DATASET_ITEM.REVIEWER, DATASET_ITEM.LABEL_ID,
                            DATASET_ITEM.METADATA_JSON)
                    .select(tx.select(DSL.val(next), DATASET_ITEM.ITEM_KEY, DATASET_ITEM.SPLIT,
                                    DATASET_ITEM.INPUT_JSON, DATASET_ITEM.EXPECTED_OUTPUT, DATASET_ITEM.SOURCE_SPAN_ID,
                                    DATASET_ITEM.SOURCE_EVAL_CASE_ID, DATASET_ITEM.SERVED_MODEL,
                                    DATASET_ITEM.PROMPT_TEMPLATE_NAME, DATASET_ITEM.PROMPT_TEMPLATE_VERSION,
                                    DATASET_ITEM.RETRIEVED_DOCUMENT_IDS_JSON, DATASET_ITEM.REVIEWER,
                                    DATASET_ITEM.LABEL_ID, DATASET_ITEM.METADATA_JSON)
                            .from(DATASET_ITEM).where(DATASET_ITEM.DATASET_VERSION_ID.eq(draftId)))
                    .execute();
            for (String tag : tagList) {
                moveTag(tx, datasetId, tag, draftId);
            }
            return draftId;
        });
        return versionsWhere(DATASET_VERSION.ID.eq(versionId)).get(0);
    }

    /** Points the tag at a published version, taking it off whichever version had it. */
    public DatasetVersion tag(String reference, String tag) {
        checkTag(tag);
        DatasetVersion version = resolve(reference);
        if (version.isDraft()) {
            throw new DatasetException("Only published versions can be tagged; " + version.label()
                    + " is the draft. Publish it first (tracedesk dataset publish " + version.dataset() + " --tag "
                    + tag + ").");
        }
        dsl.transaction(configuration -> moveTag(DSL.using(configuration), version.datasetId(), tag, version.id()));
        return versionsWhere(DATASET_VERSION.ID.eq(version.id())).get(0);
    }

    private static void moveTag(DSLContext tx, long datasetId, String tag, long versionId) {
        tx.deleteFrom(DATASET_VERSION_TAG)
                .where(DATASET_VERSION_TAG.DATASET_ID.eq(datasetId), DATASET_VERSION_TAG.TAG.eq(tag)).execute();
        tx.insertInto(DATASET_VERSION_TAG, DATASET_VERSION_TAG.DATASET_ID, DATASET_VERSION_TAG.TAG,
                DATASET_VERSION_TAG.DATASET_VERSION_ID).values(datasetId, tag, versionId).execute();
    }

    private static void checkTag(String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new DatasetException("\"" + tag + "\" is not a tag: a letter first, then letters, digits, "
                    + "_ . or - (at most 100).");
        }
        if (tag.equalsIgnoreCase(VersionRef.DRAFT)) {
            throw new DatasetException("\"draft\" always names the draft; choose another tag.");
        }
    }

    // ---- items

    /** The items of a version, in item_key order. */
    public List<DatasetItem> items(DatasetVersion version) {
        return DatasetItemRows.read(dsl, version.id());
    }

    /**
     * Adds each source to the draft of {@code reference} (NAME or NAME@draft). A source already in
     * the draft (same item key) is replaced and keeps its split; a source that cannot become an item
     * is refused with the reason, as is one that does not match the dataset's {@link ItemSchema}. One
     * transaction per source, so refusals do not undo the others.
     */
    public List<AddResult> add(String reference, Collection<ItemSource> sources) {
        DatasetVersion draft = draftFor(reference);
        long draftId = draft.id();
        ItemSchema schema = itemSchema(draft.dataset()).map(ItemSchema::compile).orElse(null);
        DatasetSources builder = new DatasetSources(dsl, clock);
        List<AddResult> results = new ArrayList<>();
        for (ItemSource source : sources) {
            DatasetItem item;
            try {
                item = builder.item(source);
            } catch (DatasetSources.Refused refused) {
                results.add(AddResult.refused(source, refused.getMessage()));
                continue;
            }
            Optional<String> mismatch = schema == null ? Optional.empty() : schema.problemWith(item);
            if (mismatch.isPresent()) {
                results.add(AddResult.refused(source, source.describe() + " does not match the item schema of "
                        + draft.dataset() + ": " + mismatch.get()));
                continue;
            }
            boolean replaced = dsl.transactionResult(configuration -> DatasetItemRows.put(DSL.using(configuration), draftId, item));
            results.add(new AddResult(source, replaced ? AddResult.Outcome.REPLACED : AddResult.Outcome.ADDED,
                    item.itemKey(), null));
        }
        return results;
    }

    /** Sets an item's split in the draft ("train", "test" or a custom name). */
    public void setSplit(String reference, String itemKey, String split) {
        if (split == null || !SPLIT.matcher(split).matches()) {
            throw new DatasetException("\"" + split + "\" is not a split name: letters, digits, _ . or - (at most 64).");
        }
        DatasetVersion draft = draftFor(reference);
        int updated = dsl.update(DATASET_ITEM).set(DATASET_ITEM.SPLIT, split)
                .where(DATASET_ITEM.DATASET_VERSION_ID.eq(draft.id()), DATASET_ITEM.ITEM_KEY.eq(itemKey)).execute();
        if (updated == 0) {
            throw new DatasetException("The draft of " + draft.dataset() + " has no item " + itemKey + ".");
        }
    }

    /** Takes an item out of the draft; false when it was not there. */
    public boolean remove(String reference, String itemKey) {
        DatasetVersion draft = draftFor(reference);
        return dsl.deleteFrom(DATASET_ITEM)
                .where(DATASET_ITEM.DATASET_VERSION_ID.eq(draft.id()), DATASET_ITEM.ITEM_KEY.eq(itemKey)).execute() > 0;
    }

    /** The default split of an item key: train for {@value #TRAIN_PERCENT}% of keys, by their SHA-256. */
    public static String defaultSplit(String itemKey) {
        byte[] hash = HexFormat.of().parseHex(CanonicalItems.sha256Hex(itemKey).substring(0, 8));
        long bucket = Integer.toUnsignedLong(ByteBuffer.wrap(hash).getInt()) % 100;
        return bucket < TRAIN_PERCENT ? TRAIN : TEST;
    }

    private DatasetVersion draftFor(String reference) {
        VersionRef ref = VersionRef.parse(reference);
        if (ref.selector() != null && !ref.isDraft()) {
            DatasetVersion version = resolve(reference);
            throw new DatasetException(version.label() + " is published and cannot be changed; edits go to the "
                    + "draft (" + ref.name() + "@draft), published with: tracedesk dataset publish " + ref.name());
        }
        return resolve(ref.name() + "@" + VersionRef.DRAFT);
    }

    // ---- diff

    /** Added, removed and changed items (by item key) from one version to another. */
    public DatasetDiff diff(String fromReference, String toReference) {
        DatasetVersion from = resolve(fromReference);
        DatasetVersion to = resolve(toReference);
        Map<String, String> before = canonical(items(from));
        Map<String, String> after = canonical(items(to));
        List<String> added = after.keySet().stream().filter(key -> !before.containsKey(key)).toList();
        List<String> removed = before.keySet().stream().filter(key -> !after.containsKey(key)).toList();
        List<String> changed = after.keySet().stream()
                .filter(key -> before.containsKey(key) && !Objects.equals(before.get(key), after.get(key))).toList();
        return new DatasetDiff(from, to, added, removed, changed);
    }

    private static Map<String, String> canonical(List<DatasetItem> items) {
        Map<String, String> byKey = new TreeMap<>();
        items.forEach(item -> byKey.put(item.itemKey(), CanonicalItems.json(item)));
        return byKey;
    }

    // ---- rows

    private Record datasetRow(String name) {
        return datasetRow(dsl, name);
    }

    private static Record datasetRow(DSLContext dsl, String name) {
        Record row = name == null ? null : dsl.selectFrom(DATASET).where(DATASET.NAME.eq(name.trim())).fetchOne();
        if (row == null) {
            throw new DatasetException("No dataset named \"" + name + "\". See them with: tracedesk datasets");
        }
        return row;
    }

    private List<DatasetVersion> versionsWhere(org.jooq.Condition where) {
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        Map<Long, Integer> counts = new LinkedHashMap<>();
        List<Record> rows = dsl.select(DATASET_VERSION.asterisk(), DATASET.NAME).from(DATASET_VERSION)
                .join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
                .where(where).orderBy(DATASET_VERSION.VERSION_NUMBER).fetch().stream().map(r -> (Record) r).toList();
        List<Long> ids = rows.stream().map(r -> r.get(DATASET_VERSION.ID)).toList();
        dsl.select(DATASET_VERSION_TAG.DATASET_VERSION_ID, DATASET_VERSION_TAG.TAG).from(DATASET_VERSION_TAG)
                .where(DATASET_VERSION_TAG.DATASET_VERSION_ID.in(ids)).orderBy(DATASET_VERSION_TAG.TAG)
                .forEach(r -> tags.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2()));
        dsl.select(DATASET_ITEM.DATASET_VERSION_ID, DSL.count()).from(DATASET_ITEM)
                .where(DATASET_ITEM.DATASET_VERSION_ID.in(ids)).groupBy(DATASET_ITEM.DATASET_VERSION_ID)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return rows.stream().map(r -> {
            long id = r.get(DATASET_VERSION.ID);
            OffsetDateTime publishedAt = r.get(DATASET_VERSION.PUBLISHED_AT);
            return new DatasetVersion(id, r.get(DATASET_VERSION.DATASET_ID), r.get(DATASET.NAME),
                    r.get(DATASET_VERSION.VERSION_NUMBER), DatasetVersion.State.valueOf(r.get(DATASET_VERSION.STATE)),
                    r.get(DATASET_VERSION.CONTENT_HASH), publishedAt == null ? null : publishedAt.toInstant(),
                    r.get(DATASET_VERSION.PUBLISHED_BY), tags.getOrDefault(id, List.of()), counts.getOrDefault(id, 0));
        }).toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
