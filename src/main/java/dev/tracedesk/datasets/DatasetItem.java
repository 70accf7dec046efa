package dev.tracedesk.datasets;

import java.util.List;

/**
 * An item of a dataset version. {@code inputJson} has the shape of decision 0015
 * ({@code {"messages":[…],"vars":{…},"prompt":"…"}}); the rest is the expected output, the split
 * and where the item came from.
 */
public record DatasetItem(String itemKey, String split, String inputJson, String expectedOutput, Long sourceSpanId,
                          Long sourceEvalCaseId, String servedModel, String promptTemplateName,
                          String promptTemplateVersion, List<String> retrievedDocumentIds, String reviewer,
                          Long labelId, String metadataJson) {

    public DatasetItem {
        retrievedDocumentIds = retrievedDocumentIds == null ? List.of() : List.copyOf(retrievedDocumentIds);
    }

    public DatasetItem withSplit(String newSplit) {
        return new DatasetItem(itemKey, newSplit, inputJson, expectedOutput, sourceSpanId, sourceEvalCaseId,
                servedModel, promptTemplateName, promptTemplateVersion, retrievedDocumentIds, reviewer, labelId,
                metadataJson);
    }
}
