package dev.tracedesk.ingest.model;

import dev.tracedesk.core.model.CheckSource;

/**
 * A guardrail result, an automated score or an annotation. Attached to a span or an eval case by
 * being listed on it; a free-standing check (a Langfuse score) names its span by {@link CheckTarget}.
 *
 * @param externalId the source's id for the check, when it has one (makes re-import idempotent)
 */
public record CanonicalCheck(
        String externalId,
        CheckSource source,
        String name,
        String label,
        Double value,
        Boolean passed,
        String explanation,
        Long createdNs) {
}
