package dev.tracedesk.ingest.model;

/**
 * A record that could not be imported, kept whole.
 *
 * @param locator    where it was, for a person: "line 42", "samples/3_epoch_1.json", "$.results[7]"
 * @param lineNumber the 1-based line it starts on, when known
 * @param rawText    the record as it was in the file
 * @param reason     what was wrong, in words
 */
public record Rejection(String locator, Long lineNumber, String rawText, String reason) {
}
