/**
 * OTLP/JSON traces and logs: {@link dev.tracedesk.ingest.otlp.OtlpTracesReader} and
 * {@link dev.tracedesk.ingest.otlp.OtlpLogsReader}.
 *
 * <p>How a file flows through:
 * <ol>
 *   <li>{@code OtlpLayout} decides from the first lines whether the file is JSON Lines (the
 *       Collector file exporter: one envelope per line, read line by line so a bad line costs only
 *       itself) or one document (pretty-printed or compact, streamed).</li>
 *   <li>{@code OtlpEnvelopeWalker} and {@code ResourceBlock} stream resourceSpans → scopeSpans →
 *       spans (and resourceLogs → scopeLogs → logRecords) in camelCase or snake_case; a span is read
 *       straight from the parser by {@code OtlpSpanDecoder} into a {@code RawSpan}, its attributes
 *       flattened from typed AnyValues to plain JSON by {@code AnyValueReader}. Spans printed by the
 *       Python SDK ({@code ConsoleSpans}) are read too.</li>
 *   <li>{@code OtlpRecordEmitter} maps each record ({@code OtlpSpanMapper}: ids, times, status and
 *       the envelope; then the attribute dialects of {@link dev.tracedesk.ingest.otlp.dialect}) and
 *       hands it to the sink, or rejects it with its path and its own JSON.</li>
 * </ol>
 *
 * <p>Nothing is dropped: every attribute stays in the span's attributes JSON as plain JSON
 * ({@code {"llm.token_count.prompt": 97, …}}); the span fields OTLP has and the canonical model
 * does not (OTel span kind, scope, trace state, links, dropped counts, unknown fields) are added
 * there under {@code otel.*} keys, never over an attribute of the source; resource attributes go to
 * the resource JSON, events (with plain attributes) to the events JSON.
 */
package dev.tracedesk.ingest.otlp;
