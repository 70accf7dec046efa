package dev.tracedesk.ingest.otlp.dialect;

import dev.tracedesk.ingest.model.CanonicalSpan;

/**
 * Knows one attribute dialect (OTel GenAI, OpenInference, Langfuse, …) and fills the canonical
 * span from it. Mappers run in a fixed order ({@link Dialects}); each fills only what is still
 * empty, so an earlier dialect wins when a span carries the same fact twice.
 */
interface DialectMapper {

    void map(SpanFacts facts, CanonicalSpan span);
}
