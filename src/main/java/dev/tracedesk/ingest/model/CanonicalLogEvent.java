package dev.tracedesk.ingest.model;

/**
 * A message that arrived apart from its span: an OTLP log record carrying a GenAI event
 * ({@code gen_ai.user.message}, {@code gen_ai.choice}, …). It joins the span with these ids,
 * whichever of the two files is imported first.
 */
public record CanonicalLogEvent(
        String traceId,
        String spanId,
        Long timeNs,
        CanonicalMessage message) {
}
