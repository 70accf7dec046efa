package dev.tracedesk.ingest.promptfoo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything of a promptfoo results.json except its results: what the first pass collects so the
 * run can be emitted before its cases, wherever in the file these parts stand.
 */
final class PromptfooEnvelope {

    String evalId;
    Integer version;
    String timestamp;
    /** v3: {@code results.prompts}. */
    JsonNode prompts;
    /** v2: {@code results.table.head.prompts}. */
    JsonNode tablePrompts;
    JsonNode stats;
    JsonNode config;
    JsonNode metadata;
    boolean sawResultsObject;
    boolean sawResultsArray;
    boolean sawTable;
    /** Where the JSON broke, when it did; null for a whole file. */
    JsonBreak jsonBreak;

    /**
     * A point where the JSON could not be read further.
     *
     * @param path            the part being read, "$.config" or "$.results.results"
     * @param line            the line of the break
     * @param column          the column of the break
     * @param partStartOffset where that part starts in the content, for the raw text of the rejection
     * @param partStartLine   the line that part starts on
     * @param message         Jackson's words for what was wrong
     */
    record JsonBreak(String path, long line, long column, long partStartOffset, long partStartLine,
                     String message) {

        boolean insideResultsArray() {
            return path.equals("$.results.results");
        }
    }

    PromptTemplates templates() {
        return PromptTemplates.fromCompletedPrompts(prompts != null ? prompts : tablePrompts);
    }
}
