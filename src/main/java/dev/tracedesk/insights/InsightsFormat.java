package dev.tracedesk.insights;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard writes its figures: "—" wherever nothing was recorded. */
public final class InsightsFormat {

    public static final String NONE = "—";

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private InsightsFormat() {
    }

    /** "8.4 ms", "850 ms", "1.24 s", "75.0 s". */
    public static String duration(Long ns) {
        if (ns == null) {
            return NONE;
        }
        double ms = ns / 1e6;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, ms < 10_000 ? "%.2f s" : "%.1f s", ms / 1000);
    }

    /** Milliseconds for a chart's axis; null stays null. */
    public static Double millis(Long ns) {
        return ns == null ? null : ns / 1e6;
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Token counts for a narrow column: exact below a million, then "164.3 M". */
    public static String tokens(long value) {
        if (value < 1_000_000) {
            return count(value);
        }
        return String.format(Locale.ROOT, "%.1f M", value / 1e6);
    }

    /** "$0", "$0.00042" (two significant digits below a cent), "$12.34", "$1,234". */
    public static String usd(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        if (value.signum() == 0) {
            return "$0";
        }
        BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return String.format(Locale.ROOT, "$%,.0f", value);
        }
        if (magnitude.compareTo(new BigDecimal("0.01")) >= 0) {
            return String.format(Locale.ROOT, "$%.2f", value);
        }
        return "$" + value.round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }

    /** A bucket's start in the zone: "2025-03-14 09:00" for an hour, "2025-03-14" for a day. */
    public static String bucket(long startNs, Granularity granularity, ZoneId zone) {
        return (granularity == Granularity.HOUR ? HOUR : DAY).format(Instant.EPOCH.plusNanos(startNs).atZone(zone));
    }

    /** An instant to the minute, for the range line. */
    public static String instant(long epochNs, ZoneId zone) {
        return HOUR.format(Instant.EPOCH.plusNanos(epochNs).atZone(zone));
    }
}
