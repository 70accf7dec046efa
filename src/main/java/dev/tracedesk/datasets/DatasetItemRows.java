package dev.tracedesk.datasets;

import static dev.tracedesk.store.generated.Tables.DATASET_ITEM;

import java.util.List;

import org.jooq.DSLContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/** The {@code dataset_item} rows of one version: reading them in item-key order, and inserting or replacing one. */
final class DatasetItemRows {

    private DatasetItemRows() {
    }

    static List<DatasetItem> read(DSLContext dsl, long versionId) {
        return dsl.selectFrom(DATASET_ITEM).where(DATASET_ITEM.DATASET_VERSION_ID.eq(versionId))
                .orderBy(DATASET_ITEM.ITEM_KEY)
                .fetch(r -> new DatasetItem(r.getItemKey(), r.getSplit(), r.getInputJson(), r.getExpectedOutput(),
                        r.getSourceSpanId(), r.getSourceEvalCaseId(), r.getServedModel(), r.getPromptTemplateName(),
                        r.getPromptTemplateVersion(), documentIds(r.getRetrievedDocumentIdsJson()), r.getReviewer(),
                        r.getLabelId(), r.getMetadataJson()));
    }

    /** Inserts or replaces by item key; true when it replaced. The split of a replaced item is kept. */
    static boolean put(DSLContext tx, long draftId, DatasetItem item) {
        String existingSplit = tx.select(DATASET_ITEM.SPLIT).from(DATASET_ITEM)
                .where(DATASET_ITEM.DATASET_VERSION_ID.eq(draftId), DATASET_ITEM.ITEM_KEY.eq(item.itemKey()))
                .forUpdate().fetchOne(DATASET_ITEM.SPLIT);
        String split = existingSplit != null ? existingSplit
                : item.split() != null ? item.split() : Datasets.defaultSplit(item.itemKey());
        if (existingSplit != null) {
            tx.deleteFrom(DATASET_ITEM)
                    .where(DATASET_ITEM.DATASET_VERSION_ID.eq(draftId), DATASET_ITEM.ITEM_KEY.eq(item.itemKey()))
                    .execute();
        }
        tx.insertInto(DATASET_ITEM, DATASET_ITEM.DATASET_VERSION_ID, DATASET_ITEM.ITEM_KEY, DATASET_ITEM.SPLIT,
                        DATASET_ITEM.INPUT_JSON, DATASET_ITEM.EXPECTED_OUTPUT, DATASET_ITEM.SOURCE_SPAN_ID,
                        DATASET_ITEM.SOURCE_EVAL_CASE_ID, DATASET_ITEM.SERVED_MODEL,
                        DATASET_ITEM.PROMPT_TEMPLATE_NAME, DATASET_ITEM.PROMPT_TEMPLATE_VERSION,
                        DATASET_ITEM.RETRIEVED_DOCUMENT_IDS_JSON, DATASET_ITEM.REVIEWER, DATASET_ITEM.LABEL_ID,
                        DATASET_ITEM.METADATA_JSON)
                .values(draftId, item.itemKey(), split, item.inputJson(), item.expectedOutput(), item.sourceSpanId(),
                        item.sourceEvalCaseId(), truncate(item.servedModel(), 200),
                        truncate(item.promptTemplateName(), 500), truncate(item.promptTemplateVersion(), 100),
                        item.retrievedDocumentIds().isEmpty() ? null : json(item.retrievedDocumentIds()),
                        truncate(item.reviewer(), 200), item.labelId(), item.metadataJson())
                .execute();
        return existingSplit != null;
    }

    private static List<String> documentIds(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return CanonicalItems.MAPPER.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String json(Object value) {
        try {
            return CanonicalItems.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
