package dev.tracedesk.ingest.generic;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.core.model.SpanStatus;
import dev.tracedesk.ingest.generic.FieldMapping.Field;
import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.model.CaseKeys;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/** Turns one record of a generic LLM-call log into an LLM span, as its field mapping says. */
final class GenericCallMapper {

    private final FieldMapping mapping;

    GenericCallMapper(FieldMapping mapping) {
        this.mapping = mapping;
    }

    /**
     * @param rawText the record as it was in the file: a record without an id is named by its hash,
     *                so importing the file again finds it again
     */
    CanonicalSpan map(JsonNode record, String rawText) {
        CanonicalSpan span = new CanonicalSpan();
        span.sourceSystem = "generic:" + mapping.name();
        span.kind = SpanKind.LLM;
        span.spanId = text(record, Field.SPAN_ID);
        if (span.spanId == null) {
            span.spanId = CaseKeys.sha256(rawText).substring(0, 32);
        }
        span.traceId = CanonicalSpan.firstNonNull(text(record, Field.TRACE_ID), span.spanId);
        span.parentSpanId = text(record, Field.PARENT_SPAN_ID);
        span.provider = text(record, Field.PROVIDER);
        span.requestedModel = text(record, Field.REQUESTED_MODEL);
        span.servedModel = CanonicalSpan.firstNonNull(text(record, Field.SERVED_MODEL), span.requestedModel);
        span.name = CanonicalSpan.firstNonNull(text(record, Field.NAME),
                span.requestedModel == null ? "llm call" : "chat " + span.requestedModel);
        span.traceName = span.parentSpanId == null ? span.name : null;
        mapTimes(record, span);
        mapContent(record, span);
        span.inputTokens = JsonValues.asLong(mapping.valueIn(record, Field.INPUT_TOKENS));
        span.outputTokens = JsonValues.asLong(mapping.valueIn(record, Field.OUTPUT_TOKENS));
        span.totalTokens = JsonValues.asLong(mapping.valueIn(record, Field.TOTAL_TOKENS));
        span.costUsd = JsonValues.asDecimal(mapping.valueIn(record, Field.COST_USD));
        span.promptTemplateName = text(record, Field.PROMPT_TEMPLATE_NAME);
        span.promptTemplateVersion = text(record, Field.PROMPT_TEMPLATE_VERSION);
        span.parametersJson = JsonValues.json(parsedIfJsonText(mapping.valueIn(record, Field.PARAMETERS)));
        span.sessionId = text(record, Field.SESSION_ID);
        span.userId = text(record, Field.USER_ID);
        String error = text(record, Field.ERROR);
        span.status = error == null || error.isBlank() ? SpanStatus.OK : SpanStatus.ERROR;
        span.errorMessage = error == null || error.isBlank() ? null : error;
        span.attributesJson = record.toString();
        return span;
    }

    private void mapTimes(JsonNode record, CanonicalSpan span) {
        span.startNs = time(mapping.valueIn(record, Field.START_TIME));
        Long endNs = time(mapping.valueIn(record, Field.END_TIME));
        Double latencyMs = JsonValues.asDouble(mapping.valueIn(record, Field.LATENCY_MS));
        if (span.startNs != null && endNs != null) {
            span.durationNs = Math.max(0, endNs - span.startNs);
        } else if (latencyMs != null) {
            span.durationNs = Math.round(latencyMs * 1e6);
            if (span.startNs == null && endNs != null) {
                span.startNs = endNs - span.durationNs;
            }
        }
    }

    private void mapContent(JsonNode record, CanonicalSpan span) {
        JsonNode messages = parsedIfJsonText(mapping.valueIn(record, Field.INPUT_MESSAGES));
        if (messages.isArray()) {
            StringBuilder rendered = new StringBuilder();
            for (JsonNode message : messages) {
                String role = message.path("role").asText("user");
                String content = contentText(message.get("content"));
                span.messages.add(new CanonicalMessage(MessageDirection.INPUT, role, JsonValues.text(message.get("name")),
                        content, JsonValues.json(message.get("tool_calls")), JsonValues.text(message.get("tool_call_id")), null));
                rendered.append(role).append(": ").append(content == null ? "" : content).append('\n');
            }
            span.inputText = rendered.toString().stripTrailing();
        }
        String input = text(record, Field.INPUT);
        if (input != null) {
            span.inputText = input;
            if (span.messages.isEmpty()) {
                span.messages.add(CanonicalMessage.text(MessageDirection.INPUT, "user", input));
            }
        }
        span.outputText = text(record, Field.OUTPUT);
        if (span.outputText != null) {
            span.messages.add(CanonicalMessage.text(MessageDirection.OUTPUT, "assistant", span.outputText));
        }
    }

    /** Message content is a string, or OpenAI-style parts [{type: text, text: …}]. */
    private static String contentText(JsonNode content) {
        if (content == null || !content.isArray()) {
            return JsonValues.text(content);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            String piece = part.isTextual() ? part.asText() : JsonValues.text(part.get("text"));
            if (piece != null) {
                text.append(text.length() == 0 ? "" : "\n").append(piece);
            }
        }
        return text.toString();
    }

    private String text(JsonNode record, Field field) {
        String text = JsonValues.text(mapping.valueIn(record, field));
        return text == null || text.isEmpty() ? null : text;
    }

    /** CSV cells and some logs hold JSON as text. */
    private static JsonNode parsedIfJsonText(JsonNode node) {
        if (node != null && node.isTextual()) {
            String text = node.asText().trim();
            if (text.startsWith("[") || text.startsWith("{")) {
                try {
                    return JsonValues.MAPPER.readTree(text);
                } catch (java.io.IOException notJson) {
                    return node;
                }
            }
        }
        return node;
    }

    /** ISO-8601 text, or epoch seconds / milliseconds / microseconds / nanoseconds told apart by size. */
    static Long time(JsonNode node) {
        if (!JsonValues.present(node)) {
            return null;
        }
        String text = node.asText().trim();
        if (node.isIntegralNumber() || text.matches("-?\\d{1,19}")) {
            long value = node.isIntegralNumber() ? node.asLong() : Long.parseLong(text);
            long magnitude = Math.abs(value);
            if (magnitude < 100_000_000_000L) {
                return value * 1_000_000_000L;
            }
            if (magnitude < 100_000_000_000_000L) {
                return value * 1_000_000L;
            }
            return magnitude < 100_000_000_000_000_000L ? value * 1_000L : value;
        }
        if (node.isNumber() || text.matches("-?\\d+\\.\\d+")) {
            // exact decimal arithmetic: a double cannot hold epoch nanoseconds
            java.math.BigDecimal value = new java.math.BigDecimal(text);
            int shift = value.abs().compareTo(java.math.BigDecimal.valueOf(100_000_000_000L)) < 0 ? 9 : 6;
            return value.movePointRight(shift).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        }
        return JsonValues.epochNanos(JsonValues.parseInstant(text));
    }
}
