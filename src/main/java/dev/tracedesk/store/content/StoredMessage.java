package dev.tracedesk.store.content;

/**
 * A message of a model call as kept in {@code span_content.messages_json}.
 *
 * @param direction     INPUT or OUTPUT
 * @param position      its place among the span's messages of that direction, from 0
 * @param toolCallsJson a JSON array of tool calls, kept as the text it was
 */
public record StoredMessage(String direction, int position, String role, String name, String content,
                            String toolCallsJson, String toolCallId, String finishReason) {
}
