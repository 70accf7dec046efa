package dev.tracedesk.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.datasets.export.AssertionStyle;
import dev.tracedesk.datasets.export.ExportFormat;
import dev.tracedesk.datasets.export.ExportItem;
import dev.tracedesk.datasets.export.ExportMessage;
import dev.tracedesk.datasets.export.ExportOptions;
import dev.tracedesk.datasets.export.ExportResult;
import dev.tracedesk.datasets.export.ExportSource;
import dev.tracedesk.datasets.export.Exporter;
import dev.tracedesk.datasets.export.RedactionRule;

/**
 * Exports one dataset version: its items as the export library's {@link ExportItem}s (input from
 * {@code input_json}, provenance into the metadata, the model's original output beside a
 * correction), written by {@link Exporter} with its manifest. The workspace is only read.
 */
public final class DatasetExports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Datasets datasets;

    public DatasetExports(DSLContext dsl, java.time.Clock clock) {
        this.datasets = new Datasets(dsl, clock);
    }

    /**
     * @param ref        {@code NAME}, {@code NAME@3}, {@code NAME@tag} or {@code NAME@draft}
     * @param redactions the rules to mask text with (empty: none)
     */
    public ExportResult export(String ref, ExportFormat format, AssertionStyle assertions, List<RedactionRule> redactions,
                               String toolVersion, Path out) throws IOException {
        return export(ref, format, assertions, new RedactionSets.Choice(null, redactions), toolVersion, out);
    }

    /** As above, with rules chosen by name ({@link RedactionSets#choose}); the manifest names the choice. */
    public ExportResult export(String ref, ExportFormat format, AssertionStyle assertions, RedactionSets.Choice redaction,
                               String toolVersion, Path out) throws IOException {
        DatasetVersion version = datasets.resolve(ref);
        List<ExportItem> items = new ArrayList<>();
        for (DatasetItem item : datasets.items(version)) {
            items.add(exportItem(item));
        }
        ExportSource source = new ExportSource(version.dataset(), version.number(),
                version.contentHash() == null ? "draft" : version.contentHash());
        return new Exporter(format, new ExportOptions(assertions, redaction.rules(), toolVersion,
                redaction.name())).export(source, items, out);
    }

    static ExportItem exportItem(DatasetItem item) throws IOException {
        JsonNode input = JSON.readTree(item.inputJson());
        List<ExportMessage> messages = new ArrayList<>();
        input.path("messages").forEach(message -> messages.add(new ExportMessage(message.path("role").asText("user"),
                message.path("content").asText(""))));
        Map<String, String> vars = new LinkedHashMap<>();
        input.path("vars").fields().forEachRemaining(field -> vars.put(field.getKey(),
                field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
        String prompt = input.hasNonNull("prompt") ? input.get("prompt").asText() : null;
        Map<String, Object> metadata = item.metadataJson() == null ? new LinkedHashMap<>()
                : JSON.convertValue(JSON.readTree(item.metadataJson()), LinkedHashMap.class);
        Object original = metadata.remove("originalOutput");
        putIfPresent(metadata, "sourceSpanId", item.sourceSpanId());
        putIfPresent(metadata, "sourceEvalCaseId", item.sourceEvalCaseId());
        putIfPresent(metadata, "servedModel", item.servedModel());
        putIfPresent(metadata, "promptTemplate", item.promptTemplateName());
        putIfPresent(metadata, "promptVersion", item.promptTemplateVersion());
        if (item.retrievedDocumentIds() != null && !item.retrievedDocumentIds().isEmpty()) {
            metadata.put("retrievedDocumentIds", item.retrievedDocumentIds());
        }
        putIfPresent(metadata, "reviewer", item.reviewer());
        putIfPresent(metadata, "labelId", item.labelId());
        return new ExportItem(item.itemKey(), item.split(), messages, vars, prompt, item.expectedOutput(),
                original == null ? null : original.toString(), metadata);
    }

    private static void putIfPresent(Map<String, Object> metadata, String key, Object value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
