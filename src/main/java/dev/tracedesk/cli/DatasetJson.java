package dev.tracedesk.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.datasets.AddResult;
import dev.tracedesk.datasets.DatasetDiff;
import dev.tracedesk.datasets.DatasetItem;
import dev.tracedesk.datasets.DatasetSummary;
import dev.tracedesk.datasets.DatasetVersion;

/** The documented JSON shapes of the dataset commands (decision 0015), keys in this order. */
final class DatasetJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DatasetJson() {
    }

    static Map<String, Object> dataset(DatasetSummary dataset) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", dataset.name());
        json.put("id", dataset.id());
        json.put("description", dataset.description());
        json.put("createdAt", dataset.createdAt().toString());
        json.put("publishedVersions", dataset.publishedVersions());
        json.put("latestVersion", dataset.latestVersion());
        json.put("draftVersion", dataset.draftVersion());
        json.put("draftItems", dataset.draftItems());
        return json;
    }

    static Map<String, Object> version(DatasetVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", version.dataset());
        json.put("version", version.number());
        json.put("state", version.state().name());
        json.put("contentHash", version.contentHash());
        json.put("publishedAt", version.publishedAt() == null ? null : version.publishedAt().toString());
        json.put("publishedBy", version.publishedBy());
        json.put("tags", version.tags());
        json.put("items", version.items());
        return json;
    }

    static Map<String, Object> item(DatasetItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("itemKey", item.itemKey());
        json.put("split", item.split());
        json.put("input", tree(item.inputJson()));
        json.put("expectedOutput", item.expectedOutput());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("sourceSpanId", item.sourceSpanId());
        provenance.put("sourceEvalCaseId", item.sourceEvalCaseId());
        provenance.put("servedModel", item.servedModel());
        provenance.put("promptTemplate", item.promptTemplateName());
        provenance.put("promptTemplateVersion", item.promptTemplateVersion());
        provenance.put("retrievedDocumentIds", item.retrievedDocumentIds());
        provenance.put("reviewer", item.reviewer());
        provenance.put("labelId", item.labelId());
        json.put("provenance", provenance);
        json.put("metadata", tree(item.metadataJson()));
        return json;
    }

    static Map<String, Object> added(AddResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", result.source().kind().word());
        json.put("id", result.source().id());
        json.put("outcome", result.outcome().name());
        json.put("itemKey", result.itemKey());
        json.put("reason", result.reason());
        return json;
    }

    static Map<String, Object> diff(DatasetDiff diff) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", version(diff.from()));
        json.put("to", version(diff.to()));
        json.put("added", diff.added());
        json.put("removed", diff.removed());
        json.put("changed", diff.changed());
        return json;
    }

    static List<Map<String, Object>> items(List<DatasetItem> items) {
        return items.stream().map(DatasetJson::item).toList();
    }

    private static Object tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
