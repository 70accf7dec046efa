package dev.tracedesk.traces;

/** A message into (INPUT) or out of (OUTPUT) a model call, in its position; {@code toolCallsJson} as stored. */
public record SpanMessage(String direction, int position, String role, String name, String content,
                          String toolCallsJson, String toolCallId, String finishReason) {
}
