/**
 * Langfuse exports (FORMATS.md §3): the public API's JSON (camelCase) and the blob storage
 * export's JSON / JSONL (snake_case), read by {@link dev.tracedesk.ingest.langfuse.LangfuseReader}.
 *
 * <p>What becomes what:
 * <ul>
 *   <li>a trace → a root span (span id = trace id, kind CHAIN, the trace's input and output, name,
 *       session and user); top-level observations in the same trace object hang under it;</li>
 *   <li>an observation → a span (trace id = traceId / trace_id, span id = its id, parent =
 *       parentObservationId, "" or null = a root), its type → kind (GENERATION → LLM, SPAN → CHAIN,
 *       EVENT → OTHER, the 2025 types one to one), model → requested and served model,
 *       modelParameters → parameters, promptName / promptVersion → prompt template, usage → tokens,
 *       cost details → reported cost, level ERROR → status ERROR with statusMessage,
 *       completionStartTime → time to first token, input / output → messages and text, a
 *       retriever's output → documents, the whole record → attributes;</li>
 *   <li>a score → a check on its observation, or on the trace's root when it names none: inline
 *       when it comes inside its trace object, else through {@code RecordSink#check}.</li>
 * </ul>
 */
package dev.tracedesk.ingest.langfuse;
