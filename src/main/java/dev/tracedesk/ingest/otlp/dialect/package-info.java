/**
 * Attribute dialects: what the OTel GenAI conventions (every generation), OpenLLMetry,
 * OpenInference and Langfuse write on a span, mapped to the canonical span by one small mapper
 * each, applied in a fixed precedence by {@link dev.tracedesk.ingest.otlp.dialect.Dialects}: the
 * first dialect to give a fact wins, and the raw attributes keep every dialect's value. Messages in
 * JSON, whatever their shape, are read by {@link dev.tracedesk.ingest.otlp.dialect.MessageJson};
 * GenAI message events (span events and log records alike) by
 * {@link dev.tracedesk.ingest.otlp.dialect.GenAiEvents}.
 */
package dev.tracedesk.ingest.otlp.dialect;
