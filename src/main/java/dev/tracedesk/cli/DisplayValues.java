package dev.tracedesk.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** How the read commands show stored values: times, durations, money, JSON text, long text. */
final class DisplayValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private DisplayValues() {
    }

    /** ISO-8601 in UTC, as precise as the nanoseconds need ("2024-05-01T10:00:00.123Z"). */
    static String isoFromEpochNanos(Long epochNanos) {
        if (epochNanos == null) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                Math.floorMod(epochNanos, NANOS_PER_SECOND)).toString();
    }

    /** To the second, for tables. */
    static String isoSecondsFromEpochNanos(Long epochNanos) {
        return epochNanos == null ? "" : isoFromEpochNanos(epochNanos - Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }

    static String iso(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }

    /** Milliseconds with at most three decimals and no trailing zeros (950, 1.5, 0.001). */
    static BigDecimal millisFromNanos(Long nanos) {
        if (nanos == null) {
            return null;
        }
        return plain(BigDecimal.valueOf(nanos, 6).setScale(3, RoundingMode.HALF_UP));
    }

    /** An amount without the store's trailing zeros (0.0042, not 0.0042000000). */
    static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Stored JSON text as JSON; text that is not JSON is shown as the string it is, never dropped. */
    static JsonNode storedJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(text);
        }
    }

    static String lowerCase(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** One line of at most {@code width} characters, for tables. */
    static String oneLine(String text, int width) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > width ? line.substring(0, width - 1) + "…" : line;
    }

    /** A duration for people: "850 ms", "2.4 s", "" when unknown. */
    static String duration(Long nanos) {
        if (nanos == null) {
            return "";
        }
        if (nanos < 10 * NANOS_PER_SECOND) {
            BigDecimal millis = millisFromNanos(nanos);
            return (millis.compareTo(BigDecimal.TEN) < 0 ? millis.toPlainString()
                    : millis.setScale(0, RoundingMode.HALF_UP).toPlainString()) + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
