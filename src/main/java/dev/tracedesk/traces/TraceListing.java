package dev.tracedesk.traces;

import java.util.Set;

/**
 * What {@code tracedesk traces} asks for; every part optional (null).
 *
 * @param model         a served or requested model, or the start of one
 * @param promptName    a prompt template's name; empty or null = any
 * @param promptVersion its version; alone (no name) it matches that version of any template
 * @param sinceNs       traces that started at or after this time (epoch nanoseconds)
 * @param spanRowIds    traces holding one of these spans (a full-text search's hits)
 */
public record TraceListing(String model, String promptName, String promptVersion, Long sinceNs, Set<Long> spanRowIds,
                           int limit) {

    public static TraceListing newest(int limit) {
        return new TraceListing(null, null, null, null, null, limit);
    }
}
