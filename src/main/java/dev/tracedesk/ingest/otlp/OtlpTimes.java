package dev.tracedesk.ingest.otlp;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.JsonValues;

/** OTLP's *UnixNano fields: a decimal string (usual) or a JSON number; ISO text from hand-made files. */
final class OtlpTimes {

    private OtlpTimes() {
    }

    /** Epoch nanoseconds, or null when absent, zero (OTLP's "unset") or unreadable. */
    static Long nanos(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        long nanos;
        if (value.isIntegralNumber()) {
            nanos = value.longValue();
        } else if (value.isNumber()) {
            nanos = value.decimalValue().longValue();
        } else if (value.isTextual()) {
            String text = value.textValue().trim();
            try {
                nanos = Long.parseLong(text);
            } catch (NumberFormatException notDigits) {
                Long iso = JsonValues.epochNanos(JsonValues.parseInstant(text));
                return iso;
            }
        } else {
            return null;
        }
        return nanos == 0 ? null : nanos;
    }
}
