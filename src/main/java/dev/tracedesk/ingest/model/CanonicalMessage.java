package dev.tracedesk.ingest.model;

/**
 * One message of an LLM call. Order is the order within its direction on the span.
 *
 * @param content       the text (parts joined); null when the message only calls tools
 * @param toolCallsJson a JSON array of {id, name, arguments}, or null
 * @param toolCallId    for a tool message: the call it answers
 */
public record CanonicalMessage(
        MessageDirection direction,
        String role,
        String name,
        String content,
        String toolCallsJson,
        String toolCallId,
        String finishReason) {

    public static CanonicalMessage text(MessageDirection direction, String role, String content) {
        return new CanonicalMessage(direction, role, null, content, null, null, null);
    }
}
