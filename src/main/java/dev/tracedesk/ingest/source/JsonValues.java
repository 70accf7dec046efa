package dev.tracedesk.ingest.source;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Lenient reading of JSON values as the tools write them: numbers as strings, times in many forms. */
public final class JsonValues {

    /**
     * One mapper for every reader; duplicate keys tolerated (last wins). Floats are read as
     * doubles, not BigDecimal: BigDecimal refuses exponents beyond an int (1e99999999999999999999)
     * with an exception that would end a whole document, where a double just becomes infinite and
     * the lenient readers below turn it into "no value". Decimals come back exact through
     * {@link BigDecimal#valueOf(double)}, which gives the shortest text that reads as the double.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(factory());

    /**
     * Jackson refuses strings over 20 M characters by default; a prompt with an inlined document or
     * a base64 image can be longer, and the heap is the real limit. Readers that make their own
     * parsers take this factory.
     */
    public static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE / 2).build())
                .build();
    }

    private JsonValues() {
    }

    public static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** A scalar as text; an object or array as compact JSON; null when absent or JSON null. */
    public static String text(JsonNode node) {
        if (!present(node)) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** Compact JSON of any node; null when absent. */
    public static String json(JsonNode node) {
        return present(node) ? node.toString() : null;
    }

    public static String json(Object value) {
        try {
            return value == null ? null : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A whole number from a number or a numeric string ("123", "1.0e3"); null otherwise. */
    public static Long asLong(JsonNode node) {
        if (!present(node)) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            BigDecimal exact = asDecimal(node);
            return exact == null ? null : exact.longValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim()).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    public static Double asDouble(JsonNode node) {
        if (!present(node)) {
            return null;
        }
        if (node.isNumber()) {
            return finiteOrNull(node.asDouble());
        }
        if (node.isTextual()) {
            try {
                return finiteOrNull(Double.valueOf(node.asText().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? 1.0 : 0.0;
        }
        return null;
    }

    public static BigDecimal asDecimal(JsonNode node) {
        if (!present(node)) {
            return null;
        }
        if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
            double value = node.asDouble();
            return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Infinity and NaN are no measurement; they come from numbers too large to read. */
    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    public static Boolean asBoolean(JsonNode node) {
        if (!present(node)) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual()) {
            String text = node.asText().trim().toLowerCase(java.util.Locale.ROOT);
            if (text.equals("true")) {
                return true;
            }
            if (text.equals("false")) {
                return false;
            }
        }
        if (node.isNumber()) {
            return node.asDouble() != 0;
        }
        return null;
    }

    /**
     * Parses the time forms the tools write into an instant: ISO-8601 with an offset or Z,
     * with a space instead of T (OpenAI Evals, Langfuse blob export), or without a zone (read as
     * UTC, as Langfuse's blob export means it). Null when absent or unreadable.
     */
    public static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    public static Long epochNanos(Instant instant) {
        return instant == null ? null : instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Epoch seconds as a double (LiteLLM, Unix timestamps) to epoch nanoseconds. */
    public static Long secondsToNanos(Double seconds) {
        return seconds == null ? null : Math.round(seconds * 1e9);
    }
}
