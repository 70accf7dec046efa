package dev.tracedesk.ingest.otlp.dialect;

import static dev.tracedesk.ingest.model.CanonicalSpan.firstNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.model.CanonicalSpan;

/**
 * Facts no single dialect owns: session.id / user.id (OpenInference, Langfuse and others write
 * them; enduser.id is the older OTel name), plain input / output attributes some SDKs add to tool
 * spans, and errors — the OTel status, error.type, and exception events.
 */
final class CommonMapper implements DialectMapper {

    @Override
    public void map(SpanFacts facts, CanonicalSpan span) {
        span.sessionId = firstNonNull(span.sessionId, facts.text("session.id"));
        span.userId = firstNonNull(span.userId, facts.text("user.id"), facts.text("enduser.id"));
        facts.offerRawInput(facts.text("input"));
        facts.offerRawOutput(facts.text("output"));
        String errorType = facts.text("error.type");
        if (errorType != null && span.status != SpanStatus.ERROR) {
            // semconv sets error.type only when the operation failed
            span.status = SpanStatus.ERROR;
        }
        if (span.status == SpanStatus.ERROR) {
            span.errorMessage = firstNonNull(span.errorMessage, exception(facts), errorType);
        }
    }

    /** "type: message" of the first exception event. */
    private static String exception(SpanFacts facts) {
        for (SpanEvent event : facts.events()) {
            if ("exception".equals(event.name())) {
                ObjectNode attributes = event.attributes();
                String type = Values.text(attributes.get("exception.type"));
                String message = Values.text(attributes.get("exception.message"));
                if (type != null || message != null) {
                    return type == null ? message : message == null ? type : type + ": " + message;
                }
            }
        }
        return null;
    }
}
