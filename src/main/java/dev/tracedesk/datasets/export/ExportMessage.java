package dev.tracedesk.datasets.export;

/** One chat message of an item's input. */
public record ExportMessage(String role, String content) {
}
