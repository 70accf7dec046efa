package dev.tracedesk.traces;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How the Traces section writes times, durations, tokens, money and JSON; one place, so table and panel agree. */
public final class TraceFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceFormat() {
    }

    public static String time(Long epochNs, ZoneId zone) {
        return epochNs == null ? "" : TIME.format(Instant.ofEpochSecond(0, epochNs).atZone(zone));
    }

    /** "850 ms", "2.0 s", "1.5 ms", "" for unknown. */
    public static String duration(Long ns) {
        if (ns == null) {
            return "";
        }
        if (ns < 10_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
        }
        if (ns < 1_000_000_000L) {
            return ns / 1_000_000L + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", ns / 1e9);
    }

    public static String tokens(Long tokens) {
        return tokens == null ? "" : String.format(Locale.ROOT, "%,d", tokens);
    }

    /** "$0.0042", with "~" in front when estimated from the price table. */
    public static String cost(BigDecimal usd, boolean estimated) {
        if (usd == null) {
            return "";
        }
        BigDecimal shown = usd.abs().compareTo(new BigDecimal("0.01")) >= 0 ? usd.setScale(2, RoundingMode.HALF_UP)
                : usd.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return (estimated ? "~$" : "$") + shown.toPlainString();
    }

    /** Pretty-printed JSON; text that is not JSON comes back as it was. */
    public static String prettyJson(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(json);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
